using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Missing;

/// <summary>
/// A 实际完成值 written as a range ("≥30人"): what was achieved is a figure, not a target; the row repeats its target
/// and reports nothing. For counts and percentages that is a warning; a bound on a span or a standard ("≥15年" of a
/// design life) can only be stated as a bound, so it is only an info.
/// </summary>
internal sealed class ActualAsRangeRule : IRule
{
    private static readonly HashSet<string> CountUnits = new(StringComparer.Ordinal) { "人", "户", "件", "人次", "次", "个", "篇", "家", "所", "项", "名", "场", "期", "批", "村", "台", "套", "辆", "元", "人月", "座", "处" };

    public RuleDescriptor Descriptor { get; } = new("missing.actual-as-range", RuleCategory.Missing, Severity.Warning, "实际完成值写成了目标区间");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var i in form.Indicators.Where(i => i.Actual.Value.HasNumber && !i.TargetAndActualMerged && i.Actual.Value.Comparator is Comparator.AtLeast or Comparator.AtMost or Comparator.MoreThan or Comparator.LessThan))
            {
                var countable = i.Actual.Value.Kind == ValueKind.Percent || CountUnits.Contains(i.Actual.Value.Scale.BaseUnit ?? string.Empty);
                yield return Descriptor.Make(
                    form,
                    i.Actual.At ?? i.At,
                    $"“{i.Name}”实际完成值填为“{i.Actual.Value.Raw}”，应填写实际完成的具体数值。/ The actual is written as a range.",
                    severity: countable ? null : Severity.Info);
            }
        }
    }
}
