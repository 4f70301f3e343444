using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Scores;

/// <summary>
/// The budget-execution 得分 follows the rate: 执行率 × 分值, capped at 分值. The score may follow the stated rate
/// or the rate computed from the amounts (a wrong rate is the rate rule's finding); it is compared to its own
/// rounding.
/// </summary>
internal sealed class BudgetExecutionScoreRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.budget-execution", RuleCategory.Score, Severity.Error, "预算执行得分与执行率不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var row in form.Funds)
            {
                if (!row.Score.Value.HasNumber || row.Weight.Value is not { HasNumber: true } weight)
                {
                    continue;
                }

                var candidates = new List<(decimal Low, decimal High)>();
                if (RateCheck.PercentOf(row.ExecutionRate.Value) is decimal stated)
                {
                    var half = row.ExecutionRate.Value.HalfUlp * (row.ExecutionRate.Value.Unit == "‰" ? 0.1m : 1m);
                    candidates.Add((stated - half, stated + half));
                }

                if (row.Executed.Value.HasNumber && row.AdjustedBudget.Value.HasNumber)
                {
                    var d = Approx.Finest([row.Executed.Value, row.AdjustedBudget.Value]);
                    if (Approx.PercentQuotient(Approx.Of(row.Executed.Value, d), Approx.Of(row.AdjustedBudget.Value, d)) is { } q)
                    {
                        candidates.Add(q);
                    }
                }

                if (candidates.Count == 0)
                {
                    continue;
                }

                var score = row.Score.Value;
                var w = weight.Number!.Value;
                var fits = candidates.Any(c =>
                {
                    var low = Math.Min(c.Low, 100m) / 100m * w;
                    var high = Math.Min(c.High, 100m) / 100m * w;
                    return score.Number + score.HalfUlp >= low - 1e-9m && score.Number - score.HalfUlp <= high + 1e-9m;
                });
                if (fits)
                {
                    continue;
                }

                var rate = candidates[0];
                var expected = (Math.Min((rate.Low + rate.High) / 2, 100m) / 100m * w).Round(Math.Max(2, score.Decimals));
                yield return Descriptor.Make(
                    form,
                    row.Score.At,
                    $"预算执行得分应为 执行率 × 分值 = {FindingBuilder.F(expected)}（执行率超过100%按100%计），表中填为 {score.Raw}。/ The budget-execution score should follow the rate.",
                    expected,
                    score.Number);
            }
        }
    }
}

