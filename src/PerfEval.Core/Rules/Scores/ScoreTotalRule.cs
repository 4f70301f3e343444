using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Scores;

/// <summary>The 得分 of every indicator plus the budget-execution 得分 add up to the 总分 row's 得分.</summary>
internal sealed class ScoreTotalRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.score-total", RuleCategory.Score, Severity.Error, "各项得分之和与总得分不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            if (form.Total is not { Score.Value.HasNumber: true } total || form.Indicators.All(i => !i.Score.Value.HasNumber))
            {
                continue;
            }

            var funds = ScoreSums.Sum(ScoreSums.WeightedFunds(form).Select(f => f.Score));
            var indicators = ScoreSums.Sum(form.Indicators.Select(i => i.Score));
            var sum = funds + indicators;
            if (ScoreSums.Matches(total.Score.Value, sum))
            {
                continue;
            }

            yield return Descriptor.Make(
                form,
                total.Score.At,
                $"总得分填为 {total.Score.Value.Raw}，但各项得分合计为 {FindingBuilder.F(sum)}（绩效指标 {FindingBuilder.F(indicators)}{(funds > 0 ? $" + 预算执行 {FindingBuilder.F(funds)}" : " + 预算执行 未填")}）。/ The scores add up to {FindingBuilder.F(sum)}, not {total.Score.Value.Raw}.",
                sum,
                total.Score.Value.Number);
        }
    }
}
