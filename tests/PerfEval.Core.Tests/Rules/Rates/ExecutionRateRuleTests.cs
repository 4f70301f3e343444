using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Rates;

namespace PerfEval.Core.Tests.Rules.Rates;

/// <summary>
/// 全年执行数 1005.67 ÷ 全年预算数 581.79 = 172.8579%; with both amounts rounded to the cent the quotient lies in
/// [172.8556%, 172.8602%]. Rounded that is 172.86% (two decimals) or 172.9% (one decimal); 172.85% and 172.8% cut
/// the further digits off.
/// </summary>
public sealed class ExecutionRateRuleTests
{
    private static SelfEvalForm Department(string rate, string adjusted = "581.79") =>
        Build.DepartmentTable().Fund("年度资金总额", initial: "581.79", adjusted: adjusted, executed: "1005.67", weight: "10", rate: rate, score: "10").Form;

    [Fact]
    public void Reports_error_when_the_rate_is_not_the_quotient()
    {
        var f = Check.Single<ExecutionRateRule>(Department("171%"));

        f.Is("rate.execution", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Rate);
        f.Figures(expected: 172.86m, actual: 171m);
        f.Says("执行率填为 171%", "1005.67", "581.79", "172.86%");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 4, FundColumn.Executed), (FormKind.DepartmentSelfEval, 2, 4, FundColumn.Adjusted));
    }

    [Theory]
    [InlineData("172.85%", 172.85, "172.86%")]
    [InlineData("172.8%", 172.8, "172.9%")]
    public void Reports_info_when_the_rate_was_truncated_instead_of_rounded(string rate, double stated, string rounded)
    {
        var f = Check.Single<ExecutionRateRule>(Department(rate));

        f.Is("rate.execution", Severity.Info);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Rate);
        f.Figures(expected: 172.86m, actual: (decimal)stated);
        f.Says(rate, "172.8579%", rounded, "截尾");
    }

    [Theory]
    [InlineData("172.86%")]
    [InlineData("172.9%")]
    [InlineData("172.858%")]
    [InlineData("1728.6‰")]
    public void Is_silent_on_the_quotient_rounded_to_the_rates_own_precision(string rate) => Check.Silent<ExecutionRateRule>(Department(rate));

    [Theory]
    [InlineData("")]
    [InlineData("—")]
    public void Is_silent_when_the_rate_or_the_budget_is_not_written(string blank)
    {
        Check.Silent<ExecutionRateRule>(Department(blank));
        Check.Silent<ExecutionRateRule>(Department("171%", adjusted: blank));
    }
}
