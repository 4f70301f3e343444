using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Structure;

namespace PerfEval.Core.Tests.Rules.Structures;

public sealed class MissingFormRuleTests
{
    private static SelfEvalForm Department() => Build.DepartmentTable().Indicator("数量指标", "1：残疾人无障碍改造", "150户", "150户", "10", "10").Form;

    [Fact]
    public void Warns_when_a_department_table_comes_without_its_report()
    {
        var f = Check.Single<MissingFormRule>(Department());

        f.Is("structure.missing-part", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 1, column: 1);
        f.Says("部门整体支出绩效自评表", "未找到部门整体支出绩效自评报告");
    }

    [Fact]
    public void Warns_when_the_report_has_no_section_on_problems()
    {
        var report = Build.DepartmentReport("一、部门基本情况", "二、部门整体支出绩效情况", "三、下一步改进措施");

        var f = Check.Single<MissingFormRule>(Department(), report);

        f.Is("structure.missing-part", Severity.Warning);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 0);
        f.Says("没有“存在的问题”章节");
    }

    [Fact]
    public void Warns_when_the_report_has_no_section_on_improvements()
    {
        var report = Build.DepartmentReport("一、部门基本情况", "二、部门整体支出绩效情况", "三、存在的主要问题");

        var f = Check.Single<MissingFormRule>(Department(), report);

        f.AtParagraph(FormKind.DepartmentReport, paragraph: 0);
        f.Says("没有“改进措施/建议”章节");
    }

    [Fact]
    public void Is_silent_on_a_complete_submission() =>
        Check.Silent<MissingFormRule>(Department(), Build.DepartmentReport("一、部门基本情况", "二、存在的主要问题", "三、改进措施和有关建议"));

    /// <summary>Headings worded otherwise still name the problems and the improvements; a subsection will do.</summary>
    [Fact]
    public void Is_silent_on_other_wordings_of_the_required_sections() =>
        Check.Silent<MissingFormRule>(
            Department(),
            Build.DepartmentReport("一、部门基本情况", "二、绩效评价结论", "（一）存在问题及原因分析", "（二）下一步工作建议"));

    [Fact]
    public void Is_silent_on_project_forms_and_on_a_report_without_numbered_sections() =>
        Check.Silent<MissingFormRule>(
            Build.ProjectTable("残疾人就业保障金").Form,
            Build.DepartmentReport("本单位2023年度基本支出353.08万元。"));
}
