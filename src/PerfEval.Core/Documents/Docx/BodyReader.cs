using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// Streams the main document part (w:document/w:body) into the format-neutral model in one forward pass:
/// paragraphs with their rendered list labels, tables on their grid, content controls, fields and tracked
/// changes resolved to what Word shows once all changes are accepted.
/// </summary>
internal sealed class BodyReader
{
    private const int MaxTableNesting = 32;

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly WordXml _x;
    private readonly WordNames _n;
    private readonly StyleSheet _styles;
    private readonly NumberingState _numbering;
    private readonly List<Block> _blocks = [];
    private readonly List<string> _warnings = [];

    // Paragraph states and cell sinks are reused: one of each per paragraph and cell would otherwise be allocated.
    // Pools rather than single instances, because text boxes and nested tables make the reads recursive.
    private readonly Stack<ParagraphState> _paragraphPool = new();
    private readonly Stack<CellSink> _cellPool = new();

    // Complex-field stack: true once the field reached its result (fldChar separate). Text shows only while every
    // open field above the floor is in its result. The floor isolates table cells and text boxes.
    private readonly List<bool> _fields = [];
    private int _fieldFloor;
    private int _fieldsInInstruction;

    private int _tableNumber;
    private int _tableNesting;
    private bool _altChunkWarned;

    private BodyReader(WordXml x, StyleSheet styles, NumberingDefinitions numbering)
    {
        _x = x;
        _n = x.Names;
        _styles = styles;
        _numbering = new NumberingState(numbering, styles);
    }

    private bool Emitting => _fieldsInInstruction == 0;

    /// <summary>Reads the main document part. Returns null when its root is not w:document.</summary>
    public static DocumentModel? Read(WordXml x, StyleSheet styles, NumberingDefinitions numbering)
    {
        var names = x.Names;
        if (!x.MoveToRoot(names.Document))
        {
            return null;
        }

        var reader = new BodyReader(x, styles, numbering);
        reader.ReadDocument();
        var model = new DocumentModel(SourceFormat.Docx, reader._blocks);
        foreach (var warning in reader._warnings)
        {
            model.Warnings.Add(warning);
        }

        return model;
    }

    private void ReadDocument()
    {
        var sink = new TopSink(this);
        if (_x.Enter())
        {
            while (_x.NextChild())
            {
                if (_x.Is(_n.Body))
                {
                    ReadBlockContainer(sink);
                }
                else
                {
                    _x.Skip();
                }
            }
        }

        sink.FlushCarry();
    }

    // ----- Block level: body, cell, content control, text box -----

    /// <summary>Consumes a container element whose children are block-level content.</summary>
    private void ReadBlockContainer(BlockSink sink)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            ReadBlockChild(sink);
        }
    }

    private void ReadBlockChild(BlockSink sink)
    {
        if (_x.IsWord)
        {
            var name = _x.LocalName;
            if (name == _n.P)
            {
                ReadParagraph(sink);
            }
            else if (name == _n.Tbl)
            {
                ReadTable(sink);
            }
            else if (name == _n.Sdt)
            {
                ReadContentControl(Level.Block, sink);
            }
            else if (name == _n.CustomXml || name == _n.Ins || name == _n.MoveTo || name == _n.SmartTag)
            {
                ReadBlockContainer(sink);
            }
            else if (name == _n.AltChunk)
            {
                WarnAltChunk();
                _x.Skip();
            }
            else
            {
                _x.Skip();
            }
        }
        else if (_x.IsMarkupCompatibility(_n.AlternateContent))
        {
            ReadAlternateContent(Level.Block, sink);
        }
        else
        {
            _x.Skip();
        }
    }

    private void WarnAltChunk()
    {
        if (_altChunkWarned)
        {
            return;
        }

        _altChunkWarned = true;
        _warnings.Add("文档中有以“外部内容块”（altChunk，常见于由网页或其他软件导入的 HTML/RTF 片段）方式嵌入的内容，其中的文字未被读取。请用 Word 打开该文件并“另存为”新的 .docx（Word 会将其转为正文）后再上传。");
    }

    // ----- Paragraphs -----

    private void ReadParagraph(BlockSink sink)
    {
        var state = _paragraphPool.TryPop(out var pooled) ? pooled : new ParagraphState();
        var text = state.Text;
        string? style = null;
        int? numId = null;
        int? ilvl = null;
        int? outline = null;
        var markDeleted = false;

        if (_x.Enter())
        {
            while (_x.NextChild())
            {
                if (_x.Is(_n.PPr))
                {
                    ReadParagraphProperties(ref style, ref numId, ref ilvl, ref outline, ref markDeleted);
                }
                else
                {
                    ReadInlineChild(state);
                }
            }
        }

        var content = Clean(text);

        if (markDeleted)
        {
            // The paragraph mark was deleted: once accepted, this text runs on into the next paragraph.
            (sink.Carry ??= new StringBuilder()).Append(content);
        }
        else
        {
            if (sink.Carry is { } carry)
            {
                content = carry.Append(content).ToString();
                sink.Carry = null;
            }

            string? label = null;
            var styleNumbering = _styles.Numbering(style);
            var effectiveNumId = numId ?? styleNumbering.NumId;
            if (effectiveNumId is { } id && id != 0)
            {
                label = _numbering.Next(id, ilvl ?? styleNumbering.Ilvl, style ?? _styles.DefaultParagraphStyle);
            }

            int? level = outline is { } o ? (o is >= 0 and <= 8 ? o + 1 : null) : _styles.OutlineLevel(style);
            sink.AddParagraph(content, label, level, style);
        }

        state.Deferred?.ReplayInto(sink);
        if (text.Capacity <= 64 * 1024)
        {
            state.Reset();
            _paragraphPool.Push(state);
        }
    }

    private void ReadParagraphProperties(ref string? style, ref int? numId, ref int? ilvl, ref int? outline, ref bool markDeleted)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.PStyle))
            {
                style = _x.ReadVal();
            }
            else if (_x.Is(_n.NumPr))
            {
                var (id, level) = StylesReader.ReadNumPr(_x, _n);
                numId = id ?? numId;
                ilvl = level ?? ilvl;
            }
            else if (_x.Is(_n.OutlineLvl))
            {
                outline = _x.ReadIntVal();
            }
            else if (_x.Is(_n.RPr))
            {
                markDeleted = ReadMarkIsDeleted();
            }
            else
            {
                _x.Skip();
            }
        }
    }

    /// <summary>Reads the paragraph mark's run properties: true when the mark is a tracked deletion or move-away.</summary>
    private bool ReadMarkIsDeleted()
    {
        var deleted = false;
        if (!_x.Enter())
        {
            return false;
        }

        while (_x.NextChild())
        {
            deleted |= _x.Is(_n.Del) || _x.Is(_n.MoveFrom);
            _x.Skip();
        }

        return deleted;
    }

    /// <summary>Consumes an element whose children are paragraph content (runs and their wrappers).</summary>
    private void ReadInlineContainer(ParagraphState state)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            ReadInlineChild(state);
        }
    }

    private void ReadInlineChild(ParagraphState state)
    {
        if (_x.IsWord)
        {
            var name = _x.LocalName;
            if (name == _n.R)
            {
                ReadRun(state);
            }
            else if (name == _n.Hyperlink || name == _n.Ins || name == _n.MoveTo || name == _n.SmartTag
                || name == _n.CustomXml || name == _n.FldSimple || name == _n.Dir || name == _n.Bdo)
            {
                ReadInlineContainer(state);
            }
            else if (name == _n.Sdt)
            {
                ReadContentControl(Level.Inline, state);
            }
            else if (name == _n.Ruby)
            {
                ReadRuby(state);
            }
            else
            {
                // w:del, w:moveFrom (tracked removals), bookmarks, comments, proofing marks, permissions...
                _x.Skip();
            }
        }
        else if (_x.IsMarkupCompatibility(_n.AlternateContent))
        {
            ReadAlternateContent(Level.Inline, state);
        }
        else
        {
            // Math (m:oMath) and foreign markup are not part of the text.
            _x.Skip();
        }
    }

    private void ReadRuby(ParagraphState state)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.RubyBase))
            {
                ReadInlineContainer(state);
            }
            else
            {
                _x.Skip();
            }
        }
    }

    // ----- Runs -----

    private void ReadRun(ParagraphState state)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            ReadRunChild(state);
        }
    }

    private void ReadRunChild(ParagraphState state)
    {
        if (!_x.IsWord)
        {
            if (_x.IsMarkupCompatibility(_n.AlternateContent))
            {
                ReadAlternateContent(Level.Run, state);
            }
            else
            {
                _x.Skip();
            }

            return;
        }

        var name = _x.LocalName;
        if (name == _n.T)
        {
            if (Emitting)
            {
                state.BeforeText();
                _x.ReadTextContent(state.Text);
            }
            else
            {
                _x.Skip();
            }
        }
        else if (name == _n.Tab || name == _n.PTab)
        {
            Append(state, '\t');
            _x.Skip();
        }
        else if (name == _n.Br)
        {
            var type = _x.Attribute(_n.Type);
            if (type is "page" or "column")
            {
                // A page break is not a line of the text; it separates what follows from what came before.
                state.PendingBreak |= Emitting;
            }
            else
            {
                Append(state, '\n');
            }

            _x.Skip();
        }
        else if (name == _n.Cr)
        {
            Append(state, '\n');
            _x.Skip();
        }
        else if (name == _n.NoBreakHyphen)
        {
            Append(state, '-');
            _x.Skip();
        }
        else if (name == _n.Sym)
        {
            if (Symbols.Map(_x.Attribute(_n.Font), _x.Attribute(_n.Char)) is { } symbol)
            {
                Append(state, symbol);
            }

            _x.Skip();
        }
        else if (name == _n.FldChar)
        {
            ReadFieldChar(state);
        }
        else if (name == _n.Drawing || name == _n.Pict || name == _n.Object)
        {
            if (Emitting)
            {
                ScanForTextBoxes(state);
            }
            else
            {
                _x.Skip();
            }
        }
        else
        {
            // w:rPr, w:instrText, w:delText, note and comment references, w:softHyphen, w:lastRenderedPageBreak...
            _x.Skip();
        }
    }

    private void Append(ParagraphState state, char c)
    {
        if (Emitting)
        {
            state.BeforeText();
            state.Text.Append(c);
        }
    }

    // ----- Fields -----

    private void ReadFieldChar(ParagraphState state)
    {
        var type = _x.Attribute(_n.FldCharType);
        if (type == "begin")
        {
            if (ReadCheckBoxState() is { } isChecked)
            {
                // A legacy form check box shows as a box, ticked or not; it has no result text.
                Append(state, isChecked ? '☒' : '☐');
            }

            _fields.Add(false);
            _fieldsInInstruction++;
            return;
        }

        _x.Skip();
        if (_fields.Count <= _fieldFloor)
        {
            return;
        }

        var top = _fields.Count - 1;
        if (type == "separate")
        {
            if (!_fields[top])
            {
                _fields[top] = true;
                _fieldsInInstruction--;
            }
        }
        else if (type == "end")
        {
            if (!_fields[top])
            {
                _fieldsInInstruction--;
            }

            _fields.RemoveAt(top);
        }
    }

    /// <summary>Consumes a fldChar; for a FORMCHECKBOX (w:ffData/w:checkBox) returns whether it is ticked.</summary>
    private bool? ReadCheckBoxState()
    {
        bool? result = null;
        if (!_x.Enter())
        {
            return null;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.FfData) && _x.Enter())
            {
                while (_x.NextChild())
                {
                    if (_x.Is(_n.CheckBox))
                    {
                        result = ReadCheckBox();
                    }
                    else
                    {
                        _x.Skip();
                    }
                }
            }
            else
            {
                _x.Skip();
            }
        }

        return result;
    }

    private bool ReadCheckBox()
    {
        bool? isDefault = null;
        bool? isChecked = null;
        if (_x.Enter())
        {
            while (_x.NextChild())
            {
                if (_x.Is(_n.Checked))
                {
                    isChecked = _x.ReadOnOffVal();
                }
                else if (_x.Is(_n.Default))
                {
                    isDefault = _x.ReadOnOffVal();
                }
                else
                {
                    _x.Skip();
                }
            }
        }

        return isChecked ?? isDefault ?? false;
    }

    /// <summary>Starts a fresh field scope (table cell, text box): fields never span such a boundary.</summary>
    private (int Floor, int InInstruction) EnterFieldScope()
    {
        var saved = (_fieldFloor, _fieldsInInstruction);
        _fieldFloor = _fields.Count;
        _fieldsInInstruction = 0;
        return saved;
    }

    private void ExitFieldScope((int Floor, int InInstruction) saved)
    {
        if (_fields.Count > _fieldFloor)
        {
            _fields.RemoveRange(_fieldFloor, _fields.Count - _fieldFloor);
        }

        (_fieldFloor, _fieldsInInstruction) = saved;
    }

    // ----- Text boxes inside drawings -----

    /// <summary>Consumes a drawing/VML object and reads the text boxes in it; their paragraphs follow the host paragraph.</summary>
    private void ScanForTextBoxes(ParagraphState state)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.TxbxContent))
            {
                state.Deferred ??= new DeferredSink(this);
                var saved = EnterFieldScope();
                ReadBlockContainer(state.Deferred);
                state.Deferred.FlushCarry();
                ExitFieldScope(saved);
            }
            else if (_x.IsMarkupCompatibility(_n.AlternateContent))
            {
                ReadAlternateContent(Level.Drawing, state);
            }
            else
            {
                ScanForTextBoxes(state);
            }
        }
    }

    // ----- Content controls and markup compatibility -----

    private enum Level
    {
        Block,
        Rows,
        Cells,
        Inline,
        Run,
        Drawing,
    }

    /// <summary>Consumes a w:sdt and reads its w:sdtContent at the given level.</summary>
    private void ReadContentControl(Level level, object context)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.SdtContent))
            {
                ReadContainer(level, context);
            }
            else
            {
                _x.Skip();
            }
        }
    }

    /// <summary>Consumes mc:AlternateContent, reading the first mc:Choice (or the mc:Fallback when there is none).</summary>
    private void ReadAlternateContent(Level level, object context)
    {
        if (!_x.Enter())
        {
            return;
        }

        var taken = false;
        while (_x.NextChild())
        {
            if (!taken && (_x.IsMarkupCompatibility(_n.Choice) || _x.IsMarkupCompatibility(_n.Fallback)))
            {
                taken = true;
                ReadContainer(level, context);
            }
            else
            {
                _x.Skip();
            }
        }
    }

    private void ReadContainer(Level level, object context)
    {
        switch (level)
        {
            case Level.Block:
                ReadBlockContainer((BlockSink)context);
                break;
            case Level.Rows:
                ReadTableContainer((TableAssembler)context);
                break;
            case Level.Cells:
                ReadRowContainer((TableAssembler)context);
                break;
            case Level.Inline:
                ReadInlineContainer((ParagraphState)context);
                break;
            case Level.Run:
                ReadRun((ParagraphState)context);
                break;
            default:
                ScanForTextBoxes((ParagraphState)context);
                break;
        }
    }

    // ----- Tables -----

    private void ReadTable(BlockSink sink)
    {
        sink.FlushCarry();
        if (++_tableNesting > MaxTableNesting)
        {
            throw WordXml.TooDeep();
        }

        var table = new TableAssembler();
        ReadTableContainer(table);
        _tableNesting--;
        if (table.Rows.Count > 0)
        {
            sink.AddTable(table.Rows, table.ColumnCount);
        }
    }

    /// <summary>Consumes w:tbl (or a wrapper of rows) and reads its grid and rows.</summary>
    private void ReadTableContainer(TableAssembler table)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.IsWord)
            {
                var name = _x.LocalName;
                if (name == _n.Tr)
                {
                    ReadRow(table);
                }
                else if (name == _n.TblGrid)
                {
                    table.GridColumns = CountGridColumns();
                }
                else if (name == _n.Sdt)
                {
                    ReadContentControl(Level.Rows, table);
                }
                else if (name == _n.CustomXml || name == _n.Ins || name == _n.MoveTo)
                {
                    ReadTableContainer(table);
                }
                else
                {
                    _x.Skip();
                }
            }
            else if (_x.IsMarkupCompatibility(_n.AlternateContent))
            {
                ReadAlternateContent(Level.Rows, table);
            }
            else
            {
                _x.Skip();
            }
        }
    }

    private int CountGridColumns()
    {
        var count = 0;
        if (!_x.Enter())
        {
            return 0;
        }

        while (_x.NextChild())
        {
            count += _x.Is(_n.GridCol) ? 1 : 0;
            _x.Skip();
        }

        return count;
    }

    private void ReadRow(TableAssembler table)
    {
        table.BeginRow();
        ReadRowContainer(table);
        table.EndRow();
    }

    /// <summary>Consumes w:tr (or a wrapper of cells) and reads its properties and cells.</summary>
    private void ReadRowContainer(TableAssembler table)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.IsWord)
            {
                var name = _x.LocalName;
                if (name == _n.Tc)
                {
                    ReadCell(table);
                }
                else if (name == _n.TrPr)
                {
                    ReadRowProperties(table);
                }
                else if (name == _n.Sdt)
                {
                    ReadContentControl(Level.Cells, table);
                }
                else if (name == _n.CustomXml)
                {
                    ReadRowContainer(table);
                }
                else
                {
                    _x.Skip();
                }
            }
            else if (_x.IsMarkupCompatibility(_n.AlternateContent))
            {
                ReadAlternateContent(Level.Cells, table);
            }
            else
            {
                _x.Skip();
            }
        }
    }

    private void ReadRowProperties(TableAssembler table)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.GridBefore))
            {
                table.SetGridBefore(_x.ReadIntVal() ?? 0);
            }
            else if (_x.Is(_n.GridAfter))
            {
                table.SetGridAfter(_x.ReadIntVal() ?? 0);
            }
            else if (_x.Is(_n.TblHeader))
            {
                table.SetHeader(_x.ReadOnOffVal());
            }
            else if (_x.Is(_n.Del))
            {
                table.SetDeleted(true);
                _x.Skip();
            }
            else
            {
                _x.Skip();
            }
        }
    }

    private void ReadCell(TableAssembler table)
    {
        var gridSpan = 1;
        var vMerge = MergeKind.None;
        var hMerge = MergeKind.None;
        var sink = _cellPool.TryPop(out var pooled) ? pooled : new CellSink(this);
        var saved = EnterFieldScope();
        if (_x.Enter())
        {
            while (_x.NextChild())
            {
                if (_x.Is(_n.TcPr))
                {
                    ReadCellProperties(ref gridSpan, ref vMerge, ref hMerge);
                }
                else
                {
                    ReadBlockChild(sink);
                }
            }
        }

        sink.FlushCarry();
        ExitFieldScope(saved);
        table.AddCell(sink.BuildText(), gridSpan, vMerge, hMerge, sink.Nested);
        sink.Reset();
        _cellPool.Push(sink);
    }

    private void ReadCellProperties(ref int gridSpan, ref MergeKind vMerge, ref MergeKind hMerge)
    {
        if (!_x.Enter())
        {
            return;
        }

        while (_x.NextChild())
        {
            if (_x.Is(_n.GridSpan))
            {
                gridSpan = _x.ReadIntVal() ?? 1;
            }
            else if (_x.Is(_n.VMerge))
            {
                vMerge = _x.ReadVal() == "restart" ? MergeKind.Restart : MergeKind.Continue;
            }
            else if (_x.Is(_n.HMerge))
            {
                hMerge = _x.ReadVal() == "restart" ? MergeKind.Restart : MergeKind.Continue;
            }
            else
            {
                _x.Skip();
            }
        }
    }

    // ----- Helpers -----

    /// <summary>The paragraph text without control characters that a producer may have let through.</summary>
    private static string Clean(StringBuilder sb)
    {
        var text = sb.ToString();
        if (text.AsSpan().IndexOfAny(ControlChars) < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\r')
            {
                clean.Append('\n');
            }
            else if (!ControlChars.Contains(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
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

    private sealed class ParagraphState
    {
        public StringBuilder Text { get; } = new(256);

        /// <summary>A page or column break seen; becomes a line break only if more text follows.</summary>
        public bool PendingBreak { get; set; }

        /// <summary>Blocks of text boxes anchored in this paragraph, emitted after it.</summary>
        public DeferredSink? Deferred { get; set; }

        /// <summary>Empties the state for the next paragraph.</summary>
        public void Reset()
        {
            Text.Clear();
            PendingBreak = false;
            Deferred = null;
        }

        public void BeforeText()
        {
            if (PendingBreak)
            {
                PendingBreak = false;
                if (Text.Length > 0)
                {
                    Text.Append('\n');
                }
            }
        }
    }

    /// <summary>Where the paragraphs and tables of one container go.</summary>
    private abstract class BlockSink
    {
        protected BlockSink(BodyReader owner) => Owner = owner;

        /// <summary>Text of preceding paragraphs whose paragraph mark is a tracked deletion.</summary>
        public StringBuilder? Carry { get; set; }

        protected BodyReader Owner { get; }

        public abstract void AddParagraph(string text, string? label, int? outlineLevel, string? style);

        public abstract void AddTable(IReadOnlyList<TableRow> rows, int columnCount);

        public void FlushCarry()
        {
            if (Carry is { } carry)
            {
                Carry = null;
                AddParagraph(carry.ToString(), null, null, null);
            }
        }
    }

    /// <summary>The document body: emits top-level blocks, skipping blank paragraphs and numbering tables 1..n.</summary>
    private sealed class TopSink(BodyReader owner) : BlockSink(owner)
    {
        public override void AddParagraph(string text, string? label, int? outlineLevel, string? style)
        {
            if (label is null && IsBlank(text))
            {
                return;
            }

            Owner._blocks.Add(new ParagraphBlock(Owner._blocks.Count, text, label, outlineLevel, style));
        }

        public override void AddTable(IReadOnlyList<TableRow> rows, int columnCount) =>
            Owner._blocks.Add(new TableBlock(Owner._blocks.Count, ++Owner._tableNumber, rows, columnCount));
    }

    /// <summary>A table cell: its paragraphs become lines of the cell text, its tables become nested tables.</summary>
    private sealed class CellSink(BodyReader owner) : BlockSink(owner)
    {
        private string? _single;
        private List<string>? _lines;
        private List<TableBlock>? _nested;

        public IReadOnlyList<TableBlock> Nested => (IReadOnlyList<TableBlock>?)_nested ?? [];

        /// <summary>Empties the sink for the next cell (the lists handed out with the last cell stay with it).</summary>
        public void Reset()
        {
            _single = null;
            _lines = null;
            _nested = null;
            Carry = null;
        }

        public override void AddParagraph(string text, string? label, int? outlineLevel, string? style)
        {
            var line = label is null ? text : label + text;
            if (_lines is not null)
            {
                _lines.Add(line);
            }
            else if (_single is null)
            {
                _single = line;
            }
            else
            {
                _lines = [_single, line];
            }
        }

        public override void AddTable(IReadOnlyList<TableRow> rows, int columnCount)
        {
            _nested ??= [];
            _nested.Add(new TableBlock(_nested.Count, 0, rows, columnCount));
        }

        /// <summary>The paragraphs joined by '\n', without blank paragraphs at the start and end.</summary>
        public string BuildText()
        {
            if (_lines is null)
            {
                return _single is null || IsBlank(_single) ? string.Empty : _single;
            }

            var first = 0;
            var last = _lines.Count - 1;
            while (first <= last && IsBlank(_lines[first]))
            {
                first++;
            }

            while (last >= first && IsBlank(_lines[last]))
            {
                last--;
            }

            return first > last ? string.Empty : string.Join('\n', CollectionsMarshal.AsSpan(_lines).Slice(first, last - first + 1));
        }
    }

    /// <summary>Blocks of a text box, held until the anchoring paragraph has been emitted.</summary>
    private sealed class DeferredSink(BodyReader owner) : BlockSink(owner)
    {
        private readonly List<object> _items = [];

        public override void AddParagraph(string text, string? label, int? outlineLevel, string? style) =>
            _items.Add(new DeferredParagraph(text, label, outlineLevel, style));

        public override void AddTable(IReadOnlyList<TableRow> rows, int columnCount) =>
            _items.Add(new DeferredTable(rows, columnCount));

        public void ReplayInto(BlockSink target)
        {
            foreach (var item in _items)
            {
                if (item is DeferredParagraph p)
                {
                    target.AddParagraph(p.Text, p.Label, p.OutlineLevel, p.Style);
                }
                else if (item is DeferredTable t)
                {
                    target.AddTable(t.Rows, t.ColumnCount);
                }
            }
        }

        private sealed record DeferredParagraph(string Text, string? Label, int? OutlineLevel, string? Style);

        private sealed record DeferredTable(IReadOnlyList<TableRow> Rows, int ColumnCount);
    }
}
