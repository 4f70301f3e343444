namespace PerfEval.Core.Documents;

/// <summary>
/// Joins a table that was continued as a separate table (typically after a page break, with its header rows
/// repeated) back into one. Works on any <see cref="DocumentModel"/>, whatever format it was read from.
/// </summary>
/// <remarks>
/// A table is a continuation of the table just before it (only blank paragraphs in between) when both have the same
/// column count and the later one starts with the same header block: the earlier table's rows marked as header
/// (w:tblHeader, &lt;thead&gt;), or — when none are marked — its first row, extended over any vertically merged
/// cells. The cells of that block must match in position, span and text (whitespace ignored), and at least one
/// must have text. The repeated header (and any further leading rows identical to the first table's, i.e. a repeated
/// multi-row header) is dropped and the remaining rows are appended.
/// Two unrelated tables that merely sit next to each other keep different headers and are left alone.
/// </remarks>
public static class TableStitcher
{
    public static DocumentModel Stitch(DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!HasAdjacentTables(model.Blocks))
        {
            return model;
        }

        var output = new List<Block>(model.Blocks.Count);
        var pendingBlank = new List<Block>();
        Accumulator? current = null;
        var stitched = false;

        foreach (var block in model.Blocks)
        {
            if (block is TableBlock table)
            {
                if (current is not null && current.TryAppend(table))
                {
                    pendingBlank.Clear();
                    stitched = true;
                    continue;
                }

                Flush(output, ref current, pendingBlank);
                current = new Accumulator(table);
            }
            else if (current is not null && block is ParagraphBlock p && IsBlank(p.DisplayText))
            {
                pendingBlank.Add(block);
            }
            else
            {
                Flush(output, ref current, pendingBlank);
                output.Add(block);
            }
        }

        Flush(output, ref current, pendingBlank);
        if (!stitched)
        {
            return model;
        }

        var result = new DocumentModel(model.Format, Renumber(output));
        foreach (var warning in model.Warnings)
        {
            result.Warnings.Add(warning);
        }

        return result;
    }

    private static bool HasAdjacentTables(IReadOnlyList<Block> blocks)
    {
        var previousWasTable = false;
        foreach (var block in blocks)
        {
            if (block is TableBlock)
            {
                if (previousWasTable)
                {
                    return true;
                }

                previousWasTable = true;
            }
            else if (block is not ParagraphBlock p || !IsBlank(p.DisplayText))
            {
                previousWasTable = false;
            }
        }

        return false;
    }

    private static void Flush(List<Block> output, ref Accumulator? current, List<Block> pendingBlank)
    {
        if (current is not null)
        {
            output.Add(current.Build());
            current = null;
        }

        output.AddRange(pendingBlank);
        pendingBlank.Clear();
    }

    /// <summary>Gives every block its position as index and numbers the top-level tables 1..n.</summary>
    private static List<Block> Renumber(List<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        var tableNumber = 0;
        foreach (var block in blocks)
        {
            var index = result.Count;
            result.Add(block switch
            {
                TableBlock t => new TableBlock(index, ++tableNumber, t.Rows, t.ColumnCount, t.SourceTableCount),
                ParagraphBlock p when p.Index != index => new ParagraphBlock(index, p.Text, p.ListLabel, p.OutlineLevel, p.Style),
                _ => block,
            });
        }

        return result;
    }

    /// <summary>Number of leading rows forming the header block (0 when the table has none usable).</summary>
    private static int HeaderRowCount(TableBlock table)
    {
        var rows = table.Rows;
        if (rows.Count == 0)
        {
            return 0;
        }

        var count = 0;
        while (count < rows.Count && rows[count].IsHeader)
        {
            count++;
        }

        count = Math.Max(count, 1);

        // A vertically merged header cell pulls the rows it covers into the header block.
        for (var r = 0; r < count && r < rows.Count; r++)
        {
            foreach (var cell in rows[r].Cells)
            {
                count = Math.Max(count, Math.Min(rows.Count, cell.Row + cell.RowSpan));
            }
        }

        return count;
    }

    private static bool SameHeader(TableBlock first, TableBlock second, int headerRows)
    {
        var hasText = false;
        for (var r = 0; r < headerRows; r++)
        {
            var a = first.Rows[r].Cells;
            var b = second.Rows[r].Cells;
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (a[i].Column != b[i].Column || a[i].ColSpan != b[i].ColSpan || a[i].RowSpan != b[i].RowSpan
                    || !SameText(a[i].Text, b[i].Text))
                {
                    return false;
                }

                hasText |= !IsBlank(a[i].Text);
            }
        }

        return hasText;
    }

    private static bool SameRow(TableRow a, TableRow b)
    {
        if (a.Cells.Count != b.Cells.Count)
        {
            return false;
        }

        var hasText = false;
        for (var i = 0; i < a.Cells.Count; i++)
        {
            var x = a.Cells[i];
            var y = b.Cells[i];
            if (x.Column != y.Column || x.ColSpan != y.ColSpan || x.RowSpan != 1 || y.RowSpan != 1 || !SameText(x.Text, y.Text))
            {
                return false;
            }

            hasText |= !IsBlank(x.Text);
        }

        return hasText;
    }

    private static bool SameText(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }

            while (j < b.Length && char.IsWhiteSpace(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i] != b[j])
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A table being grown by its continuations.</summary>
    private sealed class Accumulator
    {
        private readonly TableBlock _first;
        private readonly int _headerRows;
        private List<TableRow>? _rows;
        private int _sources;

        public Accumulator(TableBlock first)
        {
            _first = first;
            _headerRows = HeaderRowCount(first);
            _sources = first.SourceTableCount;
        }

        public bool TryAppend(TableBlock next)
        {
            if (_headerRows == 0 || next.ColumnCount != _first.ColumnCount || next.Rows.Count <= _headerRows
                || !SameHeader(_first, next, _headerRows))
            {
                return false;
            }

            // Further leading rows identical to the first table's are a repeated multi-row header too.
            var repeated = _headerRows;
            while (repeated < _first.Rows.Count && repeated < next.Rows.Count - 1 && SameRow(_first.Rows[repeated], next.Rows[repeated]))
            {
                repeated++;
            }

            _rows ??= [.. _first.Rows];
            var offset = _rows.Count - repeated;
            for (var r = repeated; r < next.Rows.Count; r++)
            {
                var row = next.Rows[r];
                var cells = new TableCell[row.Cells.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    var c = row.Cells[i];
                    cells[i] = new TableCell(c.Row + offset, c.Column, c.Text, c.RowSpan, c.ColSpan, c.NestedTables);
                }

                _rows.Add(new TableRow(row.Index + offset, cells, row.IsHeader));
            }

            _sources += next.SourceTableCount;
            return true;
        }

        public TableBlock Build() => _rows is null
            ? _first
            : new TableBlock(_first.Index, _first.TableNumber, _rows, _first.ColumnCount, _sources);
    }
}
