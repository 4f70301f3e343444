using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

/// <summary>产出指标(30分) headed in row 20 over three indicators in rows 20–22; 效益指标 without a stated weight.</summary>
public sealed class LevelWeightsRuleTests
{
    private static SelfEvalForm Department(string first, string second, string third) =>
        Build.DepartmentTable()
            .Level("产出指标", 30)
            .Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", first, first)
            .Indicator("数量指标", "2：残疾儿童康复救助", "156人", "156人", second, second)
            .Indicator("质量指标", "3：康复服务覆盖率", "≥95%", "96%", third, third)
            .Level("效益指标")
            .Indicator("社会效益指标", "4：残疾人生活质量", "明显改善", "明显改善", "25", "25")
            .Form;

    [Fact]
    public void Reports_error_when_the_weights_under_a_level_fall_short_of_its_header()
    {
        var f = Check.Single<LevelWeightsRule>(Department("10", "10", "9.5"));

        f.Is("score.level-weights", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Level1);
        f.Figures(expected: 30m, actual: 29.5m);
        f.Says("产出指标标注为 30 分", "3 项指标", "合计为 29.5 分", "少 0.5 分");
        f.RelatesTo(
            (FormKind.DepartmentSelfEval, 2, 20, IndicatorColumn.Weight),
            (FormKind.DepartmentSelfEval, 2, 21, IndicatorColumn.Weight),
            (FormKind.DepartmentSelfEval, 2, 22, IndicatorColumn.Weight));
    }

    [Fact]
    public void Reports_error_when_the_weights_under_a_level_exceed_its_header()
    {
        var f = Check.Single<LevelWeightsRule>(Department("12", "12", "12"));

        f.Figures(expected: 30m, actual: 36m);
        f.Says("合计为 36 分", "多 6 分");
    }

    [Fact]
    public void Is_silent_when_the_weights_add_up_to_the_header() => Check.Silent<LevelWeightsRule>(Department("10", "10", "10"));

    /// <summary>Weights are exact: how many zeros are written does not matter.</summary>
    [Fact]
    public void Is_silent_on_the_same_weights_written_with_decimals() => Check.Silent<LevelWeightsRule>(Department("10.0", "10.00", "10"));
}
