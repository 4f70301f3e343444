using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Rates;

namespace PerfEval.Core.Tests.Rules.Rates;

public sealed class ExecutionAbove100RuleTests
{
    private static SelfEvalForm Department(string adjusted, string executed, string rate) =>
        Build.DepartmentTable().Fund("年度资金总额", adjusted: adjusted, executed: executed, rate: rate).Form;

    [Fact]
    public void Warns_when_the_stated_rate_exceeds_100_percent()
    {
        var f = Check.Single<ExecutionAbove100Rule>(Department("581.79", "1005.67", "172.86%"));

        f.Is("rate.execution-over-100", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Rate);
        f.Figures(expected: 100m, actual: 172.86m);
        f.Says("执行率为 172.86%", "超过 100%", "全年执行数 1005.67", "全年预算数 581.79");
    }

    /// <summary>The rate is computed from the amounts; the finding points at the empty rate cell where it belongs.</summary>
    [Fact]
    public void Warns_on_the_computed_rate_when_no_rate_is_written()
    {
        var f = Check.Single<ExecutionAbove100Rule>(Department("581.79", "1005.67", ""));

        f.Is("rate.execution-over-100", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Rate);
        f.Figures(expected: 100m, actual: 172.86m);
        f.Says("172.86%", "1005.67", "581.79");
    }

    [Theory]
    [InlineData("581.79", "581.79", "100%")]
    [InlineData("581.79", "581.79", "100.00%")]
    [InlineData("581.79", "581.79", "")]
    [InlineData("581.79", "581.73", "99.99%")]
    public void Is_silent_up_to_100_percent(string adjusted, string executed, string rate) =>
        Check.Silent<ExecutionAbove100Rule>(Department(adjusted, executed, rate));
}
