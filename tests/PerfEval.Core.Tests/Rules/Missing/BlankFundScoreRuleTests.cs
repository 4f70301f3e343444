using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Missing;

namespace PerfEval.Core.Tests.Rules.Missing;

public sealed class BlankFundScoreRuleTests
{
    private static SelfEvalForm Department(string weight, string score) =>
        Build.DepartmentTable().Fund("年度资金总额", adjusted: "581.79", executed: "1005.67", weight: weight, rate: "172.85%", score: score).Form;

    [Theory]
    [InlineData("")]
    [InlineData("—")]
    public void Reports_error_when_the_budget_execution_score_is_blank(string blank)
    {
        var f = Check.Single<BlankFundScoreRule>(Department("10", blank));

        f.Is("missing.budget-score", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Score);
        f.Figures(expected: 10m, actual: null);
        f.Says("年度资金总额预算执行分值为 10", "得分未填写");
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("10", "0")]
    [InlineData("", "")]
    public void Is_silent_when_a_score_is_written_or_no_weight_is_given(string weight, string score) =>
        Check.Silent<BlankFundScoreRule>(Department(weight, score));
}
