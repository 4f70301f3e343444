using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Rates;

/// <summary>
/// A report's growth rate where both years are given: "2023年基本支出353.08万元，较2022年的300.00万元增长17.69%"
/// — P must be (this year − last year) ÷ last year, compared as rounded. A growth whose base is not stated
/// ("比2022年增长11.67%" after a single figure) cannot be checked and is left alone.
/// </summary>
internal sealed class NarrativeGrowthRule : IRule
{
    private static readonly string[] Rise = ["增长", "增加", "提高", "上升", "增幅"];
    private static readonly string[] Fall = ["下降", "减少", "降低", "降幅"];
    private static readonly string[] LastYearWords = ["上年", "去年", "上一年", "同期"];

    public RuleDescriptor Descriptor { get; } = new("rate.growth", RuleCategory.Rate, Severity.Error, "报告中增长率与前后两年数字不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            foreach (var sentence in report.Claims.GroupBy(c => (c.At.Paragraph, c.At.Excerpt)))
            {
                var claims = sentence.ToList();
                foreach (var growth in claims.Where(c => c.Kind == ClaimKind.Percent && c.IsChange && c.Value.Comparator == Values.Comparator.Equal))
                {
                    var sign = Rise.Any(w => growth.Label.Contains(w, StringComparison.Ordinal)) ? 1 : Fall.Any(w => growth.Label.Contains(w, StringComparison.Ordinal)) ? -1 : 0;
                    if (sign == 0)
                    {
                        continue;
                    }

                    var levels = claims.Where(c => c.Kind is ClaimKind.Amount or ClaimKind.Count && !c.IsChange && c.Offset < growth.Offset && c.Value.Comparator == Values.Comparator.Equal).ToList();
                    var previous = levels.Where(c => (c.Year is int y && submission.Year is int cur && y == cur - 1) || LastYearWords.Any(w => c.Label.Contains(w, StringComparison.Ordinal))).ToList();
                    var current = levels.Except(previous).Where(c => c.Year is null || c.Year == submission.Year).ToList();
                    if (previous.Count != 1 || current.Count != 1 || previous[0].Value.Scale.BaseUnit != current[0].Value.Scale.BaseUnit || previous[0].Value.Number is not > 0)
                    {
                        continue;
                    }

                    var (before, after) = (previous[0].Value, current[0].Value);
                    var d = Approx.Finest([before, after]);
                    var change = sign > 0 ? Approx.Of(after, d) + Negate(Approx.Of(before, d)) : Approx.Of(before, d) + Negate(Approx.Of(after, d));
                    var verdict = RateCheck.Judge(growth.Value, change, Approx.Of(before, d), out var quotient);
                    if (verdict == RateVerdict.Consistent)
                    {
                        continue;
                    }

                    var computed = quotient.Round(Math.Max(2, growth.Value.Decimals));
                    yield return Descriptor.Make(
                        report,
                        growth.At,
                        $"报告称{(sign > 0 ? "增长" : "下降")} {growth.Value.Raw}，但由 {before.Raw} 到 {after.Raw} 的变化率为 {FindingBuilder.F(computed)}%。/ The stated growth does not match the two figures.",
                        computed,
                        growth.Value.Number,
                        severity: verdict == RateVerdict.Truncated ? Severity.Info : null);
                }
            }
        }
    }

    private static Approx Negate(Approx a) => new(-a.Value, a.Half);
}
