using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.Rates;

/// <summary>
/// 基础数据表 control rates: 控制率 = 实际在职人数 / 编制数; 规模控制率 = 实际规模 / 批复规模;
/// 投资概算控制率 = 实际投资 / 预算投资. Head-counts are exact; areas and amounts are compared as rounded.
/// </summary>
internal sealed class ControlRateRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("rate.control", RuleCategory.Rate, Severity.Error, "控制率与实际数/核定数不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<BasicDataForm>())
        {
            if (form.Staffing is { } s && Check(form, "人员控制率", s.ControlRate, s.Actual, s.Authorized, exact: true) is { } staff)
            {
                yield return staff;
            }

            if (form.Buildings is { } b)
            {
                if (Check(form, "规模控制率", b.AreaControlRate, b.ActualArea, b.ApprovedArea, exact: false) is { } area)
                {
                    yield return area;
                }

                if (Check(form, "投资概算控制率", b.InvestmentControlRate, b.ActualInvestment, b.BudgetInvestment, exact: false) is { } money)
                {
                    yield return money;
                }
            }
        }
    }

    private Finding? Check(BasicDataForm form, string name, Field rate, Field actual, Field basis, bool exact)
    {
        if (RateCheck.PercentOf(rate.Value) is null || !actual.Value.HasNumber || basis.Value is not { HasNumber: true, Number: > 0 })
        {
            return null;
        }

        var decimals = Approx.Finest([actual.Value, basis.Value]);
        var numerator = exact ? Approx.Exact(actual.Value.BaseValue!.Value) : Approx.Of(actual.Value, decimals);
        var denominator = exact ? Approx.Exact(basis.Value.BaseValue!.Value) : Approx.Of(basis.Value, decimals);
        var verdict = RateCheck.Judge(rate.Value, numerator, denominator, out var quotient);
        if (verdict == RateVerdict.Consistent)
        {
            return null;
        }

        var computed = quotient.Round(Math.Max(2, rate.Value.Decimals));
        return Descriptor.Make(
            form,
            rate.At,
            $"{name}填为 {rate.Value.Raw}，但 {actual.Value.Raw} ÷ {basis.Value.Raw} = {FindingBuilder.F(computed)}%。/ The control rate does not match its quotient.",
            computed,
            rate.Value.Number,
            severity: verdict == RateVerdict.Truncated ? Severity.Info : null);
    }
}
