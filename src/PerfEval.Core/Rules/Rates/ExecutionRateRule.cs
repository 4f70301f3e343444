using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Rates;

/// <summary>
/// 执行率 = 全年执行数 / 全年预算数, compared the way the figures were rounded: the stated rate's interval must meet
/// [E_lo/B_hi, E_hi/B_lo]. A rate whose further digits were cut off instead of rounded is an info, not an error.
/// </summary>
internal sealed class ExecutionRateRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("rate.execution", RuleCategory.Rate, Severity.Error, "执行率与执行数/预算数不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var row in form.Funds)
            {
                var (rate, executed, budget) = (row.ExecutionRate.Value, row.Executed.Value, row.AdjustedBudget.Value);
                if (RateCheck.PercentOf(rate) is null || !executed.HasNumber || !budget.HasNumber)
                {
                    continue;
                }

                var decimals = Approx.Finest([executed, budget]);
                var verdict = RateCheck.Judge(rate, Approx.Of(executed, decimals), Approx.Of(budget, decimals), out var quotient);
                if (verdict == RateVerdict.Consistent)
                {
                    continue;
                }

                var computed = quotient.Round(Math.Max(2, rate.Decimals));
                var rounded = quotient.Round(rate.Decimals);
                var message = verdict == RateVerdict.Truncated
                    ? $"{row.Label}执行率填为 {rate.Raw}，按 {executed.Raw} ÷ {budget.Raw} 计算为 {FindingBuilder.F(quotient.Round(4))}%，四舍五入应为 {FindingBuilder.F(rounded)}%（系截尾而非四舍五入）。/ The rate was truncated, not rounded."
                    : $"{row.Label}执行率填为 {rate.Raw}，但全年执行数 {executed.Raw} ÷ 全年预算数 {budget.Raw} = {FindingBuilder.F(computed)}%。/ The stated rate does not match executed ÷ budget.";
                yield return Descriptor.Make(
                    form,
                    row.ExecutionRate.At,
                    message,
                    computed,
                    rate.Number,
                    new[] { row.Executed.At, row.AdjustedBudget.At }.Where(a => a is not null).Select(a => new RelatedPlace(form.Kind, a!)),
                    verdict == RateVerdict.Truncated ? Severity.Info : null);
            }
        }
    }
}
