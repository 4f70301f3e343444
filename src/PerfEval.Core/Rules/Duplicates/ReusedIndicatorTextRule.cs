using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Duplicates;

/// <summary>
/// One indicator text reused word for word for different 二级指标 in one table — a 成本 row that repeats a 效益
/// row, "残疾人群体和谐稳定" as 生态效益, 可持续影响 and 社会成本 at once: the form was filled by copying, not measured.
/// </summary>
internal sealed class ReusedIndicatorTextRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("duplicate.reused-text", RuleCategory.Duplicate, Severity.Warning, "同一指标内容用于不同二级指标");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            var groups = form.Indicators
                .Select((indicator, index) => (indicator, index, key: RuleText.IndicatorKey(indicator.Name)))
                .Where(x => x.key.Length >= 4)
                .GroupBy(x => x.key);
            foreach (var group in groups)
            {
                var list = group.ToList();
                var first = list[0].indicator;
                foreach (var (indicator, _, _) in list.Skip(1).Where(x => x.indicator.Level2 != first.Level2))
                {
                    yield return Descriptor.Make(
                        form,
                        indicator.At,
                        $"“{indicator.Name}”既作为{first.Level2}又作为{indicator.Level2}（{indicator.Level1}），同一指标内容重复使用。/ The same indicator text is reused for {indicator.Level2}.",
                        related: first.At is null ? null : [new RelatedPlace(form.Kind, first.At)]);
                }
            }
        }
    }
}
