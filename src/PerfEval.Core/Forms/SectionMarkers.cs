using System.Text.RegularExpressions;
using PerfEval.Core.Text;

namespace PerfEval.Core.Forms;

/// <summary>A section number found at the start of a paragraph or rendered by automatic numbering.</summary>
internal readonly record struct SectionMarker(string Label, NumberingStyle Style, int Number, int Length);

/// <summary>
/// Recognises the numbering of Chinese official documents — 一、 （一） 1、 （1） — typed at the start of a paragraph,
/// with the variants clerks type: full-width or ASCII brackets and mixed pairs ("(二）"), spaces ("一 、"), 1． 1.
/// A figure such as "1.82万人" or "2023年" is not a number of a section.
/// </summary>
internal static partial class SectionMarkers
{
    public static SectionMarker? Match(string text)
    {
        if (!MayStartWithMarker(text))
        {
            return null;
        }

        // A section number sits at the start: only the head of the paragraph is looked at (and converted).
        var half = TextNormalizer.ToHalfWidth(text, Math.Min(text.Length, 120));
        var lead = half.Length - half.TrimStart().Length;

        // Conversion tools leave bookmark marks as text ("[bookmark: _GoBack]五、…"); they are not part of the heading.
        var artifact = Artifact().Match(half, lead);
        if (artifact.Success)
        {
            lead += artifact.Length;
        }

        var s = half[lead..];

        var m = ChineseParen().Match(s);
        if (m.Success && ChineseNumerals.Parse(m.Groups["n"].Value) is int cp)
        {
            return new SectionMarker(text.Substring(lead, m.Length).Trim(), NumberingStyle.ChineseParen, cp, lead + m.Length);
        }

        m = ArabicParen().Match(s);
        if (m.Success)
        {
            return new SectionMarker(text.Substring(lead, m.Length).Trim(), NumberingStyle.ArabicParen, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), lead + m.Length);
        }

        m = Chinese().Match(s);
        if (m.Success && ChineseNumerals.Parse(m.Groups["n"].Value) is int c)
        {
            return new SectionMarker(text.Substring(lead, m.Length).Trim(), NumberingStyle.Chinese, c, lead + m.Length);
        }

        m = Arabic().Match(s);
        if (m.Success)
        {
            return new SectionMarker(text.Substring(lead, m.Length).Trim(), NumberingStyle.Arabic, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), lead + m.Length);
        }

        return null;
    }

    /// <summary>
    /// False when no pattern below can match, decided without copying: after the leading whitespace (as
    /// <see cref="TextNormalizer.ToHalfWidth(string)"/> would leave it) every marker starts with a bracket, a Chinese
    /// numeral or a digit, and a bookmark artifact with '['. Body paragraphs stop here.
    /// </summary>
    private static bool MayStartWithMarker(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 120));
        foreach (var raw in head)
        {
            var ch = TextNormalizer.HalfWidth(raw);
            if (!char.IsWhiteSpace(ch))
            {
                return ch is '(' or '[' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' || char.IsDigit(ch);
            }
        }

        return false;
    }

    /// <summary>Reads a label rendered by Word numbering ("一、", "（二）", "3.") — the whole string is the marker.</summary>
    public static SectionMarker? FromListLabel(string label)
    {
        var marker = Match(label.Trim() + "x");
        return marker is { } mk ? mk with { Label = label.Trim(), Length = 0 } : null;
    }

    /// <summary>The conventional depth of a numbering style: 一、=1, （一）=2, 1、=3, （1）=4.</summary>
    public static int Rank(NumberingStyle style) => style switch
    {
        NumberingStyle.Chinese => 1,
        NumberingStyle.ChineseParen => 2,
        NumberingStyle.Arabic => 3,
        NumberingStyle.ArabicParen => 4,
        _ => 0,
    };

    [GeneratedRegex(@"\G\[bookmark:[^\]]{0,80}\]\s*")]
    private static partial Regex Artifact();

    [GeneratedRegex(@"^[(]\s*(?<n>[一二三四五六七八九十〇零]{1,3})\s*[)]\s*[、.,]?")]
    private static partial Regex ChineseParen();

    [GeneratedRegex(@"^[(]\s*(?<n>\d{1,2})\s*[)]\s*[、.,]?")]
    private static partial Regex ArabicParen();

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})\s*[、.,]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s*(?:、|\.(?!\d))")]
    private static partial Regex Arabic();
}
