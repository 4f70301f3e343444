using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.CrossReferences;

namespace PerfEval.Core.Tests.Rules.CrossReferences;

/// <summary>
/// The project "残疾人就业保障金": its table's 年度资金总额 in row 4 of table 3; its line in the 基础数据表 (table 1) in row
/// 7, under 项目支出, with 2023年预算数 in column 3 and 2023年决算数 in column 4.
/// </summary>
public sealed class ProjectFundRuleTests
{
    private const string Name = "残疾人就业保障金";

    private static SelfEvalForm Table(string adjusted = "221", string executed = "221") =>
        Build.ProjectTable(Name).Fund("年度资金总额", initial: "221", adjusted: adjusted, executed: executed, weight: "10", score: "10").Form;

    private static BasicDataForm Basic(string budget = "221", string final = "221") =>
        Build.BasicData().Row("项目支出", "600", "652.59", "652.59").Row(Name, "200", budget, final).Form;

    [Fact]
    public void Reports_error_when_the_project_table_and_the_basic_data_table_disagree()
    {
        var f = Check.Single<ProjectFundRule>(Table(), Basic(final: "210"));

        f.Is("crossref.project-fund", Severity.Error);
        f.AtCell(FormKind.ProjectSelfEval, table: 3, row: 4, column: FundColumn.Executed);
        f.Figures(expected: 210m, actual: 221m);
        f.Says("“残疾人就业保障金”项目自评表全年执行数为 221", "基础数据表“2023年决算数”为 210");
        f.RelatesTo((FormKind.BasicData, 1, 7, 4));
    }

    [Fact]
    public void Reports_error_when_the_project_report_states_another_fund()
    {
        const string text = "2023年度市级投入残疾人就业保障金共计231万元，用于残疾人就业培训和创业扶持。";

        var f = Check.Single<ProjectFundRule>(Table(), Build.ProjectReport(Name, "一、项目基本情况", text));

        f.Is("crossref.project-fund", Severity.Error);
        f.AtParagraph(FormKind.ProjectReport, paragraph: 2, figure: "231万元", paragraphText: text);
        f.Figures(expected: 221m, actual: 231m);
        f.Says("231万元", "全年预算数为 221万元");
        f.RelatesTo((FormKind.ProjectSelfEval, 3, 4, FundColumn.Adjusted));
    }

    [Fact]
    public void Compares_a_spent_amount_with_the_funds_executed()
    {
        const string text = "截至2023年12月31日，项目实际支出221万元。";

        var f = Check.Single<ProjectFundRule>(Table(executed: "218.5"), Build.ProjectReport(Name, text));

        f.AtParagraph(FormKind.ProjectReport, paragraph: 1, figure: "221万元", paragraphText: text);
        f.Figures(expected: 218.5m, actual: 221m);
        f.Says("实际支出221万元", "全年执行数为 218.5万元");
        f.RelatesTo((FormKind.ProjectSelfEval, 3, 4, FundColumn.Executed));
    }

    [Fact]
    public void Is_silent_when_all_three_places_agree() =>
        Check.Silent<ProjectFundRule>(
            Table(executed: "218.5"),
            Basic(final: "218.5"),
            Build.ProjectReport(Name, "2023年度市级投入残疾人就业保障金共计221万元。", "截至2023年12月31日，项目实际支出218.5万元。"));

    /// <summary>
    /// Last year's fund and the change from last year are not this year's fund. (Fails today: the claim's label
    /// drops "2022年度", so 200万元 is held against the 2023 table's 221; and "增加21万元" takes the words before it,
    /// project name included, as its label, so 21万元 is held against 221 too.)
    /// </summary>
    [Theory]
    [InlineData("2023年度市级投入残疾人就业保障金共计221万元，较2022年度投入残疾人就业保障金200万元增加21万元。")]
    [InlineData("2023年度市级投入残疾人就业保障金共计221万元，比上年投入残疾人就业保障金增加21万元。")]
    public void Is_silent_on_the_fund_of_another_year_and_on_the_change(string text) =>
        Check.Silent<ProjectFundRule>(Table(), Build.ProjectReport(Name, text));

    /// <summary>221 万元 and 2210000 元 are the same amount; 221 and 221.00 too. Other years' columns are not compared.</summary>
    [Fact]
    public void Is_silent_on_the_same_amount_in_another_unit_or_precision() =>
        Check.Silent<ProjectFundRule>(
            Table(),
            Build.BasicData().Row("项目支出", "600", "652.59", "652.59").Row(Name, "150", "221.00", "221.00").Form,
            Build.ProjectReport(Name, "本次绩效评价的资金2210000元。"));
}
