using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Rates;

/// <summary>
/// An execution rate above 100%: spending more than the full-year budget usually means the budget column is the
/// initial budget, or an amount was entered in the wrong row. Worth a look even when the arithmetic is right.
/// </summary>
internal sealed class ExecutionAbove100Rule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("rate.execution-over-100", RuleCategory.Rate, Severity.Warning, "预算执行率超过100%");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var row in form.Funds)
            {
                var stated = RateCheck.PercentOf(row.ExecutionRate.Value);
                decimal? computed = row.Executed.Value.HasNumber && row.AdjustedBudget.Value is { HasNumber: true, Number: > 0 }
                    ? row.Executed.Value.BaseValue / row.AdjustedBudget.Value.BaseValue * 100m
                    : null;
                var rate = stated ?? computed;
                if (rate is not > 100m)
                {
                    continue;
                }

                yield return Descriptor.Make(
                    form,
                    row.ExecutionRate.At ?? row.Executed.At,
                    $"{row.Label}执行率为 {FindingBuilder.F(rate.Value.Round(2))}%，超过 100%：全年执行数 {row.Executed.Value.Raw} 大于全年预算数 {row.AdjustedBudget.Value.Raw}，请核实预算数是否为调整后的全年预算。/ Execution above 100% of the budget.",
                    100m,
                    rate.Value.Round(2));
            }
        }
    }
}
