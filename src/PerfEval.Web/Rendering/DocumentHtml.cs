using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PerfEval.Web.Rendering;

/// <summary>
/// A place a finding points at, numbered as finding locations are: <see cref="Table"/>, <see cref="Row"/> and
/// <see cref="Column"/> from 1 (a grid position, which may lie inside a merged cell), <see cref="Paragraph"/> the
/// 0-based block index, <see cref="Offset"/>/<see cref="Length"/> the figure's span in the paragraph's text.
/// </summary>
public sealed record Place(
    int? Table = null,
    int? Row = null,
    int? Column = null,
    int? Paragraph = null,
    int? Offset = null,
    int? Length = null);

/// <summary>A finding to show on the document: its id, severity (<c>error</c>, <c>warning</c>, <c>info</c>), place
/// and the other places it speaks of.</summary>
public sealed record FlaggedFinding(long Id, string Severity, Place Place, IReadOnlyList<Place> Related);

/// <summary>Where a finding is drawn: the element id of its place (null when the place is not in the document) and
/// the element ids of its related places, so a page can scroll to both sides of a cross-reference.</summary>
public sealed record FindingPlaces(long FindingId, string? PlaceId, IReadOnlyList<string> RelatedPlaceIds);

/// <summary>The HTML fragment and, per finding, the ids of its places in it.</summary>
public sealed record RenderedDocument(string Html, IReadOnlyList<FindingPlaces> Places);

/// <summary>
/// Draws a stored document as the unit wrote it: paragraphs in order (headings by outline level as h2…h6, list labels
/// shown), tables with their cells merged as in Word (rowspan/colspan), nested tables inside their cells, line breaks
/// kept. Every text is HTML-encoded. Element ids: paragraph <c>p{block}</c>, table <c>t{table}</c>, cell
/// <c>t{table}-r{row}-c{column}</c> with the 1-based numbering of finding locations (a merged cell has the id of its
/// top-left position; a location anywhere inside it resolves to that id). Flagged places carry
/// <c>class="flagged error|warning|info"</c> (the most severe finding there) and <c>data-findings</c> (finding ids,
/// space-separated); places a finding refers to carry <c>class="related"</c> and <c>data-related</c>; a paragraph
/// finding with an offset wraps exactly its figure in <c>&lt;mark class="error|warning|info" data-findings="…"&gt;</c>.
/// Also: list labels in <c>&lt;span class="list-label"&gt;</c>, header rows as <c>th</c>, a grid position no cell covers
/// (a ragged row) as an empty <c>&lt;td class="hole"&gt;</c>, nested tables as <c>table.nested</c> without ids, and each
/// table's block index in <c>data-block</c>.
/// </summary>
public static class DocumentHtml
{
    /// <summary>Encodes &lt; &gt; &amp; " ' (and characters HTML cannot carry) but leaves Chinese readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedDocument Render(IReadOnlyList<DocBlock> blocks, IReadOnlyList<FlaggedFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(findings);
        using var writer = new Writer(blocks);
        var places = writer.Resolve(findings);
        return new RenderedDocument(writer.Write(), places);
    }

    internal static int Rank(string? severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };

    private static string SeverityName(int rank) => rank switch
    {
        3 => "error",
        2 => "warning",
        _ => "info",
    };

    /// <summary>A place in the document: a cell (by its top-left position), a paragraph or a whole table.</summary>
    private readonly record struct PlaceKey(PlaceKind Kind, int Number, int Row, int Column)
    {
        public string Id => Kind switch
        {
            PlaceKind.Cell => string.Create(CultureInfo.InvariantCulture, $"t{Number}-r{Row + 1}-c{Column + 1}"),
            PlaceKind.Table => string.Create(CultureInfo.InvariantCulture, $"t{Number}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"p{Number}"),
        };
    }

    private enum PlaceKind
    {
        Paragraph,
        Table,
        Cell,
    }

    /// <summary>What is drawn at one place: the findings there, the findings that refer to it, figure spans.</summary>
    private sealed class Flags
    {
        public List<long> Findings { get; } = [];

        public int Rank { get; set; }

        public List<long> RelatedTo { get; } = [];

        public List<Span> Spans { get; } = [];
    }

    private readonly record struct Span(int Start, int End, long FindingId, int Rank);

    private sealed class Writer : IDisposable
    {
        private readonly IReadOnlyList<DocBlock> blocks;
        private readonly Dictionary<int, DocBlock> byIndex = [];
        private readonly Dictionary<int, DocTable> tables = [];
        private readonly Dictionary<int, int[]> grids = [];
        private readonly Dictionary<PlaceKey, Flags> flags = [];
        private readonly HashSet<int> flaggedTables = [];
        private readonly StringBuilder html = new();
        private readonly StringWriter text;

        public Writer(IReadOnlyList<DocBlock> blocks)
        {
            this.blocks = blocks;
            text = new StringWriter(html, CultureInfo.InvariantCulture);
            foreach (var block in blocks)
            {
                byIndex.TryAdd(block.Index, block);
                if (block is DocTable { TableNumber: > 0 } table)
                {
                    tables.TryAdd(table.TableNumber, table);
                }
            }
        }

        public void Dispose() => text.Dispose();

        public List<FindingPlaces> Resolve(IReadOnlyList<FlaggedFinding> findings)
        {
            var places = new List<FindingPlaces>(findings.Count);
            foreach (var finding in findings)
            {
                var rank = Rank(finding.Severity);
                string? placeId = null;
                if (Locate(finding.Place) is { } key)
                {
                    placeId = key.Id;
                    var at = FlagsAt(key);
                    at.Findings.Add(finding.Id);
                    at.Rank = Math.Max(at.Rank, rank);
                    if (key.Kind == PlaceKind.Paragraph && SpanOf(key, finding.Place) is var (start, end))
                    {
                        at.Spans.Add(new Span(start, end, finding.Id, rank));
                    }
                }

                var related = new List<string>(finding.Related.Count);
                foreach (var place in finding.Related)
                {
                    if (Locate(place) is not { } relatedKey)
                    {
                        continue;
                    }

                    var id = relatedKey.Id;
                    if (id != placeId && !related.Contains(id))
                    {
                        related.Add(id);
                        FlagsAt(relatedKey).RelatedTo.Add(finding.Id);
                    }
                }

                places.Add(new FindingPlaces(finding.Id, placeId, related));
            }

            return places;
        }

        /// <summary>Resolves a location to the element that shows it; a grid position inside a merged cell is the cell.</summary>
        private PlaceKey? Locate(Place place)
        {
            if (place.Table is int number)
            {
                if (!tables.TryGetValue(number, out var table))
                {
                    return null;
                }

                if (place.Row is not int row)
                {
                    return new PlaceKey(PlaceKind.Table, number, 0, 0);
                }

                var r = row - 1;
                var c = (place.Column ?? 1) - 1;
                if (r < 0 || r >= table.Rows.Count || c < 0 || c >= table.ColumnCount)
                {
                    return null;
                }

                var origin = GridOf(table)[(r * table.ColumnCount) + c] - 1;
                return origin < 0
                    ? null
                    : new PlaceKey(PlaceKind.Cell, number, origin / table.ColumnCount, origin % table.ColumnCount);
            }

            if (place.Paragraph is int index && byIndex.TryGetValue(index, out var block))
            {
                return block is DocTable { TableNumber: > 0 } t
                    ? new PlaceKey(PlaceKind.Table, t.TableNumber, 0, 0)
                    : new PlaceKey(PlaceKind.Paragraph, index, 0, 0);
            }

            return null;
        }

        private (int Start, int End)? SpanOf(PlaceKey key, Place place)
        {
            if (place.Offset is not int offset || place.Length is not int length || length <= 0 || offset < 0
                || byIndex[key.Number] is not DocParagraph paragraph || offset + length > paragraph.Text.Length)
            {
                return null;
            }

            return (offset, offset + length);
        }

        private Flags FlagsAt(PlaceKey key)
        {
            if (!flags.TryGetValue(key, out var at))
            {
                at = new Flags();
                flags.Add(key, at);
                if (key.Kind != PlaceKind.Paragraph)
                {
                    flaggedTables.Add(key.Number);
                }
            }

            return at;
        }

        /// <summary>For each grid position, 1 + the packed position (row × columns + column) of the cell that covers
        /// it; 0 for a hole. Built only for tables a finding points into.</summary>
        private int[] GridOf(DocTable table)
        {
            if (grids.TryGetValue(table.TableNumber, out var grid))
            {
                return grid;
            }

            var columns = table.ColumnCount;
            grid = new int[table.Rows.Count * columns];
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    if (cell.Row < 0 || cell.Row >= table.Rows.Count || cell.Column < 0 || cell.Column >= columns)
                    {
                        continue;
                    }

                    var packed = (cell.Row * columns) + cell.Column + 1;
                    var lastRow = Math.Min(table.Rows.Count, cell.Row + Math.Max(1, cell.RowSpan));
                    var lastColumn = Math.Min(columns, cell.Column + Math.Max(1, cell.ColSpan));
                    for (var r = cell.Row; r < lastRow; r++)
                    {
                        for (var c = cell.Column; c < lastColumn; c++)
                        {
                            grid[(r * columns) + c] = packed;
                        }
                    }
                }
            }

            grids.Add(table.TableNumber, grid);
            return grid;
        }

        public string Write()
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case DocParagraph paragraph:
                        WriteParagraph(paragraph);
                        break;
                    case DocTable table:
                        WriteTable(table, nested: false);
                        break;
                }
            }

            return html.ToString();
        }

        private void WriteParagraph(DocParagraph paragraph)
        {
            var level = HeadingLevel(paragraph);
            var tag = level is int l ? "h" + Math.Min(6, l + 1).ToString(CultureInfo.InvariantCulture) : "p";
            html.Append('<').Append(tag).Append(" id=\"p").Append(paragraph.Index).Append('"');
            flags.TryGetValue(new PlaceKey(PlaceKind.Paragraph, paragraph.Index, 0, 0), out var at);
            WriteFlagAttributes(at);
            html.Append('>');
            if (!string.IsNullOrEmpty(paragraph.ListLabel))
            {
                html.Append("<span class=\"list-label\">");
                WriteText(paragraph.ListLabel, 0, paragraph.ListLabel.Length);
                html.Append("</span>");
            }

            if (at is { Spans.Count: > 0 })
            {
                WriteMarkedText(paragraph.Text, at.Spans);
            }
            else
            {
                WriteText(paragraph.Text, 0, paragraph.Text.Length);
            }

            html.Append("</").Append(tag).Append(">\n");
        }

        /// <summary>Cuts the text at every span boundary; each piece under one or more spans is one mark naming them.</summary>
        private void WriteMarkedText(string value, List<Span> spans)
        {
            var cuts = new SortedSet<int> { 0, value.Length };
            foreach (var span in spans)
            {
                cuts.Add(span.Start);
                cuts.Add(span.End);
            }

            var start = -1;
            foreach (var cut in cuts)
            {
                if (start >= 0 && cut > start)
                {
                    var rank = 0;
                    var ids = new List<long>();
                    foreach (var span in spans)
                    {
                        if (span.Start <= start && span.End >= cut)
                        {
                            rank = Math.Max(rank, span.Rank);
                            if (!ids.Contains(span.FindingId))
                            {
                                ids.Add(span.FindingId);
                            }
                        }
                    }

                    if (ids.Count == 0)
                    {
                        WriteText(value, start, cut - start);
                    }
                    else
                    {
                        html.Append("<mark class=\"").Append(SeverityName(rank)).Append('"');
                        WriteIds(" data-findings=\"", ids);
                        html.Append('>');
                        WriteText(value, start, cut - start);
                        html.Append("</mark>");
                    }
                }

                start = cut;
            }
        }

        private void WriteTable(DocTable table, bool nested)
        {
            html.Append("<table");
            var flagged = !nested && flaggedTables.Contains(table.TableNumber);
            if (nested)
            {
                html.Append(" class=\"nested\"");
            }
            else
            {
                html.Append(" id=\"t").Append(table.TableNumber).Append("\" data-block=\"").Append(table.Index).Append('"');
                if (flagged)
                {
                    flags.TryGetValue(new PlaceKey(PlaceKind.Table, table.TableNumber, 0, 0), out var at);
                    WriteFlagAttributes(at);
                }
            }

            html.Append("><tbody>\n");
            var columns = Math.Max(0, table.ColumnCount);
            var rowCount = table.Rows.Count;

            // coveredUntil[c]: the first row index no longer covered by a cell spanning down from an earlier row.
            var coveredUntil = new int[columns];
            for (var r = 0; r < rowCount; r++)
            {
                var row = table.Rows[r];
                var cellTag = row.IsHeader ? "th" : "td";
                html.Append("<tr>");
                var c = 0;
                foreach (var cell in row.Cells)
                {
                    c = WriteHoles(coveredUntil, r, c, Math.Min(cell.Column, columns));
                    var rowSpan = Math.Clamp(cell.RowSpan, 1, Math.Max(1, rowCount - r));
                    var colSpan = Math.Clamp(cell.ColSpan, 1, Math.Max(1, columns - cell.Column));
                    html.Append('<').Append(cellTag);
                    if (!nested)
                    {
                        html.Append(" id=\"t").Append(table.TableNumber).Append("-r").Append(cell.Row + 1).Append("-c").Append(cell.Column + 1).Append('"');
                    }

                    if (rowSpan > 1)
                    {
                        html.Append(" rowspan=\"").Append(rowSpan).Append('"');
                    }

                    if (colSpan > 1)
                    {
                        html.Append(" colspan=\"").Append(colSpan).Append('"');
                    }

                    if (flagged && flags.TryGetValue(new PlaceKey(PlaceKind.Cell, table.TableNumber, cell.Row, cell.Column), out var at))
                    {
                        WriteFlagAttributes(at);
                    }

                    html.Append('>');
                    WriteText(cell.Text, 0, cell.Text.Length);
                    if (cell.NestedTables is { Count: > 0 } inner)
                    {
                        foreach (var nestedTable in inner)
                        {
                            WriteTable(nestedTable, nested: true);
                        }
                    }

                    html.Append("</").Append(cellTag).Append('>');
                    var end = Math.Min(columns, cell.Column + colSpan);
                    for (var k = Math.Max(0, cell.Column); k < end; k++)
                    {
                        coveredUntil[k] = r + rowSpan;
                    }

                    c = Math.Max(c, end);
                }

                WriteHoles(coveredUntil, r, c, columns);
                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        /// <summary>Fills grid positions no cell covers with empty cells, so the cells after a hole stay in their
        /// columns (a browser would otherwise shift them left). Returns <paramref name="to"/>.</summary>
        private int WriteHoles(int[] coveredUntil, int row, int from, int to)
        {
            for (var c = from; c < to; c++)
            {
                if (coveredUntil[c] <= row)
                {
                    html.Append("<td class=\"hole\"></td>");
                }
            }

            return Math.Max(from, to);
        }

        private void WriteFlagAttributes(Flags? at)
        {
            if (at is null)
            {
                return;
            }

            var classes = at.Findings.Count > 0
                ? at.RelatedTo.Count > 0 ? "flagged " + SeverityName(at.Rank) + " related" : "flagged " + SeverityName(at.Rank)
                : "related";
            html.Append(" class=\"").Append(classes).Append('"');
            if (at.Findings.Count > 0)
            {
                WriteIds(" data-findings=\"", at.Findings);
            }

            if (at.RelatedTo.Count > 0)
            {
                WriteIds(" data-related=\"", at.RelatedTo);
            }
        }

        private void WriteIds(string attribute, List<long> ids)
        {
            html.Append(attribute);
            for (var i = 0; i < ids.Count; i++)
            {
                if (i > 0)
                {
                    html.Append(' ');
                }

                html.Append(ids[i]);
            }

            html.Append('"');
        }

        /// <summary>Writes text HTML-encoded, each '\n' as &lt;br&gt;.</summary>
        private void WriteText(string value, int start, int count)
        {
            var end = start + count;
            while (start < end)
            {
                var newline = value.IndexOf('\n', start, end - start);
                var stop = newline < 0 ? end : newline;
                if (stop > start)
                {
                    Encoder.Encode(text, value, start, stop - start);
                }

                if (newline < 0)
                {
                    break;
                }

                html.Append("<br>");
                start = newline + 1;
            }
        }

        private static int? HeadingLevel(DocParagraph paragraph)
        {
            if (paragraph.OutlineLevel is int level and > 0)
            {
                return level;
            }

            var style = paragraph.Style;
            if (string.IsNullOrEmpty(style))
            {
                return null;
            }

            if (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style == "标题")
            {
                return 1;
            }

            // "Heading2", "heading 2", "标题 2"
            var digits = style.AsSpan().TrimEnd();
            var i = digits.Length;
            while (i > 0 && char.IsAsciiDigit(digits[i - 1]))
            {
                i--;
            }

            var name = digits[..i].TrimEnd();
            return i < digits.Length && (name.Equals("heading", StringComparison.OrdinalIgnoreCase) || name.SequenceEqual("标题"))
                && int.TryParse(digits[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : null;
        }
    }
}
