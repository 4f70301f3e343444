using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Missing;

namespace PerfEval.Core.Tests.Rules.Missing;

public sealed class DeviationReasonRuleTests
{
    private static SelfEvalForm Row(string weight, string score, string deviation) =>
        Build.DepartmentTable().Indicator("数量指标", "1：残疾人无障碍改造", "150户", "135户", weight, score, deviation).Form;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Warns_when_points_are_lost_without_a_reason(string deviation)
    {
        var f = Check.Single<DeviationReasonRule>(Row("10", "9", deviation));

        f.Is("missing.deviation-reason", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Name);
        f.Figures(expected: 10m, actual: 9m);
        f.Says("“1：残疾人无障碍改造”得分 9 低于分值 10", "未填写偏差原因分析及改进措施");
    }

    [Fact]
    public void Is_silent_when_the_reason_is_given() =>
        Check.Silent<DeviationReasonRule>(Row("10", "9", "部分改造户因外出务工未能入户，下年度优先安排。"));

    [Theory]
    [InlineData("10", "10.0")]
    [InlineData("10", "")]
    [InlineData("", "9")]
    public void Is_silent_on_full_marks_and_on_blank_figures(string weight, string score) => Check.Silent<DeviationReasonRule>(Row(weight, score, ""));
}
