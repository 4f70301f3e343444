using PerfEval.Core.Forms;
using PerfEval.Core.Text;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Missing;

/// <summary>
/// A 年度指标值 that cannot be measured because it names an indicator instead of a level to reach — "预算执行率",
/// "服务对象满意度" written where a figure belongs (often a row shifted by one cell). Qualitative targets such as
/// 明显改善, 长期 or 无 are measurable statements and are not flagged.
/// </summary>
internal sealed class UnmeasurableTargetRule : IRule
{
    private static readonly string[] IndicatorEndings = ["率", "度", "指标", "情况", "数量", "人数", "成本"];

    public RuleDescriptor Descriptor { get; } = new("missing.unmeasurable-target", RuleCategory.Missing, Severity.Warning, "年度指标值不可衡量");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var i in form.Indicators)
            {
                var target = i.Target.Value;
                if (target.Kind != ValueKind.Qualitative)
                {
                    continue;
                }

                var key = TextNormalizer.Key(target.Raw);
                if (key.Length is < 2 or > 12 || !IndicatorEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal)))
                {
                    continue;
                }

                yield return Descriptor.Make(form, i.Target.At ?? i.At, $"“{i.Name}”的年度指标值填为“{target.Raw}”，这是指标名称而不是可衡量的目标值（可能错列）。/ The target names an indicator, not a measurable level.");
            }
        }
    }
}
