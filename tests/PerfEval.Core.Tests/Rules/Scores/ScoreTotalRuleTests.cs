using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

/// <summary>Budget execution 得分 (row 4) and indicator 得分 30 + 28 + x (rows 20–22); 总分 in row 23.</summary>
public sealed class ScoreTotalRuleTests
{
    private static SelfEvalForm Department(string last, string total, string fundScore = "10") =>
        Build.DepartmentTable()
            .Fund("年度资金总额", adjusted: "100", executed: "100", weight: "10", rate: "100%", score: fundScore)
            .Level("产出指标")
            .Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", "30", "30")
            .Level("效益指标")
            .Indicator("社会效益指标", "2：残疾人生活质量", "明显改善", "较好改善", "30", "28", "部分残疾人家庭生活仍较困难")
            .Level("满意度指标")
            .Indicator("服务对象满意度指标", "3：残疾人满意度", "≥90%", "95%", "30", last, "个别群众对办理时限不满意")
            .Total("100", total)
            .Form;

    [Fact]
    public void Reports_error_when_the_scores_do_not_add_up_to_the_total_score()
    {
        var f = Check.Single<ScoreTotalRule>(Department("29.5", "98"));

        f.Is("score.score-total", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 23, column: IndicatorColumn.Score);
        f.Figures(expected: 97.5m, actual: 98m);
        f.Says("总得分填为 98", "合计为 97.5", "绩效指标 87.5", "预算执行 10");
    }

    [Fact]
    public void Says_so_when_the_budget_execution_score_is_blank()
    {
        var f = Check.Single<ScoreTotalRule>(Department("30", "98", fundScore: ""));

        f.Figures(expected: 88m, actual: 98m);
        f.Says("合计为 88", "预算执行 未填");
    }

    [Fact]
    public void Is_silent_when_the_scores_add_up() => Check.Silent<ScoreTotalRule>(Department("29.5", "97.5"));

    [Fact]
    public void Is_silent_on_a_total_written_with_more_decimals() => Check.Silent<ScoreTotalRule>(Department("29.5", "97.50"));
}
