using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Rates;

/// <summary>
/// A report's "其中：A n万元，占P%": P equals A's share of the whole the sentence breaks down
/// (人员经费306.34万元 of 基本支出353.08万元 is 86.76%, not 86.19%).
/// </summary>
internal sealed class NarrativeShareRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("rate.narrative-share", RuleCategory.Rate, Severity.Error, "报告中“占比”与金额不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            foreach (var share in report.Claims.Where(c => c.ShareOf is not null))
            {
                var part = report.Claims[share.ShareOf!.Value];
                if (part.PartOf is not int w)
                {
                    continue;
                }

                var whole = report.Claims[w];
                if (whole.Value.Scale.BaseUnit != part.Value.Scale.BaseUnit || whole.Value.Number is not > 0)
                {
                    continue;
                }

                var decimals = Approx.Finest([part.Value, whole.Value]);
                var verdict = RateCheck.Judge(share.Value, Approx.Of(part.Value, decimals), Approx.Of(whole.Value, decimals), out var quotient);
                if (verdict == RateVerdict.Consistent)
                {
                    continue;
                }

                var computed = quotient.Round(Math.Max(2, share.Value.Decimals));
                yield return Descriptor.Make(
                    report,
                    share.At,
                    $"{part.Label}{part.Value.Raw}占{whole.Label}{whole.Value.Raw}的比例应为 {FindingBuilder.F(computed)}%，报告写为 {share.Value.Raw}。/ The stated share does not match the amounts.",
                    computed,
                    share.Value.Number,
                    severity: verdict == RateVerdict.Truncated ? Severity.Info : null);
            }
        }
    }
}
