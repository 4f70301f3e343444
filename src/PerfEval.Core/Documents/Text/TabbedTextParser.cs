using System.Text;

namespace PerfEval.Core.Documents.Text;

/// <summary>
/// Turns the text of a report exported to plain text into paragraphs and tables.
/// </summary>
/// <remarks>
/// <para>The export writes a table cell by cell: every cell starts on a new line with a TAB ("\tText"); a following line
/// without a leading TAB is another paragraph of the same cell; exactly one blank line separates two rows; two or more
/// blank lines followed by a TAB line are empty paragraphs of the current cell, so the next cell is in the same row;
/// blank lines followed by a line without a TAB end the table.</para>
/// <para>A vertically merged cell is exported as an empty cell in the rows it continues into. The parser restores the
/// span for the leading run of empty cells of a row (a row with a non-empty cell after them) when each of them sits
/// directly below a non-empty cell of the same column: such cells are absorbed into the cell above (its
/// <see cref="TableCell.RowSpan"/> grows) and are not emitted. The first row and rows without any text are never
/// absorbed. Nor is a cell absorbed into a cell of a fully written row (no empty cell) other than that row's first cell:
/// such a row is a row of column headings, and headings do not continue into the data rows below them (Word writes
/// empty, separately merged cells there when a merged cell is split by a page break). Horizontal spans are not exported
/// at all, so rows may be ragged; the grid is as wide as the widest row.</para>
/// <para>Two or more blank lines followed by a TAB line end the table, instead, when the current row is already as wide as
/// the widest row before it: they are then an empty paragraph between two tables (a table continued after a page break,
/// which <see cref="TableStitcher"/> joins again).</para>
/// <para>A run of TAB lines is only a table when one of its rows has two or more cells and it does not read like prose
/// indented with TABs (no empty cell and most cells long sentences); otherwise its lines are paragraphs.</para>
/// <para>Prose outside tables is one paragraph per non-blank line, as written: only the end of the line is trimmed
/// (a trailing TAB or spaces), leading spaces stay as they do in the .docx. Cell paragraphs are trimmed at both ends,
/// since the export indents some of them with spaces that are not in the cell's text.</para>
/// </remarks>
internal sealed class TabbedTextParser
{
    /// <summary>Cells at least this long count as sentences when telling TAB-indented prose from a table.</summary>
    private const int ProseCellLength = 40;

    private readonly string _text;
    private readonly List<Block> _blocks = [];
    private int _tableCount;

    private TabbedTextParser(string text) => _text = text;

    public static IReadOnlyList<Block> Parse(string text)
    {
        var parser = new TabbedTextParser(text);
        parser.Run();
        return parser._blocks;
    }

    private void Run()
    {
        var lines = SplitLines(_text);
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (IsTabLine(line))
            {
                i = ReadTable(lines, i);
                continue;
            }

            // Prose keeps its text as written (a leading space is part of it, as in the .docx); only the line's end is trimmed.
            var content = Slice(line).TrimEnd();
            if (!content.Trim().IsEmpty)
            {
                AddParagraph(content);
            }

            i++;
        }
    }

    /// <summary>Reads a table candidate starting at a TAB line; returns the index of the first line after it.</summary>
    private int ReadTable(List<LineRange> lines, int start)
    {
        var rows = new List<List<CellDraft>>();
        var row = new List<CellDraft>();
        CellDraft? cell = null;
        var widest = 0;
        var i = start;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (IsTabLine(line))
            {
                cell = new CellDraft();
                cell.AddLine(Slice(line)[1..]);
                row.Add(cell);
                i++;
                continue;
            }

            var content = Slice(line);
            if (!IsBlankLine(line))
            {
                // A paragraph of the current cell (the first line of a table always is a TAB line, so a cell exists).
                cell!.AddLine(content);
                i++;
                continue;
            }

            var blanks = 0;
            while (i + blanks < lines.Count && IsBlankLine(lines[i + blanks]))
            {
                blanks++;
            }

            var next = i + blanks;
            if (next >= lines.Count || !IsTabLine(lines[next]))
            {
                // Blank lines followed by prose (or the end of the text) end the table; the blank lines are not content.
                i = next;
                break;
            }

            if (blanks == 1)
            {
                widest = Math.Max(widest, row.Count);
                rows.Add(row);
                row = [];
                cell = null;
            }
            else if (widest >= 2 && row.Count >= widest)
            {
                // The row is already as wide as the widest row: the blank lines are an empty paragraph (a page break)
                // between two tables, e.g. a table continued on the next page with its header row repeated.
                i = next;
                break;
            }
            else
            {
                for (var b = 0; b < blanks; b++)
                {
                    cell!.AddLine([]);
                }
            }

            i = next;
        }

        if (row.Count > 0)
        {
            rows.Add(row);
        }

        if (IsTable(rows))
        {
            _tableCount++;
            _blocks.Add(BuildTable(_blocks.Count, _tableCount, rows));
        }
        else
        {
            foreach (var paragraph in rows.SelectMany(r => r).SelectMany(c => c.Lines))
            {
                if (!string.IsNullOrEmpty(paragraph))
                {
                    AddParagraph(paragraph);
                }
            }
        }

        return i;
    }

    private static bool IsTable(List<List<CellDraft>> rows)
    {
        if (!rows.Exists(r => r.Count >= 2))
        {
            return false;
        }

        var cells = 0;
        var sentences = 0;
        foreach (var cell in rows.SelectMany(r => r))
        {
            var text = cell.Text;
            if (text.Length == 0)
            {
                // Prose indented with TABs has no empty "cells"; an exported table nearly always has some.
                return true;
            }

            cells++;
            if (text.Length >= ProseCellLength || text.EndsWith('。'))
            {
                sentences++;
            }
        }

        return sentences * 2 <= cells;
    }

    private static TableBlock BuildTable(int index, int tableNumber, List<List<CellDraft>> rows)
    {
        var columnCount = rows.Max(r => r.Count);
        var above = new CellDraft?[columnCount];
        var emitted = new List<List<CellDraft>>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var absorbed = 0;
            if (r > 0)
            {
                var leadingEmpty = 0;
                while (leadingEmpty < row.Count && row[leadingEmpty].Text.Length == 0)
                {
                    leadingEmpty++;
                }

                // Only a leading run followed by text (never a totally empty row) continues the cells above.
                if (leadingEmpty < row.Count)
                {
                    while (absorbed < leadingEmpty && above[absorbed] is { } upper && upper.Text.Length > 0 && (upper.Column == 0 || !upper.InFullRow))
                    {
                        upper.RowSpan++;
                        absorbed++;
                    }
                }
            }

            var fullRow = row.TrueForAll(c => c.Text.Length > 0);
            var kept = new List<CellDraft>(row.Count - absorbed);
            for (var c = absorbed; c < row.Count; c++)
            {
                var draft = row[c];
                draft.Row = r;
                draft.Column = c;
                draft.InFullRow = fullRow;
                kept.Add(draft);
                above[c] = draft;
            }

            for (var c = row.Count; c < columnCount; c++)
            {
                above[c] = null;
            }

            emitted.Add(kept);
        }

        var tableRows = new List<TableRow>(rows.Count);
        for (var r = 0; r < emitted.Count; r++)
        {
            var cells = emitted[r].ConvertAll(d => new TableCell(d.Row, d.Column, d.Text, d.RowSpan));
            tableRows.Add(new TableRow(r, cells));
        }

        return new TableBlock(index, tableNumber, tableRows, columnCount);
    }

    private void AddParagraph(ReadOnlySpan<char> text) => _blocks.Add(new ParagraphBlock(_blocks.Count, text.ToString()));

    private void AddParagraph(string text) => _blocks.Add(new ParagraphBlock(_blocks.Count, text));

    private ReadOnlySpan<char> Slice(LineRange line) => _text.AsSpan(line.Start, line.Length);

    private bool IsTabLine(LineRange line) => line.Length > 0 && _text[line.Start] == '\t';

    /// <summary>A line without text that does not start a cell (a lone TAB is an empty cell, not a blank line).</summary>
    private bool IsBlankLine(LineRange line) => !IsTabLine(line) && Slice(line).Trim().IsEmpty;

    /// <summary>Splits at "\r\n", "\r" and "\n" without copying the text.</summary>
    private static List<LineRange> SplitLines(string text)
    {
        var lines = new List<LineRange>();
        var start = 0;
        var span = text.AsSpan();
        while (start <= span.Length)
        {
            var rest = span[start..];
            var end = rest.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                if (rest.Length > 0)
                {
                    lines.Add(new LineRange(start, rest.Length));
                }

                break;
            }

            lines.Add(new LineRange(start, end));
            var terminator = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
            start += end + terminator;
        }

        return lines;
    }

    private readonly record struct LineRange(int Start, int Length);

    /// <summary>A cell being read: its paragraphs, and its place once the table is built.</summary>
    private sealed class CellDraft
    {
        private string? _text;

        public List<string> Lines { get; } = [];

        public int Row { get; set; }

        public int Column { get; set; }

        public int RowSpan { get; set; } = 1;

        /// <summary>True when every cell of the cell's row is written (no empty cell): typically a row of column headings.</summary>
        public bool InFullRow { get; set; }

        /// <summary>The paragraphs joined by '\n', without empty paragraphs at the start or the end.</summary>
        public string Text => _text ??= Join();

        public void AddLine(ReadOnlySpan<char> line)
        {
            Lines.Add(line.Trim().ToString());
            _text = null;
        }

        private string Join()
        {
            var first = Lines.FindIndex(l => l.Length > 0);
            if (first < 0)
            {
                return string.Empty;
            }

            var last = Lines.FindLastIndex(l => l.Length > 0);
            if (first == last)
            {
                return Lines[first];
            }

            var builder = new StringBuilder();
            for (var i = first; i <= last; i++)
            {
                if (i > first)
                {
                    builder.Append('\n');
                }

                builder.Append(Lines[i]);
            }

            return builder.ToString();
        }
    }
}
