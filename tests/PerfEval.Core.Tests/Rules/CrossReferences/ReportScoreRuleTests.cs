using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.CrossReferences;

namespace PerfEval.Core.Tests.Rules.CrossReferences;

/// <summary>The 总分 row follows the single indicator of each table (row 21; 得分 in column 7).</summary>
public sealed class ReportScoreRuleTests
{
    private static SelfEvalForm Department(string score) =>
        Build.DepartmentTable()
            .Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", "100", score, "部分改造户未能入户")
            .Total("100", score)
            .Form;

    private static SelfEvalForm Project(string name, string score, int table) =>
        Build.ProjectTable(name, table)
            .Indicator("数量指标", "1：就业培训人数", "100人", "100人", "100", score, "部分学员未结业")
            .Total("100", score)
            .Form;

    [Fact]
    public void Reports_error_when_the_department_report_states_another_score_than_the_table()
    {
        const string text = "经评价，本单位2023年度部门整体支出绩效自评得分为98分，评价等级为优。";

        var f = Check.Single<ReportScoreRule>(Department("97.5"), Build.DepartmentReport(text));

        f.Is("crossref.report-score", Severity.Error);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "98分", paragraphText: text);
        f.Figures(expected: 97.5m, actual: 98m);
        f.Says("得分为 98分", "总得分为 97.5", Build.Unit);
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 21, IndicatorColumn.Score));
    }

    [Fact]
    public void Compares_a_project_report_with_the_table_of_the_same_project()
    {
        const string text = "经综合评价，该项目综合得分为94.8分。";

        var f = Check.Single<ReportScoreRule>(
            Project("残疾人康复救助", "90", table: 3),
            Project("残疾人就业保障金", "92", table: 4),
            Build.ProjectReport("残疾人就业保障金", text));

        f.AtParagraph(FormKind.ProjectReport, paragraph: 1, figure: "94.8分", paragraphText: text);
        f.Figures(expected: 92m, actual: 94.8m);
        f.Says("94.8分", "《残疾人就业保障金》", "92");
        f.RelatesTo((FormKind.ProjectSelfEval, 4, 21, IndicatorColumn.Score));
        Assert.Equal("残疾人就业保障金", f.FormName);
    }

    [Theory]
    [InlineData("97.5", "97.5分")]
    [InlineData("98", "98.0分")]
    public void Is_silent_when_the_report_and_the_table_agree(string table, string report) =>
        Check.Silent<ReportScoreRule>(Department(table), Build.DepartmentReport($"经评价，本单位部门整体支出绩效自评得分为{report}，评价等级为优。"));

    [Fact]
    public void Is_silent_on_component_scores() =>
        Check.Silent<ReportScoreRule>(Department("97.5"), Build.DepartmentReport("其中预算执行得分9.76分，产出指标得分48分。"));

    /// <summary>
    /// The score of one 一级指标 or one indicator, where the sentence names it in an earlier clause than the one
    /// that holds "得分": not the form's score. (Fails today: the claim's label is only "得分", so it counts as the
    /// overall score.)
    /// </summary>
    [Theory]
    [InlineData("产出指标共设置6项三级指标，分值50分，得分49分。")]
    [InlineData("其中，“问题整改及时率”年度指标值≥85%，实际完成值80%，得分1分（分值2分）。")]
    public void Is_silent_on_the_score_of_a_level_named_in_an_earlier_clause(string text) =>
        Check.Silent<ReportScoreRule>(Department("97.5"), Build.DepartmentReport(text));
}
