using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>Vertical merge state of a cell (w:vMerge); a continued cell is written as an empty TAB cell in the .txt.</summary>
internal enum Merge
{
    None,
    Restart,
    Continue,
}

/// <summary>A block of a generated document; both writers render the same blocks.</summary>
internal abstract class GenBlock;

/// <summary>A paragraph. Its text is mutable so that a mutation can inject one error in place.</summary>
internal sealed class GenParagraph(string text) : GenBlock
{
    public string Text { get; set; } = text;

    /// <summary>An empty paragraph holding a page break (w:br w:type="page"); a blank line in the .txt.</summary>
    public bool PageBreak { get; init; }
}

/// <summary>A table cell; <see cref="Span"/> is w:gridSpan. Paragraphs of the cell are separated by '\n'.</summary>
internal sealed class GenCell(string text, int span = 1, Merge merge = Merge.None)
{
    public string Text { get; set; } = text;

    public int Span { get; } = span;

    public Merge Merge { get; } = merge;

    public static GenCell Continue(int span = 1) => new(string.Empty, span, Merge.Continue);
}

internal sealed class GenTable(int columns) : GenBlock
{
    public int Columns { get; } = columns;

    public List<List<GenCell>> Rows { get; } = [];

    /// <summary>Rows repeated at the top of each page (w:tblHeader), as Word marks the header of a continued table.</summary>
    public HashSet<int> HeaderRows { get; } = [];

    public void Add(params GenCell[] cells)
    {
        var width = cells.Sum(c => c.Span);
        if (width != Columns)
        {
            throw new InvalidOperationException($"row {Rows.Count} covers {width} grid columns, expected {Columns}");
        }

        Rows.Add([.. cells]);
    }
}

/// <summary>
/// A generated submission: blocks in document order, plus named places (a cell, a paragraph) that mutations edit.
/// </summary>
internal sealed class GenDocument
{
    public List<GenBlock> Blocks { get; } = [];

    public Dictionary<string, GenCell> Cells { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GenParagraph> Paragraphs { get; } = new(StringComparer.Ordinal);

    public GenParagraph Add(string text, string? tag = null)
    {
        var p = new GenParagraph(text);
        Blocks.Add(p);
        if (tag is not null)
        {
            Paragraphs.Add(tag, p);
        }

        return p;
    }

    public GenCell Tag(string tag, GenCell cell)
    {
        Cells.Add(tag, cell);
        return cell;
    }

    /// <summary>
    /// The seed's .txt export: a paragraph is a line; a table is preceded by a blank line; every cell starts with a
    /// TAB and its further paragraphs follow on lines without TAB; a continued merged cell is a bare TAB; a
    /// horizontally merged cell is written once; one blank line ends every row, one more ends the table.
    /// </summary>
    public string ToTxt()
    {
        var sb = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (block is GenParagraph p)
            {
                sb.Append(p.Text).Append('\n');
                continue;
            }

            var t = (GenTable)block;
            sb.Append('\n');
            foreach (var row in t.Rows)
            {
                foreach (var cell in row)
                {
                    var lines = cell.Merge == Merge.Continue ? [string.Empty] : cell.Text.Split('\n');
                    sb.Append('\t').Append(lines[0]).Append('\n');
                    foreach (var more in lines.Skip(1))
                    {
                        if (more.Trim().Length == 0)
                        {
                            throw new InvalidOperationException("a blank paragraph inside a cell would end the row in the .txt export");
                        }

                        sb.Append(more).Append('\n');
                    }
                }

                sb.Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public byte[] ToTxtBytes() => new UTF8Encoding(false).GetBytes(ToTxt());

    /// <summary>The same blocks as a minimal WordprocessingML package (no styles, no numbering: typed labels only).</summary>
    public byte[] ToDocx()
    {
        var body = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (block is GenParagraph p)
            {
                body.Append(p.PageBreak ? "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" : Para(p.Text));
                continue;
            }

            var t = (GenTable)block;
            body.Append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
            for (var c = 0; c < t.Columns; c++)
            {
                body.Append("<w:gridCol w:w=\"1000\"/>");
            }

            body.Append("</w:tblGrid>");
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var row = t.Rows[r];
                body.Append(t.HeaderRows.Contains(r) ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
                foreach (var cell in row)
                {
                    body.Append("<w:tc><w:tcPr>");
                    if (cell.Span > 1)
                    {
                        body.Append("<w:gridSpan w:val=\"").Append(cell.Span).Append("\"/>");
                    }

                    body.Append(cell.Merge switch
                    {
                        Merge.Restart => "<w:vMerge w:val=\"restart\"/>",
                        Merge.Continue => "<w:vMerge/>",
                        _ => string.Empty,
                    });
                    body.Append("</w:tcPr>");
                    if (cell.Merge == Merge.Continue)
                    {
                        body.Append("<w:p/>");
                    }
                    else
                    {
                        foreach (var line in cell.Text.Split('\n'))
                        {
                            body.Append(Para(line));
                        }
                    }

                    body.Append("</w:tc>");
                }

                body.Append("</w:tr>");
            }

            body.Append("</w:tbl>");
        }

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + body + "<w:sectPr/></w:body></w:document>";
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
            main.FeedData(data);
        }

        return stream.ToArray();

        static string Para(string text) => text.Length == 0
            ? "<w:p/>"
            : $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";
    }
}
