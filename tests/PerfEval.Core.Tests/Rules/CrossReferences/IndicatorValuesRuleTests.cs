using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.CrossReferences;

namespace PerfEval.Core.Tests.Rules.CrossReferences;

/// <summary>Indicators in row 20 of the department table (2) and of the project table (3); 实际完成值 in column 5.</summary>
public sealed class IndicatorValuesRuleTests
{
    private static SelfEvalForm Department(string actual = "150户") =>
        Build.DepartmentTable()
            .Indicator("数量指标", "1：困难残疾人家庭无障碍改造", "150户", actual, "10", "10")
            .Indicator("数量指标", "2：残疾人日间照料", "≥95%", "96%", "10", "10")
            .Form;

    private static SelfEvalForm Project(string actual = "150户", string target = "150户") =>
        Build.ProjectTable("残疾人无障碍改造")
            .Indicator("数量指标", "3：困难残疾人家庭无障碍改造", target, actual, "20", "20")
            .Indicator("数量指标", "4：残疾人日间照料", "≥90%", "96%", "10", "10")
            .Form;

    [Fact]
    public void Warns_when_the_project_table_and_the_department_table_disagree()
    {
        var f = Check.Single<IndicatorValuesRule>(Department(), Project(actual: "145户"));

        f.Is("crossref.indicator-values", Severity.Warning);
        f.AtCell(FormKind.ProjectSelfEval, table: 3, row: 20, column: IndicatorColumn.Actual);
        f.Figures(expected: 150m, actual: 145m);
        f.Says("实际完成值在项目自评表中为 145户", "在部门整体支出绩效自评表中为 150户");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 20, IndicatorColumn.Actual));
    }

    [Fact]
    public void Warns_when_a_report_states_another_figure_than_the_table()
    {
        const string text = "全年完成困难残疾人家庭无障碍改造150户，残疾人生活环境明显改善。";

        var f = Check.Single<IndicatorValuesRule>(Department(actual: "15户"), Build.DepartmentReport(text));

        f.Is("crossref.indicator-values", Severity.Warning);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "150户", paragraphText: text);
        f.Figures(expected: 15m, actual: 150m);
        f.Says("150户", "部门整体支出绩效自评表", "实际完成值为 15户");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 20, IndicatorColumn.Actual));
    }

    [Fact]
    public void Is_silent_when_the_figures_agree() =>
        Check.Silent<IndicatorValuesRule>(Department(), Project(), Build.DepartmentReport("全年完成困难残疾人家庭无障碍改造150户。"));

    /// <summary>A bound (≥95% against ≥90%) is a target, not a figure to compare; 户 and 人 count different things.</summary>
    [Fact]
    public void Is_silent_on_bounds_and_on_figures_in_another_unit() =>
        Check.Silent<IndicatorValuesRule>(Department(), Project(), Build.DepartmentReport("全年完成困难残疾人家庭无障碍改造惠及残疾人450人。"));

    /// <summary>"约" is not a figure to hold against the table; "日间照料和居家托养" counts two indicators at once.</summary>
    [Fact]
    public void Is_silent_on_approximations_and_joint_counts() =>
        Check.Silent<IndicatorValuesRule>(
            Department(actual: "15户"),
            Build.DepartmentReport("全年完成困难残疾人家庭无障碍改造约150户。", "残疾人日间照料和居家托养150户。"));
}
