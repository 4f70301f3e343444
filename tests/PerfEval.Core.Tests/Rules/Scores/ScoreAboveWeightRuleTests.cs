using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

public sealed class ScoreAboveWeightRuleTests
{
    private static SelfEvalForm Department(string indicatorScore = "10", string fundScore = "10", string totalScore = "100") =>
        Build.DepartmentTable()
            .Fund("年度资金总额", adjusted: "100", executed: "100", weight: "10", rate: "100%", score: fundScore)
            .Level("产出指标")
            .Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", "10", indicatorScore)
            .Total("100", totalScore)
            .Form;

    [Fact]
    public void Reports_error_when_an_indicator_scores_more_than_its_weight()
    {
        var f = Check.Single<ScoreAboveWeightRule>(Department(indicatorScore: "10.5"));

        f.Is("score.above-weight", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Score);
        f.Figures(expected: 10m, actual: 10.5m);
        f.Says("“1：残疾人无障碍改造”得分 10.5", "超过分值 10");
    }

    [Fact]
    public void Reports_error_when_the_budget_execution_scores_more_than_its_weight()
    {
        var f = Check.Single<ScoreAboveWeightRule>(Department(fundScore: "12"));

        f.Is("score.above-weight", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Score);
        f.Figures(expected: 10m, actual: 12m);
        f.Says("年度资金总额", "得分 12", "超过分值 10");
    }

    [Fact]
    public void Reports_error_when_the_total_score_exceeds_the_total_weight()
    {
        var f = Check.Single<ScoreAboveWeightRule>(Department(totalScore: "101"));

        f.Is("score.above-weight", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 21, column: IndicatorColumn.Score);
        f.Figures(expected: 100m, actual: 101m);
        f.Says("总得分 101", "超过总分 100");
    }

    [Fact]
    public void Is_silent_on_full_marks() => Check.Silent<ScoreAboveWeightRule>(Department());

    [Theory]
    [InlineData("10.0")]
    [InlineData("9.99")]
    [InlineData("")]
    public void Is_silent_on_scores_up_to_the_weight_or_blank(string score) =>
        Check.Silent<ScoreAboveWeightRule>(Department(indicatorScore: score, fundScore: score));
}
