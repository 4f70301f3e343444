using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Missing;

/// <summary>An indicator that lost points (得分 &lt; 分值) needs its 偏差原因分析及改进措施.</summary>
internal sealed class DeviationReasonRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("missing.deviation-reason", RuleCategory.Missing, Severity.Warning, "扣分指标未说明偏差原因");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var i in form.Indicators.Where(i => i.Score.Value.Number < i.Weight.Value.Number && string.IsNullOrWhiteSpace(i.Deviation)))
            {
                yield return Descriptor.Make(form, i.At, $"“{i.Name}”得分 {i.Score.Value.Raw} 低于分值 {i.Weight.Value.Raw}，但未填写偏差原因分析及改进措施。/ Points lost without a stated reason.", i.Weight.Value.Number, i.Score.Value.Number);
            }
        }
    }
}
