namespace PerfEval.FixtureGen.Layout;

/// <summary>A block of the generated document; both writers (.docx and .txt) render the same block list.</summary>
internal abstract record GenBlock;

/// <summary>Paragraph alignment.</summary>
internal enum Align
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A body paragraph. With <see cref="NumberingId"/> set the paragraph uses Word automatic numbering:
/// <see cref="Text"/> then holds no number and <see cref="ListLabel"/> is what Word renders in front of it.
/// </summary>
internal sealed record GenParagraph(string Text) : GenBlock
{
    public string? Style { get; init; }

    public Align Align { get; init; }

    public bool PageBreakAfter { get; init; }

    public int? NumberingId { get; init; }

    public int NumberingLevel { get; init; }

    public string? ListLabel { get; init; }

    /// <summary>The text a reader sees (label + text).</summary>
    public string DisplayText => (ListLabel ?? string.Empty) + Text;
}

/// <summary>Vertical merge state of a cell, as w:vMerge.</summary>
internal enum VMerge
{
    None,
    Restart,
    Continue,
}

/// <summary>A cell; <see cref="Span"/> is w:gridSpan. A vMerge-continue cell carries no text.</summary>
internal sealed record GenCell(IReadOnlyList<string> Paragraphs, int Span = 1, VMerge Merge = VMerge.None)
{
    public static GenCell Of(string text, int span = 1, VMerge merge = VMerge.None) => new(text.Split('\n'), span, merge);

    public static GenCell Continue(int span = 1) => new([string.Empty], span, VMerge.Continue);

    public static GenCell Empty(int span = 1) => new([string.Empty], span);
}

/// <summary>A table row; <see cref="IsHeader"/> marks a repeated header row (w:tblHeader).</summary>
internal sealed record GenRow(IReadOnlyList<GenCell> Cells, bool IsHeader = false);

/// <summary>A table on a fixed grid (twips per grid column).</summary>
internal sealed record GenTable(IReadOnlyList<int> Grid, IReadOnlyList<GenRow> Rows) : GenBlock
{
    /// <summary>Throws when a row does not cover the grid exactly; catches layout mistakes before anything is written.</summary>
    public void CheckShape(string what)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            var width = Rows[i].Cells.Sum(c => c.Span);
            if (width != Grid.Count)
            {
                throw new InvalidOperationException($"{what}: row {i} covers {width} grid columns, expected {Grid.Count}.");
            }
        }
    }
}

/// <summary>The whole generated document.</summary>
internal sealed record GenDocument(string Title, DateOnly Date, IReadOnlyList<GenBlock> Blocks, int NumberingInstances);
