using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Totals;

/// <summary>
/// 部门整体支出绩效自评表: the income lines (一般公共预算, 政府性基金拨款, …) and the expenditure lines
/// (基本支出 + 项目支出) each add up to their 按…分 head, and each head equals 年度资金总额's 全年执行数.
/// Where a head is left blank, the lines are compared with 全年执行数 directly.
/// </summary>
internal sealed class FundBreakdownRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("total.fund-breakdown", RuleCategory.Total, Severity.Error, "按收入/支出性质分项合计与总额不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            var total = form.Funds.FirstOrDefault(f => f.Depth == 0);
            foreach (var side in new[] { BreakdownSide.Income, BreakdownSide.Expenditure })
            {
                var items = form.Breakdown.Where(b => b.Side == side).ToList();
                var head = items.FirstOrDefault(b => b.IsHead);
                var lines = items.Where(b => !b.IsHead).ToList();
                var sideName = side == BreakdownSide.Income ? "按收入性质分" : "按支出性质分";

                if (head is { Amount.Value.HasNumber: true } && total is { Executed.Value.HasNumber: true } &&
                    PartsCheck.Compare(total.Executed.Value, [head.Amount.Value]) is not null)
                {
                    yield return Descriptor.Make(
                        form,
                        head.Amount.At,
                        $"{sideName}合计 {head.Amount.Value.Raw}，与年度资金总额全年执行数 {total.Executed.Value.Raw} 不一致。/ The {side.ToString().ToLowerInvariant()} total differs from the annual funds executed.",
                        total.Executed.Value.Number,
                        head.Amount.Value.Number,
                        total.Executed.At is null ? null : [new RelatedPlace(form.Kind, total.Executed.At)]);
                }

                if (lines.All(l => !l.Amount.Value.HasNumber))
                {
                    continue;
                }

                var whole = head is { Amount.Value.HasNumber: true } ? head.Amount : total?.Executed;
                if (whole is not { Value.HasNumber: true })
                {
                    continue;
                }

                if (PartsCheck.Compare(whole.Value, lines.Select(l => l.Amount.Value).ToList()) is not { } sum)
                {
                    continue;
                }

                var wholeName = ReferenceEquals(whole, head?.Amount) ? sideName : "年度资金总额全年执行数";
                var list = string.Join(" + ", lines.Where(l => l.Amount.Value.HasNumber).Select(l => $"{l.Label} {l.Amount.Value.Raw}"));
                yield return Descriptor.Make(
                    form,
                    whole.At,
                    $"{wholeName}为 {whole.Value.Raw}，但{sideName}的各项合计为 {FindingBuilder.F(sum)}（{list}），相差 {FindingBuilder.F(whole.Value.Number!.Value - sum)}。/ The {side.ToString().ToLowerInvariant()} lines add up to {FindingBuilder.F(sum)}, not {whole.Value.Raw}.",
                    sum,
                    whole.Value.Number,
                    lines.Where(l => l.Amount.At is not null).Select(l => new RelatedPlace(form.Kind, l.Amount.At!)));
            }
        }
    }
}
