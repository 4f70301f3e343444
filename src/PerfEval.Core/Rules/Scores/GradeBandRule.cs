using System.Text.RegularExpressions;
using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules.Scores;

/// <summary>
/// The grade a report names fits the score it states: ≥90 优, 80–90 良, 60–80 中, &lt;60 差.
/// </summary>
internal sealed partial class GradeBandRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.grade", RuleCategory.Score, Severity.Error, "评价等级与得分不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            foreach (var claim in report.Claims.Where(c => c.IsOverallScore && c.At.Excerpt is not null))
            {
                var m = Grade().Match(TextNormalizer.ToHalfWidth(claim.At.Excerpt!));
                if (!m.Success || claim.Value.Number is not decimal score)
                {
                    continue;
                }

                var word = m.Groups["g"].Value;
                var stated = word.Contains('优', StringComparison.Ordinal) ? "优" : word.Contains('良', StringComparison.Ordinal) ? "良" : word.Contains('中', StringComparison.Ordinal) ? "中" : "差";
                var expected = score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
                if (stated == expected)
                {
                    continue;
                }

                yield return Descriptor.Make(
                    report,
                    claim.At,
                    $"报告称得分 {claim.Value.Raw}、等级为“{m.Groups["g"].Value}”，但按 ≥90 优、80–90 良、60–80 中、<60 差，{claim.Value.Raw} 应为“{expected}”。/ The grade does not fit the score.",
                    null,
                    score);
            }
        }
    }

    [GeneratedRegex(@"(?:等级|等次|评价结果|结果)\s*(?:为|是|:)?\s*[“""]?(?<g>优秀|优|良好|良|中等|中|差|较差)")]
    private static partial Regex Grade();
}
