using System.Globalization;
using System.Text;

namespace PerfEval.Core.Documents.Docx;

/// <summary>Renders one list counter in a WordprocessingML number format (ST_NumberFormat), as Word/WPS display it.</summary>
internal static class NumberFormatter
{
    private const string ChineseDigits = "零一二三四五六七八九";
    private const string ChineseLegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string IdeographDigits = "〇一二三四五六七八九";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    public static string Format(int value, string? format) => format switch
    {
        null or "decimal" or "decimalHalfWidth" => Decimal(value),
        "none" => string.Empty,
        "decimalZero" => value is >= 0 and < 10 ? "0" + Decimal(value) : Decimal(value),
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            => Counting(value, ChineseDigits, "十百千万", omitLeadingOne: true, writeZero: true),
        "chineseLegalSimplified" => Counting(value, ChineseLegalDigits, "拾佰仟万", omitLeadingOne: false, writeZero: true),
        "ideographLegalTraditional" => Counting(value, "零壹貳參肆伍陸柒捌玖", "拾佰仟萬", omitLeadingOne: false, writeZero: true),
        "japaneseCounting" => Japanese(value),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" => Digitwise(value, IdeographDigits),
        "ideographTraditional" => Cycle(value, HeavenlyStems),
        "ideographZodiac" => Cycle(value, EarthlyBranches),
        "decimalFullWidth" or "decimalFullWidth2" => Digitwise(value, "０１２３４５６７８９"),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => EnclosedCircle(value),
        "decimalEnclosedParen" => value is >= 1 and <= 20 ? ((char)(0x2474 + value - 1)).ToString() : "(" + Decimal(value) + ")",
        "decimalEnclosedFullstop" => value is >= 1 and <= 20 ? ((char)(0x2488 + value - 1)).ToString() : Decimal(value) + ".",
        "ideographEnclosedCircle" => value is >= 1 and <= 10 ? ((char)(0x3280 + value - 1)).ToString() : Decimal(value),
        "upperLetter" => Letters(value, 'A'),
        "lowerLetter" => Letters(value, 'a'),
        "upperRoman" => Roman(value, upper: true),
        "lowerRoman" => Roman(value, upper: false),
        "ordinal" => Ordinal(value),
        _ => Decimal(value),
    };

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Chinese-style counting: 1..9 digits, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十.
    /// </summary>
    private static string Counting(int value, string digits, string units, bool omitLeadingOne, bool writeZero)
    {
        if (value == 0)
        {
            return digits[0].ToString();
        }

        if (value is < 0 or >= 100_000)
        {
            return Decimal(value);
        }

        ReadOnlySpan<int> powers = [10_000, 1_000, 100, 10, 1];
        var unitChars = new[] { units[3], units[2], units[1], units[0], '\0' };
        var sb = new StringBuilder(8);
        var pendingZero = false;
        for (var i = 0; i < powers.Length; i++)
        {
            var d = value / powers[i] % 10;
            if (d == 0)
            {
                pendingZero |= sb.Length > 0;
                continue;
            }

            if (pendingZero && writeZero)
            {
                sb.Append(digits[0]);
            }

            pendingZero = false;
            var isTens = powers[i] == 10;
            if (!(omitLeadingOne && isTens && d == 1 && sb.Length == 0))
            {
                sb.Append(digits[d]);
            }

            if (unitChars[i] != '\0')
            {
                sb.Append(unitChars[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Japanese counting: like Chinese but without 零 and without 一 before 十, 百 and 千 (百一, 千十).</summary>
    private static string Japanese(int value)
    {
        if (value is <= 0 or >= 100_000)
        {
            return Decimal(value);
        }

        ReadOnlySpan<int> powers = [10_000, 1_000, 100, 10, 1];
        const string unitChars = "万千百十";
        var sb = new StringBuilder(8);
        for (var i = 0; i < powers.Length; i++)
        {
            var d = value / powers[i] % 10;
            if (d == 0)
            {
                continue;
            }

            var isUnit = i < unitChars.Length;
            if (!(isUnit && d == 1 && powers[i] != 10_000))
            {
                sb.Append(ChineseDigits[d]);
            }

            if (isUnit)
            {
                sb.Append(unitChars[i]);
            }
        }

        return sb.ToString();
    }

    private static string Digitwise(int value, string digits)
    {
        if (value < 0)
        {
            return Decimal(value);
        }

        var s = Decimal(value);
        var chars = new char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            chars[i] = digits[s[i] - '0'];
        }

        return new string(chars);
    }

    private static string Cycle(int value, string symbols) =>
        value >= 1 ? symbols[(value - 1) % symbols.Length].ToString() : Decimal(value);

    private static string EnclosedCircle(int value) => value switch
    {
        >= 1 and <= 20 => ((char)(0x2460 + value - 1)).ToString(),
        >= 21 and <= 35 => ((char)(0x3251 + value - 21)).ToString(),
        >= 36 and <= 50 => ((char)(0x32B1 + value - 36)).ToString(),
        _ => Decimal(value),
    };

    /// <summary>A, B, …, Z, AA, BB, … (Word repeats the letter rather than counting in base 26).</summary>
    private static string Letters(int value, char first)
    {
        if (value <= 0)
        {
            return Decimal(value);
        }

        var letter = (char)(first + ((value - 1) % 26));
        var count = Math.Min(((value - 1) / 26) + 1, 50);
        return new string(letter, count);
    }

    private static string Roman(int value, bool upper)
    {
        if (value is <= 0 or >= 4000)
        {
            return Decimal(value);
        }

        ReadOnlySpan<int> numbers = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var sb = new StringBuilder();
        for (var i = 0; i < numbers.Length; i++)
        {
            while (value >= numbers[i])
            {
                sb.Append(symbols[i]);
                value -= numbers[i];
            }
        }

        var s = sb.ToString();
        return upper ? s : s.ToLowerInvariant();
    }

    private static string Ordinal(int value)
    {
        var suffix = (value % 100) is >= 11 and <= 13 ? "th" : (value % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return Decimal(value) + suffix;
    }
}
