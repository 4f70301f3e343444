using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.CrossReferences;

/// <summary>
/// The score a report states ("评价分为98分", "综合得分为94.8分") equals the 总分 得分 of its table: the department
/// report against the 部门整体支出绩效自评表, a project report against the project table of the same name.
/// </summary>
internal sealed class ReportScoreRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("crossref.report-score", RuleCategory.CrossReference, Severity.Error, "报告所述得分与自评表总分不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            var table = Matching.TableFor(submission, report);
            if (table?.Total is not { Score.Value.HasNumber: true } total)
            {
                continue;
            }

            foreach (var claim in report.Claims.Where(c => c.IsOverallScore))
            {
                if (claim.Value.Number == total.Score.Value.Number)
                {
                    continue;
                }

                yield return Descriptor.Make(
                    report,
                    claim.At,
                    $"报告称得分为 {claim.Value.Raw}，但《{table.Name ?? table.Title}》自评表总得分为 {total.Score.Value.Raw}。/ The report's score differs from the form's total.",
                    total.Score.Value.Number,
                    claim.Value.Number,
                    total.Score.At is null ? null : [new RelatedPlace(table.Kind, total.Score.At)]);
            }
        }
    }
}
