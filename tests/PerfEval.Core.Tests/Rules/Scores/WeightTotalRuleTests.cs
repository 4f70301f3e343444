using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

/// <summary>Budget execution 分值 10 (row 4) and indicators 30 + 30 + x (rows 20–22); 总分 in row 23.</summary>
public sealed class WeightTotalRuleTests
{
    private static SelfEvalForm Department(string last, string total, string fundWeight = "10") =>
        Build.DepartmentTable()
            .Fund("年度资金总额", adjusted: "100", executed: "100", weight: fundWeight, rate: "100%", score: fundWeight)
            .Level("产出指标")
            .Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", "30", "30")
            .Level("效益指标")
            .Indicator("社会效益指标", "2：残疾人生活质量", "明显改善", "明显改善", "30", "30")
            .Level("满意度指标")
            .Indicator("服务对象满意度指标", "3：残疾人满意度", "≥90%", "95%", last, last)
            .Total(total, "100")
            .Form;

    [Fact]
    public void Reports_error_when_the_weights_do_not_add_up_to_the_total_weight()
    {
        var f = Check.Single<WeightTotalRule>(Department("29.5", "100"));

        f.Is("score.weight-total", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 23, column: IndicatorColumn.Weight);
        f.Figures(expected: 99.5m, actual: 100m);
        f.Says("总分分值为 100", "合计为 99.5", "绩效指标 89.5", "预算执行 10");
    }

    [Fact]
    public void Is_silent_when_the_weights_add_up() => Check.Silent<WeightTotalRule>(Department("30", "100"));

    [Fact]
    public void Is_silent_on_a_total_written_with_decimals() => Check.Silent<WeightTotalRule>(Department("30", "100.0"));

    [Fact]
    public void Is_silent_when_the_indicators_alone_carry_the_total() => Check.Silent<WeightTotalRule>(Department("40", "100", fundWeight: ""));
}
