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
        foreach (var end in SentenceEnds(half))
        {
            ExtractSentence(paragraph, text, half, sentenceStart, end, claims);
            sentenceStart = end;
        }
    }

    private static IEnumerable<int> SentenceEnds(string half)
    {
        for (var i = 0; i < half.Length; i++)
        {
            if (half[i] is '。' or '!' or '?' or '\n')
            {
                yield return i + 1;
            }
        }

        yield return half.Length;
    }

    private static void ExtractSentence(ParagraphBlock paragraph, string text, string half, int start, int end, List<Claim> claims)
    {
        if (end <= start)
        {
            return;
        }

        var sentence = half[start..end];
        var first = claims.Count;
        string? excerpt = null;
        var qizhong = sentence.IndexOf("其中", StringComparison.Ordinal);
        foreach (Match m in Figure().Matches(sentence))
        {
            var offset = start + m.Index;
            if (m.Index > 0 && (char.IsAsciiDigit(sentence[m.Index - 1]) || sentence[m.Index - 1] is '.' or '第' or '-' or '~' or '—'))
            {
                continue;
            }

            var raw = text.Substring(offset, m.Length);
            var value = ValueParser.Parse(m.Value);
            if (!value.HasNumber)
            {
                continue;
            }

            var unit = m.Groups["u"].Value;
            var kind = unit switch
            {
                "%" => ClaimKind.Percent,
                "分" => ClaimKind.Score,
                "万元" or "元" or "亿元" or "千元" => ClaimKind.Amount,
                _ => ClaimKind.Count,
            };
            var before = sentence.AsSpan(0, m.Index);
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
                At = Location.Para(paragraph.Index, excerpt) with { Offset = offset, Length = m.Length },
                Year = year,
                IsChange = ChangeWords.Any(w => clause.Contains(w, StringComparison.Ordinal)),
                Offset = offset,
            };
            claims.Add(claim);
        }

        LinkShares(sentence, first, claims);
        if (qizhong >= 0)
        {
            LinkBreakdown(start + qizhong, first, claims);
        }
    }

    /// <summary>"人员经费306.34万元，占86.19%": the share belongs to the nearest figure before it in the sentence.</summary>
    private static void LinkShares(string sentence, int first, List<Claim> claims)
    {
        _ = sentence;
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
        parts = parts.Where(i => claims[i].Kind == kind).ToList();
        var maxPart = parts.Max(i => claims[i].Value.BaseValue ?? 0);
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
        var year = YearPhrase().Matches(label);
        if (year.Count > 0)
        {
            var last = year[^1];
            yearOf = int.Parse(last.Value[..4], System.Globalization.CultureInfo.InvariantCulture);
            var after = label[(last.Index + last.Length)..];
            label = after.Length > 0 ? after : label[..last.Index];
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
