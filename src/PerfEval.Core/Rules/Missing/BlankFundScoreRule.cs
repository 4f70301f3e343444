using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Missing;

/// <summary>The fund block gives the budget execution a 分值 but leaves its 得分 blank.</summary>
internal sealed class BlankFundScoreRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("missing.budget-score", RuleCategory.Missing, Severity.Error, "预算执行得分未填写");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var row in form.Funds.Where(f => f.Weight.Value.HasNumber && f.Score.Value.IsBlank))
            {
                yield return Descriptor.Make(form, row.Score.At ?? row.At, $"{row.Label}预算执行分值为 {row.Weight.Value.Raw}，但得分未填写。/ The budget-execution score is blank.", row.Weight.Value.Number);
            }
        }
    }
}
