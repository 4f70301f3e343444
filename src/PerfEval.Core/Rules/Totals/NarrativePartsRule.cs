using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Totals;

/// <summary>
/// A report's "X，其中：A、B、C" (and "共N…，其中…"): the parts listed in the figure's unit add up to the whole;
/// a single listed part may never exceed it. Parts in another unit ("20家" among "人") are not parts of that whole.
/// </summary>
internal sealed class NarrativePartsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("total.narrative-parts", RuleCategory.Total, Severity.Error, "报告中“其中”分项与总数不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            foreach (var whole in report.Claims.Where(c => c.Parts.Count > 0))
            {
                var unit = whole.Value.Scale.BaseUnit;
                var parts = whole.Parts.Select(i => report.Claims[i]).Where(p => p.Value.Scale.BaseUnit == unit && p.Value.Comparator == whole.Value.Comparator).ToList();
                if (parts.Count == 0 || whole.Value.Comparator != Values.Comparator.Equal)
                {
                    continue;
                }

                if (parts.Count == 1)
                {
                    var part = parts[0];
                    if (part.Value.BaseValue > whole.Value.BaseValue)
                    {
                        yield return Descriptor.Make(
                            report,
                            part.At,
                            $"“{whole.Label}{whole.Value.Raw}，其中{part.Label}{part.Value.Raw}”：分项 {part.Value.Raw} 大于总数 {whole.Value.Raw}。/ A part exceeds its whole.",
                            whole.Value.Number,
                            part.Value.Number);
                    }

                    continue;
                }

                // The list after 其中 may run on into a separate statement ("…，其中新办628人、到期换证1211人，为贫困
                //残疾人上门办证368人"): the parts are the first k figures for some k, so any prefix that adds up is enough.
                var matchesPrefix = Enumerable.Range(1, parts.Count).Any(k => PartsCheck.Compare(whole.Value, parts.Take(k).Select(p => p.Value).ToList()) is null);
                if (matchesPrefix || PartsCheck.Compare(whole.Value, parts.Select(p => p.Value).ToList()) is not { } sum)
                {
                    continue;
                }

                var list = string.Join(" + ", parts.Select(p => $"{p.Label} {p.Value.Raw}"));
                var exceeds = sum > whole.Value.Number || parts[0].Value.BaseValue > whole.Value.BaseValue;
                yield return Descriptor.Make(
                    report,
                    whole.At,
                    exceeds
                        ? $"“{whole.Label}{whole.Value.Raw}”，但其中所列各项合计为 {FindingBuilder.F(sum)}{whole.Value.Unit}（{list}），超过总数。/ The listed parts add up to {FindingBuilder.F(sum)}, more than {whole.Value.Raw}."
                        : $"“{whole.Label}{whole.Value.Raw}”，但其中所列各项合计只有 {FindingBuilder.F(sum)}{whole.Value.Unit}（{list}），请核实是否漏列或数字有误。/ The listed parts add up to only {FindingBuilder.F(sum)} of {whole.Value.Raw}.",
                    sum,
                    whole.Value.Number,
                    severity: exceeds ? null : Severity.Warning);
            }
        }
    }
}
