using System.Globalization;
using System.Text.Json.Serialization;

namespace PerfEval.Core.Values;

/// <summary>What a figure says about the true value.</summary>
public enum Comparator
{
    /// <summary>The figure is the value (as rounded).</summary>
    Equal,

    /// <summary>≥, 不低于, 不少于, 以上, 至少.</summary>
    AtLeast,

    /// <summary>≤, 不高于, 不超过, 以内, 以下.</summary>
    AtMost,

    /// <summary>&gt;, 大于, 超过, 余 ("400余件").</summary>
    MoreThan,

    /// <summary>&lt;, 小于, 低于.</summary>
    LessThan,

    /// <summary>约, 近, 左右, 大约.</summary>
    About,
}

/// <summary>The kind of a cell or phrase value.</summary>
public enum ValueKind
{
    /// <summary>Nothing written (or only a dash/slash placeholder). Never read as zero.</summary>
    Blank,

    /// <summary>A number, with or without a unit.</summary>
    Number,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>Words without a figure: 明显改善, 长期, 全体残疾朋友.</summary>
    Qualitative,
}

/// <summary>
/// A value as written in a report: the raw text, and where it holds a figure, the figure, how precisely it was
/// written (decimals), its unit and comparator. Figures are decimals, never doubles, so 581.79 stays 581.79.
/// </summary>
public sealed record Measure
{
    public static Measure Blank { get; } = new() { Raw = string.Empty, Kind = ValueKind.Blank };

    /// <summary>The text exactly as written.</summary>
    public required string Raw { get; init; }

    public required ValueKind Kind { get; init; }

    /// <summary>The figure as written, in the written unit (1.82 for "1.82万人", 95 for "≥95%").</summary>
    public decimal? Number { get; init; }

    /// <summary>Digits written after the decimal point (2 for "581.79", 0 for "3").</summary>
    public int Decimals { get; init; }

    /// <summary>The unit as written after the figure ("万元", "人", "户", "%"); null when none.</summary>
    public string? Unit { get; init; }

    public Comparator Comparator { get; init; } = Comparator.Equal;

    [JsonIgnore]
    public bool IsBlank => Kind == ValueKind.Blank;

    [JsonIgnore]
    public bool HasNumber => Number.HasValue;

    /// <summary>Half the last written digit's place: a figure with d decimals stands for ±0.5·10^-d.</summary>
    [JsonIgnore]
    public decimal HalfUlp => 0.5m * Pow10(-Decimals);

    /// <summary>
    /// The unit with its 万/亿 multiplier split off: "万元" → ("元", 10000), "万人" → ("人", 10000), "%" → ("%", 1).
    /// </summary>
    [JsonIgnore]
    public (string? BaseUnit, decimal Multiplier) Scale
    {
        get
        {
            if (Unit is null)
            {
                return (null, 1m);
            }

            if (Unit.Length > 1 && Unit[0] == '万')
            {
                return (Unit[1..], 10_000m);
            }

            if (Unit.Length > 1 && Unit[0] == '亿')
            {
                return (Unit[1..], 100_000_000m);
            }

            if (Unit.Length > 1 && Unit[0] == '千' && Unit != "千克")
            {
                return (Unit[1..], 1_000m);
            }

            return (Unit, 1m);
        }
    }

    /// <summary>The figure in the base unit (18200 for "1.82万人"), or null when there is no figure.</summary>
    [JsonIgnore]
    public decimal? BaseValue => Number * Scale.Multiplier;

    public override string ToString() => Raw;

    internal static decimal Pow10(int exponent)
    {
        var result = 1m;
        if (exponent >= 0)
        {
            for (var i = 0; i < exponent; i++)
            {
                result *= 10m;
            }
        }
        else
        {
            for (var i = 0; i < -exponent; i++)
            {
                result /= 10m;
            }
        }

        return result;
    }

    internal static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
