using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Totals;

/// <summary>
/// 基础数据表: each block head and each numbered line equals the sum of its parts, in every year column
/// (“三公”经费 = 公务用车 + 出国 + 公务接待; 公用经费 = 办公经费 + …; 县级专项资金 = its named specials).
/// An auditor cares because these rows feed the department's control figures.
/// </summary>
internal sealed class BasicDataPartsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("total.basic-data-parts", RuleCategory.Total, Severity.Error, "基础数据表分项合计与总数不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<BasicDataForm>())
        {
            for (var i = 0; i < form.FundRows.Count; i++)
            {
                var parts = form.FundRows.Where(r => r.Parent == i).ToList();
                if (parts.Count == 0)
                {
                    continue;
                }

                var head = form.FundRows[i];
                for (var c = 0; c < head.Values.Count; c++)
                {
                    var total = head.Values[c];
                    var values = parts.Select(p => c < p.Values.Count ? p.Values[c] : Field.Missing).ToList();
                    if (!total.Value.HasNumber || values.All(v => !v.Value.HasNumber))
                    {
                        continue;
                    }

                    if (PartsCheck.Compare(total.Value, values.Select(v => v.Value).ToList()) is not { } sum)
                    {
                        continue;
                    }

                    var column = c < form.YearColumns.Count ? form.YearColumns[c] : $"第{c + 1}列";
                    var list = string.Join(" + ", parts.Zip(values).Where(x => x.Second.Value.HasNumber).Select(x => $"{Short(x.First.Label)} {x.Second.Value.Raw}"));
                    yield return Descriptor.Make(
                        form,
                        total.At,
                        $"“{Short(head.Label)}”{column}为 {total.Value.Raw}，但其分项合计为 {FindingBuilder.F(sum)}（{list}），相差 {FindingBuilder.F(total.Value.Number!.Value - sum)}。/ The parts add up to {FindingBuilder.F(sum)}, not {total.Value.Raw}.",
                        sum,
                        total.Value.Number,
                        values.Where(v => v.At is not null).Select(v => new RelatedPlace(form.Kind, v.At!)));
                }
            }
        }
    }

    private static string Short(string label) => label.Trim().TrimEnd('：', ':');
}

/// <summary>Sums of written parts against a written whole, the way the figures were rounded.</summary>
internal static class PartsCheck
{
    /// <summary>
    /// Null when the whole and the sum of the parts may be the same quantity (their rounding intervals overlap);
    /// otherwise the sum. Blank parts count as nothing. All figures take the finest precision shown among them.
    /// </summary>
    public static decimal? Compare(Measure whole, IReadOnlyList<Measure> parts)
    {
        var numeric = parts.Where(p => p.HasNumber).ToList();
        var decimals = Approx.Finest(numeric.Append(whole));
        var sum = numeric.Aggregate(Approx.Exact(0), (acc, p) => acc + Approx.Of(p, decimals));
        var total = Approx.Of(whole, decimals);
        if (total.Overlaps(sum))
        {
            return null;
        }

        var (_, multiplier) = whole.Scale;
        return sum.Value / multiplier;
    }
}
