using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Missing;

namespace PerfEval.Core.Tests.Rules.Missing;

public sealed class ActualAsRangeRuleTests
{
    private static SelfEvalForm Row(string target, string actual) =>
        Build.ProjectTable("残疾人就业保障金").Indicator("数量指标", "1：就业培训人数", target, actual, "10", "10").Form;

    [Theory]
    [InlineData("≥30人")]
    [InlineData("≥95%")]
    [InlineData("不少于30人")]
    public void Warns_when_a_count_or_rate_is_reported_as_a_bound(string actual)
    {
        var f = Check.Single<ActualAsRangeRule>(Row(actual, actual));

        f.Is("missing.actual-as-range", Severity.Warning);
        f.AtCell(FormKind.ProjectSelfEval, table: 3, row: 20, column: IndicatorColumn.Actual);
        f.Figures(expected: null, actual: null);
        f.Says($"实际完成值填为“{actual}”", "应填写实际完成的具体数值");
    }

    /// <summary>A design life can only be stated as a bound.</summary>
    [Fact]
    public void Notes_a_bound_on_a_span_as_info()
    {
        var f = Check.Single<ActualAsRangeRule>(Row("≥15年", "≥15年"));

        f.Is("missing.actual-as-range", Severity.Info);
        f.AtCell(FormKind.ProjectSelfEval, table: 3, row: 20, column: IndicatorColumn.Actual);
    }

    [Theory]
    [InlineData("≥30人", "32人")]
    [InlineData("≥95%", "96.5%")]
    [InlineData("≥30人", "")]
    [InlineData("明显改善", "明显改善")]
    public void Is_silent_on_a_figure_reached(string target, string actual) => Check.Silent<ActualAsRangeRule>(Row(target, actual));

    /// <summary>A merged cell over target and actual is the blank-value rule's finding, not this one.</summary>
    [Fact]
    public void Is_silent_on_a_bound_in_a_merged_cell() =>
        Check.Silent<ActualAsRangeRule>(Build.ProjectTable("残疾人就业保障金").MergedIndicator("质量指标", "1：培训合格率", "≥95%", "10", "10").Form);
}
