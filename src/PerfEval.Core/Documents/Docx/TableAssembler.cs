namespace PerfEval.Core.Documents.Docx;

/// <summary>How a cell takes part in a legacy vertical (w:vMerge) or horizontal (w:hMerge) merge.</summary>
internal enum MergeKind
{
    None,
    Restart,
    Continue,
}

/// <summary>
/// Builds the grid of one table row by row while the body is streamed: places cells after w:gridBefore, widens them
/// by w:gridSpan, folds w:vMerge continuation cells into the RowSpan of the cell above, and measures the grid width.
/// </summary>
internal sealed class TableAssembler
{
    /// <summary>Word allows 63 columns; anything far beyond is a broken or hostile file.</summary>
    public const int MaxColumns = 256;

    private readonly List<TableRow> _rows = [];
    private readonly List<TableCell> _cells = [];
    private TableCell?[] _above = new TableCell?[16];
    private TableCell?[] _current = new TableCell?[16];
    private int _aboveWidth;
    private int _column;
    private int _gridAfter;
    private bool _header;
    private bool _deleted;
    private TableCell? _lastCell;

    public IReadOnlyList<TableRow> Rows => _rows;

    /// <summary>Number of w:gridCol in w:tblGrid (0 when absent).</summary>
    public int GridColumns { get; set; }

    /// <summary>The widest row (gridBefore + spans + gridAfter).</summary>
    public int MaxRowWidth { get; private set; }

    /// <summary>The grid width: the rows' real width, or the declared grid when there are no rows.</summary>
    public int ColumnCount => MaxRowWidth > 0 ? MaxRowWidth : GridColumns;

    public void BeginRow()
    {
        _cells.Clear();
        _column = 0;
        _gridAfter = 0;
        _header = false;
        _deleted = false;
        _lastCell = null;
        Array.Clear(_current);
    }

    public void SetGridBefore(int count)
    {
        if (_cells.Count == 0 && _column == 0)
        {
            _column = Math.Clamp(count, 0, MaxColumns);
        }
    }

    public void SetGridAfter(int count) => _gridAfter = Math.Clamp(count, 0, MaxColumns);

    public void SetHeader(bool header) => _header = header;

    /// <summary>A row deleted with tracked changes (w:trPr/w:del) is left out, as in the accepted document.</summary>
    public void SetDeleted(bool deleted) => _deleted = deleted;

    public void AddCell(string text, int gridSpan, MergeKind vMerge, MergeKind hMerge, IReadOnlyList<TableBlock> nested)
    {
        if (_deleted)
        {
            return;
        }

        var span = Math.Max(gridSpan, 1);
        var column = _column;
        if ((long)column + span > MaxColumns)
        {
            throw TooWide();
        }

        EnsureCapacity(column + span);

        if (hMerge == MergeKind.Continue && _lastCell is { } left && left.Column + left.ColSpan == column && left.RowSpan == 1)
        {
            left.ColSpan += span;
            Cover(left, column, span);
            _column += span;
            return;
        }

        if (vMerge == MergeKind.Continue && column < _aboveWidth && _above[column] is { } above
            && above.Column == column && above.ColSpan == span && above.Row + above.RowSpan == _rows.Count)
        {
            above.RowSpan++;
            Cover(above, column, span);
            _column += span;
            _lastCell = null;
            return;
        }

        var cell = new TableCell(_rows.Count, column, text, 1, span, nested);
        _cells.Add(cell);
        Cover(cell, column, span);
        _lastCell = cell;
        _column += span;
    }

    public void EndRow()
    {
        if (_deleted)
        {
            return;
        }

        var width = _column + _gridAfter;
        if (width > MaxColumns)
        {
            throw TooWide();
        }

        MaxRowWidth = Math.Max(MaxRowWidth, width);
        _rows.Add(new TableRow(_rows.Count, _cells.ToArray(), _header));
        (_above, _current) = (_current, _above);
        _aboveWidth = _column;
    }

    private void Cover(TableCell cell, int column, int span)
    {
        for (var c = column; c < column + span; c++)
        {
            _current[c] = cell;
        }
    }

    private void EnsureCapacity(int width)
    {
        if (width <= _current.Length)
        {
            return;
        }

        var size = Math.Max(width, _current.Length * 2);
        Array.Resize(ref _current, size);
        Array.Resize(ref _above, size);
    }

    private static DocumentReadException TooWide() => new(
        ReadErrorCodes.Malformed,
        $"文件结构异常：某个表格超过 {MaxColumns} 列，无法读取。请用 Word/WPS 打开该文件，检查表格后“另存为”新的 .docx 文件再上传。");
}
