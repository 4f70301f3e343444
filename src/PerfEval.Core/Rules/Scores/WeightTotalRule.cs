using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Scores;

/// <summary>
/// All weights — every indicator's 分值 and the budget-execution 分值 of the fund block — add up to the 总分 row's
/// 分值 (usually 100).
/// </summary>
internal sealed class WeightTotalRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.weight-total", RuleCategory.Score, Severity.Error, "各项分值之和与总分分值不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            if (form.Total is not { Weight.Value.HasNumber: true } total || form.Indicators.All(i => !i.Weight.Value.HasNumber))
            {
                continue;
            }

            var funds = ScoreSums.Sum(ScoreSums.WeightedFunds(form).Select(f => f.Weight));
            var indicators = ScoreSums.Sum(form.Indicators.Select(i => i.Weight));
            var sum = funds + indicators;
            if (sum == total.Weight.Value.Number)
            {
                continue;
            }

            yield return Descriptor.Make(
                form,
                total.Weight.At,
                $"总分分值为 {total.Weight.Value.Raw}，但各项分值合计为 {FindingBuilder.F(sum)}（绩效指标 {FindingBuilder.F(indicators)}{(funds > 0 ? $" + 预算执行 {FindingBuilder.F(funds)}" : string.Empty)}）。/ The weights add up to {FindingBuilder.F(sum)}, not {total.Weight.Value.Raw}.",
                sum,
                total.Weight.Value.Number);
        }
    }
}
