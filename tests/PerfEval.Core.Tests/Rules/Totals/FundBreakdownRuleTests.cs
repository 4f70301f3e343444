using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Totals;

namespace PerfEval.Core.Tests.Rules.Totals;

/// <summary>
/// 部门整体支出绩效自评表: 年度资金总额 in row 4; 按收入性质分 in row 10 with its lines in rows 11–12; 按支出性质分 in
/// row 13 with 基本支出 and 项目支出 in rows 14–15 (amounts in column 2).
/// </summary>
public sealed class FundBreakdownRuleTests
{
    private static SelfEvalForm Department(string incomeHead = "1005.67", string fundLine = "100.00", string expenditureHead = "1005.67", string projects = "652.59") =>
        Build.DepartmentTable()
            .Fund("年度资金总额", adjusted: "1005.67", executed: "1005.67")
            .IncomeTotal(incomeHead)
            .Income("一般公共预算", "905.67")
            .Income("政府性基金拨款", fundLine)
            .ExpenditureTotal(expenditureHead)
            .Expenditure("基本支出", "353.08")
            .Expenditure("项目支出", projects)
            .Form;

    [Fact]
    public void Reports_error_when_the_income_lines_do_not_add_up_to_their_head()
    {
        var f = Check.Single<FundBreakdownRule>(Department(fundLine: "90.00"));

        f.Is("total.fund-breakdown", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 10, column: 2);
        f.Figures(expected: 995.67m, actual: 1005.67m);
        f.Says("按收入性质分为 1005.67", "995.67", "一般公共预算 905.67", "政府性基金拨款 90.00", "相差 10");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 11, 2), (FormKind.DepartmentSelfEval, 2, 12, 2));
    }

    [Fact]
    public void Reports_error_when_a_head_differs_from_the_annual_funds_executed()
    {
        var f = Check.Single<FundBreakdownRule>(Department(expenditureHead: "1000.67", projects: "647.59"));

        f.Is("total.fund-breakdown", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 13, column: 2);
        f.Figures(expected: 1005.67m, actual: 1000.67m);
        f.Says("按支出性质分合计 1000.67", "全年执行数 1005.67");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 4, FundColumn.Executed));
    }

    [Fact]
    public void Compares_the_lines_with_the_funds_executed_when_the_head_is_blank()
    {
        var f = Check.Single<FundBreakdownRule>(Department(incomeHead: "", fundLine: "90.00"));

        f.Is("total.fund-breakdown", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 4, column: FundColumn.Executed);
        f.Figures(expected: 995.67m, actual: 1005.67m);
        f.Says("年度资金总额全年执行数为 1005.67", "995.67");
    }

    [Fact]
    public void Is_silent_when_both_sides_add_up_to_the_funds_executed() => Check.Silent<FundBreakdownRule>(Department());

    /// <summary>652.6 is read as 652.60: 353.08 + 652.60 = 1005.68, a cent off, within the rounding of three figures.</summary>
    [Fact]
    public void Is_silent_on_a_line_rounded_to_fewer_decimals() => Check.Silent<FundBreakdownRule>(Department(projects: "652.6"));
}
