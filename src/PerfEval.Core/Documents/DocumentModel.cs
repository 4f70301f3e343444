using System.Text.Json.Serialization;

namespace PerfEval.Core.Documents;

/// <summary>The format a document was read from (sniffed from its bytes, never from the file name).</summary>
public enum SourceFormat
{
    Docx,
    Txt,
    Html,
}

/// <summary>
/// A format-neutral document: the ordered blocks (paragraphs and tables) that a reader found.
/// Every reader (.docx, .txt, .html) produces this shape, so form recognition and rules never look at a file format.
/// </summary>
public sealed class DocumentModel
{
    public DocumentModel(SourceFormat format, IReadOnlyList<Block> blocks)
    {
        Format = format;
        Blocks = blocks;
    }

    public SourceFormat Format { get; }

    /// <summary>Top-level blocks in reading order; <see cref="Block.Index"/> equals the position in this list.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Non-fatal remarks of the reader (e.g. "an embedded object was skipped"), in Chinese.</summary>
    public IList<string> Warnings { get; } = new List<string>();

    public IEnumerable<TableBlock> Tables => Blocks.OfType<TableBlock>();

    public IEnumerable<ParagraphBlock> Paragraphs => Blocks.OfType<ParagraphBlock>();
}

/// <summary>A top-level block. <see cref="Index"/> is its position in <see cref="DocumentModel.Blocks"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(TableBlock), "table")]
public abstract class Block
{
    protected Block(int index) => Index = index;

    public int Index { get; }
}

/// <summary>A paragraph of body text (outside tables).</summary>
public sealed class ParagraphBlock : Block
{
    public ParagraphBlock(int index, string text, string? listLabel = null, int? outlineLevel = null, string? style = null)
        : base(index)
    {
        Text = text;
        ListLabel = listLabel;
        OutlineLevel = outlineLevel;
        Style = style;
    }

    /// <summary>The text as written, without the label that automatic numbering renders (see <see cref="ListLabel"/>).</summary>
    public string Text { get; }

    /// <summary>The label Word/WPS automatic numbering renders in front of the paragraph, e.g. "一、", "（二）", "3."; null when none.</summary>
    public string? ListLabel { get; }

    /// <summary>1-based heading level from the paragraph style or outline level, when the producer declared one.</summary>
    public int? OutlineLevel { get; }

    /// <summary>The paragraph style id or name, when known.</summary>
    public string? Style { get; }

    /// <summary>What a reader sees on the page: the rendered list label followed by the text.</summary>
    public string DisplayText => ListLabel is null ? Text : ListLabel + Text;

    public override string ToString() => DisplayText;
}

/// <summary>
/// A table on a grid. Rows hold only the cells that start at a grid position (the "origin" cells);
/// a merged cell covers <see cref="TableCell.RowSpan"/> × <see cref="TableCell.ColSpan"/> positions.
/// </summary>
public sealed class TableBlock : Block
{
    private TableCell?[,]? _grid;

    public TableBlock(int index, int tableNumber, IReadOnlyList<TableRow> rows, int columnCount, int sourceTableCount = 1)
        : base(index)
    {
        TableNumber = tableNumber;
        Rows = rows;
        ColumnCount = columnCount;
        SourceTableCount = sourceTableCount;
    }

    /// <summary>1-based number of this table among the document's top-level tables (after stitching); nested tables get 0.</summary>
    public int TableNumber { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Width of the grid in columns.</summary>
    public int ColumnCount { get; }

    /// <summary>How many physical tables were stitched into this one (a table continued after a page break).</summary>
    public int SourceTableCount { get; }

    /// <summary>The cell that covers grid position (row, column), or null for a hole in a ragged table.</summary>
    public TableCell? CellAt(int row, int column)
    {
        if (row < 0 || row >= Rows.Count || column < 0 || column >= ColumnCount)
        {
            return null;
        }

        _grid ??= BuildGrid();
        return _grid[row, column];
    }

    private TableCell?[,] BuildGrid()
    {
        var grid = new TableCell?[Rows.Count, ColumnCount];
        foreach (var row in Rows)
        {
            foreach (var cell in row.Cells)
            {
                for (var r = cell.Row; r < Math.Min(Rows.Count, cell.Row + cell.RowSpan); r++)
                {
                    for (var c = cell.Column; c < Math.Min(ColumnCount, cell.Column + cell.ColSpan); c++)
                    {
                        grid[r, c] = cell;
                    }
                }
            }
        }

        return grid;
    }
}

/// <summary>A table row; <see cref="Cells"/> are the origin cells in column order.</summary>
public sealed class TableRow
{
    public TableRow(int index, IReadOnlyList<TableCell> cells, bool isHeader = false)
    {
        Index = index;
        Cells = cells;
        IsHeader = isHeader;
    }

    public int Index { get; }

    public IReadOnlyList<TableCell> Cells { get; }

    /// <summary>True when the producer marked the row as a repeated header row (w:tblHeader, &lt;thead&gt;).</summary>
    public bool IsHeader { get; }
}

/// <summary>A cell with its place on the grid. <see cref="Text"/> joins the cell's paragraphs with '\n'.</summary>
public sealed class TableCell
{
    public TableCell(int row, int column, string text, int rowSpan = 1, int colSpan = 1, IReadOnlyList<TableBlock>? nestedTables = null)
    {
        Row = row;
        Column = column;
        Text = text;
        RowSpan = rowSpan;
        ColSpan = colSpan;
        NestedTables = nestedTables ?? [];
    }

    /// <summary>0-based row of the cell's top-left grid position.</summary>
    public int Row { get; }

    /// <summary>0-based grid column of the cell's top-left position.</summary>
    public int Column { get; }

    public int RowSpan { get; internal set; }

    public int ColSpan { get; internal set; }

    /// <summary>The cell's text as written: paragraphs joined by '\n', soft line breaks kept as '\n'.</summary>
    public string Text { get; }

    /// <summary>Tables nested inside the cell, in order.</summary>
    public IReadOnlyList<TableBlock> NestedTables { get; }

    /// <summary>The text as a comparison key (half-width, no whitespace or quotes), computed once.</summary>
    [JsonIgnore]
    public string Key => _key ??= PerfEval.Core.Text.TextNormalizer.Key(Text);

    private string? _key;

    public override string ToString() => Text;
}
