using PerfEval.Core.Values;

namespace PerfEval.Core.Rules;

/// <summary>
/// A written figure as the interval it stands for: a figure with d decimals is exact to ±0.5·10^-d
/// (XBRL Calculations 1.1). Values and half-widths are in the figure's base unit (元 for 万元, 人 for 万人).
/// </summary>
internal readonly record struct Approx(decimal Value, decimal Half)
{
    public decimal Low => Value - Half;

    public decimal High => Value + Half;

    /// <summary>The interval of a figure written with <paramref name="decimals"/> decimals (not fewer than it shows).</summary>
    public static Approx Of(Measure m, int decimals)
    {
        var (_, multiplier) = m.Scale;
        var d = Math.Max(decimals, m.Decimals);
        return new Approx(m.Number!.Value * multiplier, 0.5m * Measure.Pow10(-d) * multiplier);
    }

    /// <summary>An exact figure (scores, weights, head-counts).</summary>
    public static Approx Exact(decimal value) => new(value, 0m);

    public static Approx operator +(Approx a, Approx b) => new(a.Value + b.Value, a.Half + b.Half);

    /// <summary>True when the two intervals share a point: the figures may be the same quantity, rounded.</summary>
    public bool Overlaps(Approx other) => Math.Abs(Value - other.Value) <= Half + other.Half + 1e-12m;

    /// <summary>The finest number of decimals shown among the figures compared.</summary>
    public static int Finest(IEnumerable<Measure> measures)
    {
        var d = 0;
        foreach (var m in measures)
        {
            if (m.HasNumber)
            {
                d = Math.Max(d, m.Decimals);
            }
        }

        return d;
    }

    /// <summary>The quotient interval [E_lo/B_hi, E_hi/B_lo] in percent; null when the divisor may be zero.</summary>
    public static (decimal Low, decimal High)? PercentQuotient(Approx numerator, Approx denominator)
    {
        if (denominator.Low <= 0)
        {
            return null;
        }

        return (Math.Max(0, numerator.Low) / denominator.High * 100m, numerator.High / denominator.Low * 100m);
    }
}

/// <summary>How a stated rate compares with the quotient of the figures it is computed from.</summary>
internal enum RateVerdict
{
    Consistent,

    /// <summary>The stated rate cuts the true quotient's digits off instead of rounding (172.85% for 172.858%).</summary>
    Truncated,

    Inconsistent,
}

internal static class RateCheck
{
    public static RateVerdict Judge(Measure statedPercent, Approx numerator, Approx denominator, out decimal quotient)
    {
        quotient = denominator.Value == 0 ? 0 : numerator.Value / denominator.Value * 100m;
        if (PercentOf(statedPercent) is not decimal stated)
        {
            return RateVerdict.Consistent;
        }

        var range = Approx.PercentQuotient(numerator, denominator);
        if (range is null)
        {
            return RateVerdict.Consistent;
        }

        var half = statedPercent.HalfUlp * (statedPercent.Unit == "‰" ? 0.1m : 1m);
        var (low, high) = range.Value;
        if (stated + half >= low - 1e-12m && stated - half <= high + 1e-12m)
        {
            return RateVerdict.Consistent;
        }

        // Truncation: the stated figure is the quotient with its further digits cut off.
        var ulp = half * 2;
        if (stated <= high && stated + ulp >= low)
        {
            return RateVerdict.Truncated;
        }

        return RateVerdict.Inconsistent;
    }

    /// <summary>A percentage in percent (‰ converted); null when the measure is not a rate.</summary>
    public static decimal? PercentOf(Measure m) => m switch
    {
        { Kind: ValueKind.Percent, Unit: "‰" } => m.Number / 10m,
        { Kind: ValueKind.Percent } => m.Number,
        _ => null,
    };
}

/// <summary>Rounding the way figures are written in these forms (half away from zero).</summary>
internal static class DecimalExtensions
{
    public static decimal Round(this decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
