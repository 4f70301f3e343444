using System.Text.RegularExpressions;
using PerfEval.Core.Documents;
using PerfEval.Core.Text;
using PerfEval.Core.Values;

namespace PerfEval.Core.Forms;

/// <summary>
/// Finds the figures a narrative states — amounts (万元, 元), counts (人, 户, 件, 人次, 个, 篇 …), percentages and
/// scores — with the words that name them, and links the "X，其中：A、B、C" breakdowns (a whole and its listed parts)
/// and the "占P%" shares to the figures they speak of.
/// </summary>
internal static partial class ClaimExtractor
{
    private static readonly System.Buffers.SearchValues<char> ClauseDelimiters = System.Buffers.SearchValues.Create(",，、;；:：。");

    private static readonly string[] ChangeWords = ["增加", "减少", "增长", "下降", "提高", "降低", "增幅", "降幅"];

    private static readonly string[] Subjects = ["本单位", "我单位", "本部门", "我部门", "我会", "本会", "我局", "本局", "全市", "我市", "全县", "我县", "全区", "我区"];

    private static readonly string[] LabelTrim = ["共计", "合计", "累计", "总计", "共", "计", "为", "达到", "达", "约", "近", "约为", "是", "有", "支出", "完成"];

    public static IReadOnlyList<Claim> Extract(IReadOnlyList<ParagraphBlock> paragraphs)
    {
        var claims = new List<Claim>();
        foreach (var p in paragraphs)
        {
            ExtractParagraph(p, claims);
        }

        return claims;
    }

    private static void ExtractParagraph(ParagraphBlock paragraph, List<Claim> claims)
    {
        var text = paragraph.Text;
        var half = TextNormalizer.ToHalfWidth(text);
        var sentenceStart = 0;
        for (var i = 0; i < half.Length; i++)
        {
            if (half[i] is '。' or '!' or '?' or '\n')
            {
                ExtractSentence(paragraph, text, half, sentenceStart, i + 1, claims);
                sentenceStart = i + 1;
            }
        }

        ExtractSentence(paragraph, text, half, sentenceStart, half.Length, claims);
    }

    private static void ExtractSentence(ParagraphBlock paragraph, string text, string half, int start, int end, List<Claim> claims)
    {
        if (end <= start)
        {
            return;
        }

        // The sentence is matched as a span of the paragraph (the figure pattern has no anchors or lookarounds, so
        // this finds what matching a copy of the sentence would), and only the figures found become strings.
        var sentence = half.AsSpan(start, end - start);
        var first = claims.Count;
        string? excerpt = null;
        var qizhong = sentence.IndexOf("其中", StringComparison.Ordinal);
        foreach (var m in Figure().EnumerateMatches(sentence))
        {
            var offset = start + m.Index;
            if (m.Index > 0 && (char.IsAsciiDigit(sentence[m.Index - 1]) || sentence[m.Index - 1] is '.' or '第' or '-' or '~' or '—'))
            {
                continue;
            }

            var raw = text.Substring(offset, m.Length);
            var value = ValueParser.Parse(half.Substring(offset, m.Length));
            if (!value.HasNumber)
            {
                continue;
            }

            var kind = KindOfUnit(sentence[m.Index + m.Length - 1]);
            var before = sentence[..m.Index];
            var clause = ClauseOf(before);
            var label = LabelOf(clause, before, out var year);
            if (kind == ClaimKind.Score && !label.Contains('分', StringComparison.Ordinal) && !label.Contains('得', StringComparison.Ordinal) && !label.Contains("评价", StringComparison.Ordinal))
            {
                continue; // "分" after a figure is a score only when the sentence speaks of scoring.
            }

            excerpt ??= text.Substring(start, end - start).Trim();
            var claim = new Claim
            {
                Kind = kind,
                Label = label,
                Value = value with { Raw = raw },
                At = new Location { Paragraph = paragraph.Index, Excerpt = excerpt, Offset = offset, Length = m.Length },
                Year = year,
                IsChange = ContainsAny(clause, ChangeWords),
                Offset = offset,
            };
            claims.Add(claim);
        }

        LinkShares(first, claims);
        if (qizhong >= 0)
        {
            LinkBreakdown(start + qizhong, first, claims);
        }
    }

    /// <summary>
    /// The kind of a figure from the last character of its match, which is the last character of the unit: the units
    /// ending in 元 (万元, 亿元, 千元, 元) are amounts, "%" a percentage, "分" a score, every other unit a count.
    /// </summary>
    private static ClaimKind KindOfUnit(char last) => last switch
    {
        '%' => ClaimKind.Percent,
        '分' => ClaimKind.Score,
        '元' => ClaimKind.Amount,
        _ => ClaimKind.Count,
    };

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"人员经费306.34万元，占86.19%": the share belongs to the nearest figure before it in the sentence.</summary>
    private static void LinkShares(int first, List<Claim> claims)
    {
        for (var i = first; i < claims.Count; i++)
        {
            var c = claims[i];
            if (c.Kind != ClaimKind.Percent || !c.Label.EndsWith('占'))
            {
                continue;
            }

            for (var j = i - 1; j >= first; j--)
            {
                if (claims[j].Kind is ClaimKind.Amount or ClaimKind.Count)
                {
                    claims[i] = c with { ShareOf = j, Label = claims[j].Label };
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "基本支出353.08万元，其中：人员经费306.34万元…；公用经费46.74万元…": the figures after 其中 of the same kind are
    /// the parts; the whole is the figure before 其中 of that kind — the nearest one that is not smaller than a part,
    /// else the nearest.
    /// </summary>
    private static void LinkBreakdown(int qizhongOffset, int first, List<Claim> claims)
    {
        var parts = new List<int>();
        for (var i = first; i < claims.Count; i++)
        {
            if (claims[i].Offset > qizhongOffset && claims[i].Kind is ClaimKind.Amount or ClaimKind.Count or ClaimKind.Score && claims[i].ShareOf is null)
            {
                parts.Add(i);
            }
        }

        if (parts.Count == 0)
        {
            return;
        }

        var kind = claims[parts[0]].Kind;
        parts.RemoveAll(i => claims[i].Kind != kind);
        var maxPart = decimal.MinValue;
        foreach (var i in parts)
        {
            maxPart = Math.Max(maxPart, claims[i].Value.BaseValue ?? 0);
        }

        int? whole = null;
        for (var j = parts[0] - 1; j >= first; j--)
        {
            if (claims[j].Kind != kind || claims[j].Offset > qizhongOffset)
            {
                continue;
            }

            whole ??= j;
            if ((claims[j].Value.BaseValue ?? 0) >= maxPart)
            {
                whole = j;
                break;
            }
        }

        if (whole is not int w)
        {
            return;
        }

        claims[w] = claims[w] with { Parts = parts };
        foreach (var p in parts)
        {
            claims[p] = claims[p] with { PartOf = w };
        }
    }

    private static string ClauseOf(ReadOnlySpan<char> before)
    {
        var cut = before.LastIndexOfAny(ClauseDelimiters);
        return (cut >= 0 ? before[(cut + 1)..] : before).Trim().ToString();
    }

    private static string LabelOf(string clause, ReadOnlySpan<char> before, out int? yearOf)
    {
        var label = clause;
        yearOf = null;
        int lastIndex = -1, lastLength = 0;
        foreach (var m in YearPhrase().EnumerateMatches(label))
        {
            (lastIndex, lastLength) = (m.Index, m.Length);
        }

        if (lastIndex >= 0)
        {
            yearOf = int.Parse(label.AsSpan(lastIndex, 4), System.Globalization.CultureInfo.InvariantCulture);
            var after = label[(lastIndex + lastLength)..];
            label = after.Length > 0 ? after : label[..lastIndex];
        }

        foreach (var subject in Subjects)
        {
            if (label.Length > subject.Length + 1 && label.StartsWith(subject, StringComparison.Ordinal))
            {
                label = label[subject.Length..];
                break;
            }
        }
        if (label.StartsWith("其中", StringComparison.Ordinal))
        {
            label = label[2..];
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var t in LabelTrim)
            {
                if (label.Length > t.Length && label.EndsWith(t, StringComparison.Ordinal) && t != "支出" && t != "完成")
                {
                    label = label[..^t.Length];
                    changed = true;
                }
            }
        }

        if (label.Length == 0 && before.TrimEnd().EndsWith("占", StringComparison.Ordinal))
        {
            return "占";
        }

        return label.Trim();
    }

    [GeneratedRegex(@"(?:(?:≥|≤|不低于|不少于|近|约)\s*)?\d+(?:\.\d+)?\s*(?:余|多)?\s*(?<u>万元|亿元|千元|元|万人次|人次|万人|人月|人/次|人|户|件|个|篇|家|次|所|项|名|场|期|批|村|台|套|辆|%|分)")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\d{4}\s*年(度)?")]
    private static partial Regex YearPhrase();
}
