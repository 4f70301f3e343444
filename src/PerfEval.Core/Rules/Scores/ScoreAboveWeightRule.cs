using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Scores;

/// <summary>No 得分 above its 分值: an indicator cannot earn more than it is worth.</summary>
internal sealed class ScoreAboveWeightRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.above-weight", RuleCategory.Score, Severity.Error, "得分超过分值");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var i in form.Indicators)
            {
                if (i.Score.Value.Number > i.Weight.Value.Number)
                {
                    yield return Descriptor.Make(form, i.Score.At, $"“{i.Name}”得分 {i.Score.Value.Raw} 超过分值 {i.Weight.Value.Raw}。/ The score exceeds the weight.", i.Weight.Value.Number, i.Score.Value.Number);
                }
            }

            foreach (var f in form.Funds)
            {
                if (f.Score.Value.Number > f.Weight.Value.Number)
                {
                    yield return Descriptor.Make(form, f.Score.At, $"{f.Label}（预算执行）得分 {f.Score.Value.Raw} 超过分值 {f.Weight.Value.Raw}。/ The score exceeds the weight.", f.Weight.Value.Number, f.Score.Value.Number);
                }
            }

            if (form.Total is { } t && t.Score.Value.Number > t.Weight.Value.Number)
            {
                yield return Descriptor.Make(form, t.Score.At, $"总得分 {t.Score.Value.Raw} 超过总分 {t.Weight.Value.Raw}。/ The total score exceeds the total weight.", t.Weight.Value.Number, t.Score.Value.Number);
            }
        }
    }
}
