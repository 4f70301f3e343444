using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Scores;

/// <summary>Scores and weights are exact figures: sums are compared exactly, a total only to its own rounding.</summary>
internal static class ScoreSums
{
    public static decimal Sum(IEnumerable<Field> fields) => fields.Where(f => f.Value.HasNumber).Sum(f => f.Value.Number!.Value);

    /// <summary>
    /// True when a written total equals the sum. Scores are exact figures and the finest precision shown among the
    /// compared figures applies to all of them, so a total of 98 against parts that add to 97.5 is off by 0.5.
    /// </summary>
    public static bool Matches(Measure total, decimal sum) => total.Number == sum;

    /// <summary>The budget-execution rows that carry a weight (分值) in the fund block.</summary>
    public static IEnumerable<FundRow> WeightedFunds(SelfEvalForm form) => form.Funds.Where(f => f.Weight.Value.HasNumber || f.Score.Value.HasNumber);
}
