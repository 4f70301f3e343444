using PerfEval.Core.Documents;
using PerfEval.Core.Text;

namespace PerfEval.Core.Forms;

/// <summary>A cell placed on semantic grid columns: <see cref="Start"/>..<see cref="Start"/>+<see cref="Span"/>-1.</summary>
internal readonly record struct PlacedCell(TableCell Cell, int Start, int Span)
{
    public bool Covers(int column) => column >= Start && column < Start + Span;
}

/// <summary>
/// Reading helpers shared by the form recognisers. They place a row's cells on the grid the same way whether the
/// reader knew the spans (.docx, .html) or lost them (.txt export, where a merged cell is written once):
/// a row that covers the full width is taken as it is; a ragged row keeps its leading cells from the left and its
/// trailing cells (the value columns) from the right, and the last leading cell stretches over the gap — which is
/// how a horizontally merged cell looks when its span is lost.
/// </summary>
internal static class TableView
{
    public static string Key(string text) => TextNormalizer.Key(text);

    /// <summary>True when the row's cells reach the table's last column (spans known).</summary>
    public static bool IsFullWidth(TableBlock table, TableRow row)
    {
        if (row.Cells.Count == 0)
        {
            return false;
        }

        var last = row.Cells[^1];
        return last.Column + last.ColSpan >= table.ColumnCount;
    }

    /// <summary>Places the row's own cells; <paramref name="tailCount"/> trailing cells are right-aligned when the row is ragged.</summary>
    public static IReadOnlyList<PlacedCell> Place(TableBlock table, TableRow row, int tailCount)
    {
        var cells = row.Cells;
        var placed = new List<PlacedCell>(cells.Count);
        if (cells.Count == 0)
        {
            return placed;
        }

        if (IsFullWidth(table, row))
        {
            foreach (var cell in cells)
            {
                placed.Add(new PlacedCell(cell, cell.Column, cell.ColSpan));
            }

            return placed;
        }

        var width = table.ColumnCount;
        var start = cells[0].Column;
        tailCount = Math.Clamp(tailCount, 0, cells.Count);
        var headCount = cells.Count - tailCount;
        var tailStart = width - tailCount;
        if (start + headCount > tailStart)
        {
            // Not enough room: keep the cells as they are.
            foreach (var cell in cells)
            {
                placed.Add(new PlacedCell(cell, cell.Column, cell.ColSpan));
            }

            return placed;
        }

        for (var i = 0; i < headCount; i++)
        {
            var span = i == headCount - 1 ? tailStart - (start + i) : 1;
            placed.Add(new PlacedCell(cells[i], start + i, Math.Max(1, span)));
        }

        for (var i = 0; i < tailCount; i++)
        {
            placed.Add(new PlacedCell(cells[headCount + i], tailStart + i, 1));
        }

        return placed;
    }

    /// <summary>
    /// The text at a semantic column of a placed row; a column left of the row's own cells is covered by a
    /// vertically merged cell from above and read from the grid.
    /// </summary>
    public static TableCell? CellAt(TableBlock table, int row, IReadOnlyList<PlacedCell> placed, int column)
    {
        if (column < 0)
        {
            return null;
        }

        // Index loops in these helpers: foreach over an IReadOnlyList allocates an enumerator, and they run per row.
        for (var i = 0; i < placed.Count; i++)
        {
            if (placed[i].Covers(column))
            {
                return placed[i].Cell;
            }
        }

        if (placed.Count > 0 && column < placed[0].Start)
        {
            return table.CellAt(row, column);
        }

        return null;
    }

    /// <summary>The header columns of a row by their text, keyed by the first matching role.</summary>
    public static int FindColumn(IReadOnlyList<PlacedCell> header, params string[] keys)
    {
        foreach (var key in keys)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i].Cell.Key.Contains(key, StringComparison.Ordinal))
                {
                    return header[i].Start;
                }
            }
        }

        return -1;
    }

    /// <summary>The row index of the first row that contains a cell whose key contains all <paramref name="keys"/> across the row.</summary>
    public static int FindRow(TableBlock table, int from, Func<TableRow, bool> predicate)
    {
        for (var r = Math.Max(0, from); r < table.Rows.Count; r++)
        {
            if (predicate(table.Rows[r]))
            {
                return r;
            }
        }

        return -1;
    }

    public static bool RowHas(TableRow row, string key)
    {
        var cells = row.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Key.Contains(key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The leading rows where a form's headers can be: recognising a form never needs to scan a long table.</summary>
    public static IEnumerable<TableRow> HeadRows(TableBlock table) => table.Rows.Take(80);

    /// <summary>The row's cells whose text is not empty, in order.</summary>
    public static IEnumerable<TableCell> NonEmpty(TableRow row) => row.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text));

    /// <summary>The row's first cell whose text is not empty, or null (<c>NonEmpty(row).FirstOrDefault()</c> without an iterator).</summary>
    public static TableCell? FirstNonEmpty(TableRow row)
    {
        var cells = row.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(cells[i].Text))
            {
                return cells[i];
            }
        }

        return null;
    }

    public static string Clean(string text) => TextNormalizer.Clean(text.Replace('\n', ' '));

    /// <summary>Joins a multi-line label into one ("年初\n预算数" → "年初预算数").</summary>
    /// <remarks>A one-line label needs no splitting: Clean trims it as the joined single piece would be trimmed.</remarks>
    public static string Label(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
            ? TextNormalizer.Clean(string.Concat(text.Split('\n').Select(s => s.Trim())))
            : TextNormalizer.Clean(text);

    /// <summary>A location for a cell at row/column (0-based grid positions).</summary>
    public static Location At(TableBlock table, TableCell cell) => Location.Cell(table.TableNumber, cell.Row, cell.Column, Clean(cell.Text));
}
