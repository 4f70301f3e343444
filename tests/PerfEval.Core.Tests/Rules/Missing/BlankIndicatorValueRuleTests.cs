using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Missing;

namespace PerfEval.Core.Tests.Rules.Missing;

/// <summary>One indicator in row 20: 年度指标值 column 4, 实际完成值 5, 分值 6, 得分 7.</summary>
public sealed class BlankIndicatorValueRuleTests
{
    private static SelfEvalForm Row(string target, string actual, string weight = "10", string score = "10") =>
        Build.DepartmentTable().Indicator("数量指标", "1：残疾人无障碍改造", target, actual, weight, score).Form;

    [Fact]
    public void Warns_once_when_both_target_and_actual_are_blank()
    {
        var f = Check.Single<BlankIndicatorValueRule>(Row("", ""));

        f.Is("missing.indicator-value", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Target);
        f.Figures(expected: null, actual: null);
        f.Says("“1：残疾人无障碍改造”", "年度指标值和实际完成值均未填写");
    }

    [Theory]
    [InlineData("", "150户", IndicatorColumn.Target, "未填写年度指标值")]
    [InlineData("/", "150户", IndicatorColumn.Target, "未填写年度指标值")]
    [InlineData("150户", "", IndicatorColumn.Actual, "未填写实际完成值")]
    [InlineData("明显改善", "——", IndicatorColumn.Actual, "未填写实际完成值")]
    public void Warns_at_the_blank_value(string target, string actual, int column, string says)
    {
        var f = Check.Single<BlankIndicatorValueRule>(Row(target, actual));

        f.Is("missing.indicator-value", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: column);
        f.Says(says);
    }

    [Fact]
    public void Warns_when_target_and_actual_share_one_merged_cell()
    {
        var form = Build.DepartmentTable().MergedIndicator("质量指标", "1：康复服务覆盖率", "≥95%", "10", "10").Form;

        var f = Check.Single<BlankIndicatorValueRule>(form);

        f.Is("missing.indicator-value", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Target);
        f.Says("合并为一格（≥95%）", "未单独填写实际完成值");
    }

    [Theory]
    [InlineData("", "10", IndicatorColumn.Weight, "未填写分值")]
    [InlineData("10", "", IndicatorColumn.Score, "未填写得分")]
    public void Reports_error_when_a_weight_or_score_is_blank(string weight, string score, int column, string says)
    {
        var f = Check.Single<BlankIndicatorValueRule>(Row("150户", "150户", weight, score));

        f.Is("missing.indicator-value", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: column);
        f.Says(says);
    }

    [Fact]
    public void Is_silent_on_a_complete_row() => Check.Silent<BlankIndicatorValueRule>(Row("150户", "150户"));

    /// <summary>Words are a value: 明显改善, 长期, 无 are written, not blank; 0 is a figure.</summary>
    [Theory]
    [InlineData("明显改善", "明显改善")]
    [InlineData("长期", "长期")]
    [InlineData("无", "无")]
    [InlineData("0", "0")]
    public void Is_silent_on_qualitative_values_and_zero(string target, string actual) => Check.Silent<BlankIndicatorValueRule>(Row(target, actual, "0", "0"));
}
