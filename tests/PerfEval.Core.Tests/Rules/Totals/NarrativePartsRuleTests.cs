using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Totals;

namespace PerfEval.Core.Tests.Rules.Totals;

public sealed class NarrativePartsRuleTests
{
    [Fact]
    public void Reports_error_when_the_listed_parts_exceed_the_whole()
    {
        const string text = "本单位2023年度基本支出353.08万元，其中：人员经费316.34万元，主要包括基本工资；公用经费46.74万元，主要包括办公费。";

        var f = Check.Single<NarrativePartsRule>(Build.DepartmentReport("一、部门整体支出情况", text));

        f.Is("total.narrative-parts", Severity.Error);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 2, figure: "353.08万元", paragraphText: text);
        f.Figures(expected: 363.08m, actual: 353.08m);
        f.Says("基本支出353.08万元", "363.08万元", "人员经费 316.34万元", "公用经费 46.74万元", "超过总数");
    }

    [Fact]
    public void Warns_when_the_listed_parts_fall_short_of_the_whole()
    {
        const string text = "全年共培训残疾人120人，其中：盲人按摩培训30人、农村实用技术培训50人。";

        var f = Check.Single<NarrativePartsRule>(Build.DepartmentReport(text));

        f.Is("total.narrative-parts", Severity.Warning);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "120人", paragraphText: text);
        f.Figures(expected: 80m, actual: 120m);
        f.Says("120人", "只有 80人", "盲人按摩培训 30人", "农村实用技术培训 50人");
    }

    [Fact]
    public void Reports_error_at_a_single_part_larger_than_its_whole()
    {
        const string text = "资助残疾大学生25人，其中：研究生30人。";

        var f = Check.Single<NarrativePartsRule>(Build.DepartmentReport(text));

        f.Is("total.narrative-parts", Severity.Error);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "30人", paragraphText: text);
        f.Figures(expected: 25m, actual: 30m);
        f.Says("25人", "30人", "大于总数");
    }

    [Fact]
    public void Is_silent_when_the_parts_add_up() =>
        Check.Silent<NarrativePartsRule>(Build.DepartmentReport("本单位2023年度基本支出353.08万元，其中：人员经费306.34万元，主要包括基本工资；公用经费46.74万元，主要包括办公费。"));

    [Fact]
    public void Is_silent_on_thirds_that_round_to_the_whole() =>
        Check.Silent<NarrativePartsRule>(Build.DepartmentReport("发放重度残疾人护理补贴1.0万元，其中：一级0.33万元、二级0.33万元、三级0.33万元。"));

    /// <summary>The list after 其中 runs on into another statement; its first two figures add up to the whole.</summary>
    [Fact]
    public void Is_silent_when_a_prefix_of_the_list_adds_up() =>
        Check.Silent<NarrativePartsRule>(Build.DepartmentReport("办理残疾人证2207人，其中新办628人、到期换证1579人，为贫困残疾人上门办证368人。"));

    [Fact]
    public void Is_silent_on_parts_in_another_unit() =>
        Check.Silent<NarrativePartsRule>(Build.DepartmentReport("全年服务残疾人200人，其中：托养机构20家。"));
}
