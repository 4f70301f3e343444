using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules.Duplicates;

/// <summary>
/// The same indicator counted twice in one table: two rows under the same 一级指标 whose 三级指标 are the same or
/// nearly the same (character-bigram Dice similarity ≥ <see cref="Threshold"/> after dropping typed numbering) and
/// whose targets are the same. "残疾人无障碍改造 150户" and "困难残疾人家庭无障碍改造 150户" are one task scored twice.
/// </summary>
internal sealed class DuplicateIndicatorRule : IRule
{
    /// <summary>
    /// Chosen from the tests' true and false pairs: true duplicates score 0.67–1.0, distinct indicators that share
    /// words ("残疾人日间照料"/"残疾人居家托养", "资助普通高中…"/"资助中等职业学校…") score ≤ 0.45.
    /// </summary>
    public const double Threshold = 0.6;

    public RuleDescriptor Descriptor { get; } = new("duplicate.indicator", RuleCategory.Duplicate, Severity.Error, "同一指标重复计分");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            var rows = form.Indicators;
            for (var j = 1; j < rows.Count; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    var (a, b) = (rows[i], rows[j]);
                    if (a.Level1 != b.Level1 || a.Target.Value.IsBlank || !SameTarget(a, b))
                    {
                        continue;
                    }

                    var (ka, kb) = (RuleText.IndicatorKey(a.Name), RuleText.IndicatorKey(b.Name));
                    if (ka.Length < 2 || kb.Length < 2)
                    {
                        continue;
                    }

                    var similarity = RuleText.Similarity(ka, kb);
                    if (similarity < Threshold || (ka == kb && a.Level2 != b.Level2))
                    {
                        continue; // the same text under another 二级指标 is the reused-text rule's finding
                    }

                    yield return Descriptor.Make(
                        form,
                        b.At,
                        $"“{b.Name}”（{b.Target.Value.Raw}）与“{a.Name}”（{a.Target.Value.Raw}）是同一项指标，重复计分（相似度 {similarity:0.00}）。/ The same indicator is counted twice.",
                        null,
                        b.Weight.Value.Number,
                        a.At is null ? null : [new RelatedPlace(form.Kind, a.At)]);
                    break;
                }
            }
        }
    }

    private static bool SameTarget(Indicator a, Indicator b)
    {
        var (x, y) = (a.Target.Value, b.Target.Value);
        if (x.HasNumber && y.HasNumber)
        {
            return x.BaseValue == y.BaseValue && x.Scale.BaseUnit == y.Scale.BaseUnit && x.Comparator == y.Comparator;
        }

        return TextNormalizer.Key(x.Raw) == TextNormalizer.Key(y.Raw);
    }
}
