using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Totals;

/// <summary>
/// 自评表 fund block: 年度资金总额 equals the sum of its parts (当年财政拨款, 上年结转资金, 其他资金) in the
/// 年初预算数, 全年预算数 and 全年执行数 columns.
/// </summary>
internal sealed class FundPartsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("total.fund-parts", RuleCategory.Total, Severity.Error, "资金来源分项合计与年度资金总额不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            var total = form.Funds.FirstOrDefault(f => f.Depth == 0);
            var parts = form.Funds.Where(f => f.Depth == 1).ToList();
            if (total is null || parts.Count == 0)
            {
                continue;
            }

            foreach (var (name, pick) in Columns)
            {
                var whole = pick(total);
                var values = parts.Select(pick).ToList();
                if (!whole.Value.HasNumber || values.All(v => !v.Value.HasNumber))
                {
                    continue;
                }

                if (PartsCheck.Compare(whole.Value, values.Select(v => v.Value).ToList()) is not { } sum)
                {
                    continue;
                }

                var list = string.Join(" + ", parts.Zip(values).Where(x => x.Second.Value.HasNumber).Select(x => $"{x.First.Label} {x.Second.Value.Raw}"));
                yield return Descriptor.Make(
                    form,
                    whole.At,
                    $"{total.Label}{name}为 {whole.Value.Raw}，但资金来源分项合计为 {FindingBuilder.F(sum)}（{list}）。/ The funding sources add up to {FindingBuilder.F(sum)}, not {whole.Value.Raw}.",
                    sum,
                    whole.Value.Number,
                    values.Where(v => v.At is not null).Select(v => new RelatedPlace(form.Kind, v.At!)));
            }
        }
    }

    private static readonly (string Name, Func<FundRow, Field> Pick)[] Columns =
    [
        ("年初预算数", f => f.InitialBudget),
        ("全年预算数", f => f.AdjustedBudget),
        ("全年执行数", f => f.Executed),
    ];
}
