using System.Globalization;
using System.Text.RegularExpressions;
using PerfEval.Core.Text;

namespace PerfEval.Core.Values;

/// <summary>
/// Parses what a unit clerk writes into a table cell or a phrase: "≥95%", "150户", "1.82万人", "400余件",
/// "不低于95%", "明显改善", "". Full-width digits and signs are normalised; the raw text is kept.
/// </summary>
public static partial class ValueParser
{
    private static readonly (string Word, Comparator Comparator)[] Prefixes =
    [
        (">=", Comparator.AtLeast), ("≥", Comparator.AtLeast), ("≧", Comparator.AtLeast), ("大于等于", Comparator.AtLeast),
        ("不低于", Comparator.AtLeast), ("不少于", Comparator.AtLeast), ("不小于", Comparator.AtLeast), ("至少", Comparator.AtLeast),
        ("<=", Comparator.AtMost), ("≤", Comparator.AtMost), ("≦", Comparator.AtMost), ("小于等于", Comparator.AtMost),
        ("不高于", Comparator.AtMost), ("不超过", Comparator.AtMost), ("不大于", Comparator.AtMost), ("不多于", Comparator.AtMost),
        ("控制在", Comparator.AtMost),
        (">", Comparator.MoreThan), ("大于", Comparator.MoreThan), ("超过", Comparator.MoreThan), ("高于", Comparator.MoreThan),
        ("<", Comparator.LessThan), ("小于", Comparator.LessThan), ("低于", Comparator.LessThan),
        ("=", Comparator.Equal), ("＝", Comparator.Equal), ("达到", Comparator.Equal), ("为", Comparator.Equal),
        ("约", Comparator.About), ("近", Comparator.About), ("大约", Comparator.About), ("约为", Comparator.About),
    ];

    private static readonly (string Word, Comparator Comparator)[] Suffixes =
    [
        ("及以上", Comparator.AtLeast), ("以上", Comparator.AtLeast),
        ("及以下", Comparator.AtMost), ("以下", Comparator.AtMost), ("以内", Comparator.AtMost),
        ("左右", Comparator.About),
    ];

    private static readonly HashSet<string> BlankMarks = new(StringComparer.Ordinal) { "-", "—", "——", "/", "\\", "－", "―", "--", "—-" };

    /// <summary>Parses one cell's value. Never throws; text without a leading figure is <see cref="ValueKind.Qualitative"/>.</summary>
    public static Measure Parse(string? raw)
    {
        raw ??= string.Empty;
        var text = TextNormalizer.Clean(TextNormalizer.ToHalfWidth(raw));
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            text = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        // Every blank mark is one or two characters: a longer text needs no hash lookup.
        if (text.Length == 0 || (text.Length <= 2 && BlankMarks.Contains(text)))
        {
            return Measure.Blank with { Raw = raw };
        }

        var comparator = Comparator.Equal;
        var rest = text;

        // No prefix word starts with a digit or '.', so a text that starts with a figure (most cells) skips the list.
        if (!char.IsAsciiDigit(text[0]) && text[0] != '.')
        {
            foreach (var (word, cmp) in Prefixes)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal) && rest.Length > word.Length && (char.IsAsciiDigit(rest[word.Length]) || rest[word.Length] == '.'))
                {
                    comparator = cmp;
                    rest = rest[word.Length..];
                    break;
                }
            }
        }

        // The pattern is anchored and its one group is the whole match, so the match's length is all that is needed
        // (EnumerateMatches finds it without allocating a Match).
        var length = 0;
        foreach (var m in LeadingNumber().EnumerateMatches(rest))
        {
            length = m.Length;
            break;
        }

        if (length == 0)
        {
            return new Measure { Raw = raw, Kind = ValueKind.Qualitative };
        }

        var match = rest.AsSpan(0, length);
        ReadOnlySpan<char> digits = match.Contains(',') ? match.ToString().Replace(",", string.Empty, StringComparison.Ordinal) : match;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return new Measure { Raw = raw, Kind = ValueKind.Qualitative };
        }

        var dot = digits.IndexOf('.');
        var decimals = dot < 0 ? 0 : digits.Length - dot - 1;
        var tail = rest[length..];

        if (tail.StartsWith('余') || tail.StartsWith('多'))
        {
            comparator = Comparator.MoreThan;
            tail = tail[1..];
        }

        foreach (var (word, cmp) in Suffixes)
        {
            if (tail.EndsWith(word, StringComparison.Ordinal))
            {
                comparator = cmp;
                tail = tail[..^word.Length];
                break;
            }
        }

        var unit = NormalizeUnit(tail);
        if (unit is not null && !LooksLikeUnit(unit))
        {
            // "2023年度…" or "3：扶残助学": a figure that starts a phrase, not a value.
            return new Measure { Raw = raw, Kind = ValueKind.Qualitative };
        }

        var isPercent = unit is "%" or "‰";
        return new Measure
        {
            Raw = raw,
            Kind = isPercent ? ValueKind.Percent : ValueKind.Number,
            Number = number,
            Decimals = decimals,
            Unit = unit,
            Comparator = comparator,
        };
    }

    /// <summary>Reads the first figure of a text for amounts stated after a label: "按支出性质分：1005.67" → 1005.67.</summary>
    public static Measure ParseAfterLabel(string? text, out string label)
    {
        text ??= string.Empty;
        var half = TextNormalizer.ToHalfWidth(text);
        var colon = half.LastIndexOfAny([':', '：']);
        if (colon >= 0)
        {
            label = text[..colon].Trim();
            return Parse(text[(colon + 1)..]);
        }

        label = text.Trim();
        return Measure.Blank with { Raw = string.Empty };
    }

    private static string? NormalizeUnit(string tail)
    {
        if (tail.Length == 0)
        {
            return null;
        }

        return tail switch
        {
            "％" => "%",
            "m2" or "㎡" or "平方米" or "平米" => "m²",
            "人/次" => "人次",
            _ => tail,
        };
    }

    private static bool LooksLikeUnit(string unit)
    {
        if (unit.Length > 6)
        {
            return false;
        }

        foreach (var ch in unit)
        {
            if (char.IsAsciiDigit(ch) || ch is '：' or ':' or '、' or '，' or ',' or '。' or '.' or '年' or '日')
            {
                return unit is "年" or "个月" or "月" or "日" or "天" or "人日";
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")]
    private static partial Regex LeadingNumber();
}
