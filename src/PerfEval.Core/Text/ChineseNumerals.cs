namespace PerfEval.Core.Text;

/// <summary>Chinese numerals as used in section numbers: 一 … 九十九 (and 〇/零, 百 for completeness).</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Parses 一, 十, 十一, 二十, 二十一, 一百零二; returns null when the text is not a Chinese numeral.</summary>
    public static int? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        var total = 0;
        var current = 0;
        var sawAny = false;
        foreach (var raw in text)
        {
            var ch = raw switch { '〇' => '零', '两' => '二', '壹' => '一', '贰' => '二', '叁' => '三', '肆' => '四', '伍' => '五', '陆' => '六', '柒' => '七', '捌' => '八', '玖' => '九', '拾' => '十', _ => raw };
            var digit = Digits.IndexOf(ch, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = digit;
                sawAny = true;
                continue;
            }

            switch (ch)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    sawAny = true;
                    break;
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    sawAny = true;
                    break;
                default:
                    return null;
            }
        }

        return sawAny ? total + current : null;
    }

    /// <summary>Renders 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五.</summary>
    public static string Format(int value)
    {
        if (value <= 0)
        {
            return value == 0 ? "零" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return Digits[value].ToString();
        }

        if (value < 20)
        {
            return "十" + (value % 10 == 0 ? string.Empty : Digits[value % 10].ToString());
        }

        if (value < 100)
        {
            return Digits[value / 10] + "十" + (value % 10 == 0 ? string.Empty : Digits[value % 10].ToString());
        }

        var rest = value % 100;
        var head = Digits[value / 100 % 10] + "百";
        return rest == 0 ? head : head + (rest < 10 ? "零" + Digits[rest] : (rest < 20 ? "一" : string.Empty) + Format(rest));
    }
}
