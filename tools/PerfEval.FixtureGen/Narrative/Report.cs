using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Narrative;

/// <summary>
/// A numbered section of a narrative report. Its heading paragraph is the number label followed by
/// <see cref="Title"/> and <see cref="Tail"/> (text that continues on the same paragraph, e.g. "。本单位…").
/// Depth 1 is numbered 一、, depth 2 （一）, depth 3 1、.
/// </summary>
internal sealed class Section
{
    public Section(string title, string tail = "", IEnumerable<string>? body = null, IEnumerable<Section>? children = null)
    {
        Title = title;
        Tail = tail;
        Body = body?.ToList() ?? [];
        Children = children?.ToList() ?? [];
    }

    public string Title { get; }

    public string Tail { get; }

    /// <summary>Plain paragraphs after the heading, before the children.</summary>
    public IReadOnlyList<string> Body { get; }

    public IReadOnlyList<Section> Children { get; }

    /// <summary>
    /// Numbering level of the children when it is not the next one: 3 puts "1、" items directly under a "一、" heading,
    /// as real reports do (the seed's "四、…" is followed by "1、…").
    /// </summary>
    public int? ChildLevel { get; init; }

    public string HeadingText => Title + Tail;

    public static string Label(int depth, int number) => depth switch
    {
        1 => Money.Chinese(number) + "、",
        2 => "（" + Money.Chinese(number) + "）",
        3 => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "、",
        _ => throw new ArgumentOutOfRangeException(nameof(depth)),
    };
}

/// <summary>
/// One heading of a report in reading order, as the expected sidecar lists it. <see cref="Level"/> is the numbering level
/// (1 = 一、, 2 = （一）, 3 = 1、); <see cref="Depth"/> is the nesting depth in the section tree (a "1、" directly under "一、" has level 3, depth 2).
/// </summary>
internal sealed record HeadingEntry(int Level, int Depth, string Label, string Title, string Text);

/// <summary>A narrative report (整体支出绩效自评报告 or 项目支出绩效自评报告).</summary>
internal sealed record Report(
    string Kind,
    string? ProjectName,
    string Title,
    IReadOnlyList<string> TitleParagraphs,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<string> Closing,
    decimal StatedScore,
    string StatedGrade)
{
    public IReadOnlyList<HeadingEntry> Headings()
    {
        var list = new List<HeadingEntry>();
        Walk(Sections, 1, 1, list);
        return list;
    }

    private static void Walk(IReadOnlyList<Section> sections, int level, int depth, List<HeadingEntry> into)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            into.Add(new HeadingEntry(level, depth, Section.Label(level, i + 1), s.Title, s.HeadingText));
            Walk(s.Children, s.ChildLevel ?? level + 1, depth + 1, into);
        }
    }
}
