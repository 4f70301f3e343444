using System.Text.Json.Serialization;
using PerfEval.Core.Values;

namespace PerfEval.Core.Forms;

/// <summary>A narrative self-evaluation report: its numbered sections and the figures its sentences state.</summary>
public sealed record ReportForm : Form
{
    public IReadOnlyList<Section> Sections { get; init; } = [];

    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>The name of the project a project report is about, from its title.</summary>
    public string? Subject { get; init; }
}

/// <summary>The numbering styles of Chinese official documents, in their conventional order of depth.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NumberingStyle>))]
public enum NumberingStyle
{
    /// <summary>A heading declared by style/outline level only, without a number.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>一、</summary>
    [JsonStringEnumMemberName("chinese")]
    Chinese,

    /// <summary>（一）</summary>
    [JsonStringEnumMemberName("chinese-paren")]
    ChineseParen,

    /// <summary>1、 or 1.</summary>
    [JsonStringEnumMemberName("arabic")]
    Arabic,

    /// <summary>（1）</summary>
    [JsonStringEnumMemberName("arabic-paren")]
    ArabicParen,
}

/// <summary>A numbered section with its own text and its subsections.</summary>
public sealed record Section
{
    /// <summary>The number as rendered ("一、", "（二）", "3、"); empty for an unnumbered styled heading.</summary>
    public required string Label { get; init; }

    public required NumberingStyle Style { get; init; }

    /// <summary>The number's value (1 for 一、, 2 for （二）); 0 when unnumbered.</summary>
    public required int Number { get; init; }

    /// <summary>1 for the outermost level present.</summary>
    public required int Level { get; init; }

    /// <summary>The heading: the numbered paragraph's text up to its first full stop.</summary>
    public required string Heading { get; init; }

    /// <summary>The section's own text (its numbered paragraph and the paragraphs before the next section).</summary>
    public required string Text { get; init; }

    /// <summary>Block index of the numbered paragraph.</summary>
    public required int Paragraph { get; init; }

    /// <summary>True when the number came from Word's automatic numbering rather than typed text.</summary>
    public bool AutoNumbered { get; init; }

    public IReadOnlyList<Section> Children { get; init; } = [];
}

/// <summary>What a stated figure counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimKind>))]
public enum ClaimKind
{
    [JsonStringEnumMemberName("amount")]
    Amount,

    [JsonStringEnumMemberName("count")]
    Count,

    [JsonStringEnumMemberName("percent")]
    Percent,

    [JsonStringEnumMemberName("score")]
    Score,
}

/// <summary>
/// A figure stated in a sentence, with the words before it that say what it is ("基本支出" for "基本支出353.08万元").
/// </summary>
public sealed record Claim
{
    public required ClaimKind Kind { get; init; }

    /// <summary>The words that name the figure, nearest first clause ("人员经费", "残疾儿童康复救助").</summary>
    public required string Label { get; init; }

    public required Measure Value { get; init; }

    public required Location At { get; init; }

    /// <summary>Character offset of the figure in the paragraph's text.</summary>
    public int Offset { get; init; }

    /// <summary>For a whole followed by "其中：…": the indices (into <see cref="ReportForm.Claims"/>) of its listed parts.</summary>
    public IReadOnlyList<int> Parts { get; init; } = [];

    /// <summary>For a part: the index of its whole.</summary>
    public int? PartOf { get; init; }

    /// <summary>For "占P%": the index of the claim whose share this is.</summary>
    public int? ShareOf { get; init; }

    /// <summary>
    /// True for a score that rates the whole form ("评价分为98分", "综合得分为94.8分", "自评得分为89.5分"), not one of its
    /// parts ("预算执行得分9.76分", "产出指标…得分49分") nor the full marks ("总分100分").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOverallScore => Kind == ClaimKind.Score && PartOf is null && !ComponentWords.Any(w => Label.Contains(w, StringComparison.Ordinal))
        && OverallWords.Any(w => Label.Contains(w, StringComparison.Ordinal));

    /// <summary>The year the figure speaks of when its clause names one ("较2022年度基本支出300万元" → 2022).</summary>
    public int? Year { get; init; }

    /// <summary>True when the figure is a change ("增加53.08万元", "增长11.67%") rather than a level.</summary>
    public bool IsChange { get; init; }

    private static readonly string[] OverallWords = ["评价分", "综合得分", "总得分", "自评得分", "评价得分", "绩效得分", "最终得分", "综合评分", "自评分", "评分为", "得分为"];

    private static readonly string[] ComponentWords = ["预算执行", "指标", "产出", "效益", "满意度", "成本", "执行率", "分值"];
}
