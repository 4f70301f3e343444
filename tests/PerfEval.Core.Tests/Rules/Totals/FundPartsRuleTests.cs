using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Totals;

namespace PerfEval.Core.Tests.Rules.Totals;

/// <summary>年度资金总额 (row 4) against 当年财政拨款, 上年结转资金, 其他资金 (rows 5–7), column by column.</summary>
public sealed class FundPartsRuleTests
{
    [Fact]
    public void Reports_error_when_the_funding_sources_do_not_add_up_to_the_annual_total()
    {
        var table = Build.ProjectTable("残疾人就业保障金")
            .Fund("年度资金总额", initial: "600.00", adjusted: "581.79", executed: "1005.67")
            .Fund("当年财政拨款", initial: "500.00", adjusted: "481.79", executed: "900.00")
            .Fund("上年结转资金", initial: "100.00", adjusted: "100.00", executed: "100.67")
            .Fund("其他资金")
            .Form;

        var f = Check.Single<FundPartsRule>(table);

        f.Is("total.fund-parts", Severity.Error);
        f.AtCell(FormKind.ProjectSelfEval, table: 3, row: 4, column: FundColumn.Executed);
        f.Figures(expected: 1000.67m, actual: 1005.67m);
        f.Says("年度资金总额全年执行数为 1005.67", "1000.67", "当年财政拨款 900.00", "上年结转资金 100.67");
        f.RelatesTo(
            (FormKind.ProjectSelfEval, 3, 5, FundColumn.Executed),
            (FormKind.ProjectSelfEval, 3, 6, FundColumn.Executed),
            (FormKind.ProjectSelfEval, 3, 7, FundColumn.Executed));
        Assert.Equal("残疾人就业保障金", f.FormName);
    }

    [Fact]
    public void Is_silent_when_the_sources_add_up_in_every_column()
    {
        var table = Build.ProjectTable("残疾人就业保障金")
            .Fund("年度资金总额", initial: "221", adjusted: "221", executed: "221")
            .Fund("当年财政拨款", initial: "221", adjusted: "221", executed: "221")
            .Fund("上年结转资金", initial: "0", adjusted: "0", executed: "0")
            .Fund("其他资金", initial: "—", adjusted: "—", executed: "—")
            .Form;

        Check.Silent<FundPartsRule>(table);
    }

    /// <summary>
    /// 18.30 against three parts written to the cent: the sum may be off by up to 0.015 from rounding the parts, and
    /// 0.005 from rounding the whole. 18.31 and 18.32 are within that; 18.33 is not; a blank part counts as nothing.
    /// </summary>
    [Theory]
    [InlineData("5.96", null)]
    [InlineData("5.97", null)]
    [InlineData("5.98", "18.33")]
    [InlineData("", "12.35")]
    public void Fires_only_beyond_the_rounding_of_the_figures(string third, string? sum)
    {
        var table = Build.DepartmentTable()
            .Fund("年度资金总额", adjusted: "18.30")
            .Fund("财政拨款", adjusted: "3.93")
            .Fund("上年结转", adjusted: "8.42")
            .Fund("其他资金", adjusted: third)
            .Form;

        var findings = Check.Run<FundPartsRule>(table);

        if (sum is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            var f = Assert.Single(findings);
            f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Adjusted);
            f.Figures(expected: decimal.Parse(sum, System.Globalization.CultureInfo.InvariantCulture), actual: 18.3m);
            f.Says("全年预算数为 18.30", sum);
        }
    }

    [Fact]
    public void Is_silent_on_thirds_that_round_to_the_whole()
    {
        var table = Build.DepartmentTable()
            .Fund("年度资金总额", executed: "1.0")
            .Fund("财政拨款", executed: "0.33")
            .Fund("上年结转", executed: "0.33")
            .Fund("其他资金", executed: "0.33")
            .Form;

        Check.Silent<FundPartsRule>(table);
    }
}
