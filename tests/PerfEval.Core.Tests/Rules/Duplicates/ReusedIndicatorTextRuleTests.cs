using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Duplicates;

namespace PerfEval.Core.Tests.Rules.Duplicates;

public sealed class ReusedIndicatorTextRuleTests
{
    private static SelfEvalForm Table(string first, string second, string secondLevel1 = "效益指标", string secondLevel2 = "可持续影响指标") =>
        Build.DepartmentTable()
            .Level("效益指标")
            .Indicator("社会效益指标", first, "明显改善", "明显改善", "10", "10")
            .Level(secondLevel1)
            .Indicator(secondLevel2, second, "长期", "长期", "10", "10")
            .Form;

    [Fact]
    public void Warns_when_one_text_serves_two_second_level_indicators()
    {
        var f = Check.Single<ReusedIndicatorTextRule>(Table("1：残疾人群体和谐稳定", "2：残疾人群体和谐稳定"));

        f.Is("duplicate.reused-text", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 21, column: IndicatorColumn.Name);
        f.Figures(expected: null, actual: null);
        f.Says("“2：残疾人群体和谐稳定”", "既作为社会效益指标又作为可持续影响指标", "重复使用");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 20, IndicatorColumn.Name));
    }

    [Fact]
    public void Warns_across_first_level_indicators()
    {
        var f = Check.Single<ReusedIndicatorTextRule>(Table("残疾人群体和谐稳定", "残疾人群体和谐稳定", secondLevel1: "成本指标", secondLevel2: "社会成本指标"));

        f.Says("社会成本指标", "成本指标");
    }

    [Fact]
    public void Is_silent_on_different_texts() => Check.Silent<ReusedIndicatorTextRule>(Table("残疾人群体和谐稳定", "残疾人家庭和谐稳定"));

    [Fact]
    public void Is_silent_on_the_same_text_under_the_same_second_level_indicator() =>
        Check.Silent<ReusedIndicatorTextRule>(Table("残疾人群体和谐稳定", "残疾人群体和谐稳定", secondLevel2: "社会效益指标"));

    /// <summary>A text as short as "满意度" says too little to be a copied indicator.</summary>
    [Fact]
    public void Is_silent_on_short_texts() => Check.Silent<ReusedIndicatorTextRule>(Table("满意度", "满意度"));
}
