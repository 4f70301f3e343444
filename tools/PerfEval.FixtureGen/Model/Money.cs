using System.Globalization;

namespace PerfEval.FixtureGen.Model;

/// <summary>The formatting and rounding rules every fixture follows, in one place.</summary>
internal static class Money
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An amount in 万元 with two decimals; blank when null.</summary>
    public static string Amount(decimal? value) => value?.ToString("0.00", Inv) ?? string.Empty;

    /// <summary>A weight or score without trailing zeros ("10", "9.85", "3.5").</summary>
    public static string Score(decimal value) => value.ToString("0.##", Inv);

    /// <summary>A plain count or ratio for text ("96.97").</summary>
    public static string Plain(decimal value) => value.ToString("0.##", Inv);

    /// <summary>A percentage rounded to two decimals (half away from zero), e.g. 97.32 for 97.32%.</summary>
    public static decimal Percent(decimal part, decimal whole) => Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>"97.32%", but exactly 100 is written "100%" as the forms do.</summary>
    public static string PercentText(decimal percent) => percent == 100m ? "100%" : percent.ToString("0.00", Inv) + "%";

    /// <summary>Budget-execution score: 执行率 × 分值, two decimals, capped at 分值.</summary>
    public static decimal ExecutionScore(decimal ratePercent, decimal weight) =>
        Math.Min(weight, Math.Round(ratePercent * weight / 100m, 2, MidpointRounding.AwayFromZero));

    /// <summary>优 ≥ 90, 良 80–90, 中 60–80, 差 &lt; 60.</summary>
    public static string Grade(decimal total) => total switch
    {
        >= 90m => "优",
        >= 80m => "良",
        >= 60m => "中",
        _ => "差",
    };

    public static decimal? SumOrNull(IEnumerable<decimal?> values)
    {
        decimal? sum = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                sum = (sum ?? 0m) + x;
            }
        }

        return sum;
    }

    /// <summary>Removes trailing zeros so JSON shows 100 rather than 100.00.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>Chinese counting numerals as Word's chineseCounting renders them (1–99): 一 … 十 十一 … 二十.</summary>
    public static string Chinese(int n)
    {
        if (n is < 1 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(n));
        }

        if (n < 10)
        {
            return Digits[n];
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? string.Empty : Digits[tens]) + "十" + (ones == 0 ? string.Empty : Digits[ones]);
    }

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string DotDate(DateOnly date) => date.ToString("yyyy.MM.dd", Inv);
}
