using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules.Structure;

/// <summary>
/// A required form or section absent: a department table without the department report that explains it, and a
/// department report without its sections on the problems found and the improvements planned.
/// </summary>
internal sealed class MissingFormRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("structure.missing-part", RuleCategory.Structure, Severity.Warning, "缺少必备的表格或章节");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        var dept = submission.OfType<SelfEvalForm>().FirstOrDefault(f => f.Kind == FormKind.DepartmentSelfEval);
        var report = submission.OfType<ReportForm>().FirstOrDefault(r => r.Kind == FormKind.DepartmentReport);
        if (dept is not null && report is null)
        {
            yield return Descriptor.Make(dept, dept.TitleAt, "提交了部门整体支出绩效自评表，但未找到部门整体支出绩效自评报告。/ The department report is missing.");
        }

        if (report is not null && report.Sections.Count > 0)
        {
            var headings = Flatten(report.Sections).Select(s => TextNormalizer.Key(s.Heading)).ToList();
            if (!headings.Any(h => h.Contains("问题", StringComparison.Ordinal)))
            {
                yield return Descriptor.Make(report, report.TitleAt, "部门整体支出绩效自评报告中没有“存在的问题”章节。/ The report has no section on problems found.");
            }

            if (!headings.Any(h => h.Contains("改进", StringComparison.Ordinal) || h.Contains("建议", StringComparison.Ordinal) || h.Contains("措施", StringComparison.Ordinal)))
            {
                yield return Descriptor.Make(report, report.TitleAt, "部门整体支出绩效自评报告中没有“改进措施/建议”章节。/ The report has no section on improvements.");
            }
        }
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) => sections.SelectMany(s => Flatten(s.Children).Prepend(s));
}
