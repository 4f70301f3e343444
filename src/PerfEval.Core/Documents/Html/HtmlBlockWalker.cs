using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace PerfEval.Core.Documents.Html;

/// <summary>
/// Walks a parsed HTML body in document order and turns it into paragraphs and tables: block elements
/// (&lt;p&gt;, &lt;div&gt;, &lt;h1&gt;-&lt;h6&gt;, &lt;li&gt; …) end paragraphs, &lt;br&gt; is a line break, tables are
/// placed on a grid following the HTML table model. Script, style and hidden content is dropped; text is text
/// (markup written as escaped text stays literal). Word's "save as web page" list labels
/// (&lt;span style='mso-list:Ignore'&gt;一、&lt;/span&gt;) become <see cref="ParagraphBlock.ListLabel"/>.
/// </summary>
internal sealed class HtmlBlockWalker
{
    /// <summary>Deeper element nesting is read as plain text (the parser is capped deeper still), so walking never overflows the stack.</summary>
    internal const int MaxDepth = 200;

    /// <summary>The HTML standard's caps on colspan and rowspan.</summary>
    private const int MaxColSpan = 1000;

    private const int MaxRowSpan = 65534;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "object", "embed", "iframe",
        "frame", "frameset", "svg", "math", "select", "button", "input", "textarea", "canvas", "audio", "video", "xml", "img",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "blockquote", "pre", "section", "article", "header", "footer", "main", "nav", "aside", "center",
        "address", "dd", "dt", "dl", "figure", "figcaption", "form", "fieldset", "legend", "hr", "details", "summary",
        "caption", "tr", "td", "th", "tbody", "thead", "tfoot",
    };

    private int _tableCount;

    private HtmlBlockWalker()
    {
    }

    public static IReadOnlyList<Block> Walk(INode root)
    {
        var walker = new HtmlBlockWalker();
        var document = new Container(topLevel: true);
        walker.WalkChildren(root, document, 0);
        Flush(document);
        return document.Blocks;
    }

    private void WalkChildren(INode node, Container container, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            WalkNode(child, container, depth + 1);
        }
    }

    private void WalkNode(INode node, Container container, int depth)
    {
        if (node is IText text)
        {
            container.Paragraph.AppendText(text.Data);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        var name = element.LocalName;
        if (Skipped.Contains(name) || IsHidden(element))
        {
            return;
        }

        if (depth > MaxDepth)
        {
            container.Paragraph.AppendText(element.TextContent);
            return;
        }

        switch (name)
        {
            case "br":
                container.Paragraph.AppendBreak();
                return;
            case "table":
                Flush(container);
                WalkTable(element, container, depth);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Flush(container);
                container.Paragraph.OutlineLevel = name[1] - '0';
                container.Paragraph.Style = ClassOf(element);
                WalkChildren(element, container, depth);
                Flush(container, endOfBlock: true);
                return;
            case "ol" or "ul":
                Flush(container);
                container.Lists.Push(ListContext.For(element));
                WalkChildren(element, container, depth);
                container.Lists.Pop();
                Flush(container);
                return;
            case "li":
                Flush(container);
                container.Paragraph.ListLabel = container.Lists.TryPeek(out var list) ? list.NextLabel(element) : null;
                WalkChildren(element, container, depth);
                Flush(container, endOfBlock: true);
                return;
        }

        var style = element.GetAttribute("style");
        if (style is not null && IsMsoListLabel(style))
        {
            var label = CollapseWhitespace(element.TextContent);
            if (container.Paragraph.IsEmpty && container.Paragraph.ListLabel is null && label.Length > 0)
            {
                container.Paragraph.ListLabel = label;
            }
            else
            {
                container.Paragraph.AppendText(element.TextContent);
            }

            return;
        }

        if (BlockElements.Contains(name))
        {
            Flush(container);
            container.Paragraph.Style = ClassOf(element);
            container.Paragraph.OutlineLevel = OutlineLevelOf(style);
            WalkChildren(element, container, depth);
            Flush(container, endOfBlock: true);
            return;
        }

        WalkChildren(element, container, depth);
    }

    /// <summary>
    /// Ends the current paragraph. <paramref name="endOfBlock"/> marks the end of a block element: an empty one is an
    /// empty paragraph, which a table cell keeps between its other paragraphs (the document drops empty paragraphs).
    /// </summary>
    private static void Flush(Container container, bool endOfBlock = false)
    {
        var paragraph = container.Paragraph;
        var text = paragraph.TakeText();
        var label = paragraph.ListLabel;
        var level = paragraph.OutlineLevel;
        var style = paragraph.Style;
        paragraph.Reset();
        if (text.Length == 0 && label is null)
        {
            if (!container.TopLevel && endOfBlock)
            {
                container.CellParagraphs.Add(string.Empty);
            }

            return;
        }

        if (container.TopLevel)
        {
            container.Blocks.Add(new ParagraphBlock(container.Blocks.Count, text, label, level, style));
        }
        else
        {
            container.CellParagraphs.Add(label is null ? text : label + text);
        }
    }

    private void WalkTable(IElement table, Container container, int depth)
    {
        var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
        if (caption is not null)
        {
            container.Paragraph.AppendText(caption.TextContent);
            Flush(container);
        }

        var rows = new List<(IElement Row, bool IsHeader, int GroupEnd)>();
        foreach (var child in table.Children)
        {
            switch (child.LocalName)
            {
                case "tr":
                    rows.Add((child, false, -1));
                    break;
                case "thead" or "tbody" or "tfoot":
                    var groupRows = child.Children.Where(r => r.LocalName == "tr").ToList();
                    var end = rows.Count + groupRows.Count;
                    rows.AddRange(groupRows.Select(r => (r, child.LocalName == "thead", end)));
                    break;
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        var tableNumber = container.TopLevel ? ++_tableCount : 0;
        var index = container.TopLevel ? container.Blocks.Count : container.NestedTables.Count;
        var built = BuildGrid(rows, depth);
        var block = new TableBlock(index, tableNumber, built.Rows, built.ColumnCount);
        if (container.TopLevel)
        {
            container.Blocks.Add(block);
        }
        else
        {
            container.NestedTables.Add(block);
        }
    }

    /// <summary>
    /// Places cells on the grid like the HTML table model: each cell takes the first column not covered by a rowspan
    /// from a row above; rowspan is cut at the end of its row group (rowspan=0 spans to it).
    /// </summary>
    private (List<TableRow> Rows, int ColumnCount) BuildGrid(List<(IElement Row, bool IsHeader, int GroupEnd)> rows, int depth)
    {
        var occupied = new List<List<bool>>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            occupied.Add([]);
        }

        var columnCount = 0;
        var result = new List<TableRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var (row, isHeader, groupEnd) = rows[r];
            var lastRow = (groupEnd < 0 ? r + 1 : groupEnd) - 1;
            var cells = new List<TableCell>();
            var column = 0;
            foreach (var cellElement in row.Children)
            {
                if (cellElement.LocalName is not ("td" or "th"))
                {
                    continue;
                }

                while (IsOccupied(occupied[r], column))
                {
                    column++;
                }

                var colSpan = Math.Clamp(ParseSpan(cellElement.GetAttribute("colspan"), 1), 1, MaxColSpan);
                var rowSpanAttribute = Math.Clamp(ParseSpan(cellElement.GetAttribute("rowspan"), 1), 0, MaxRowSpan);
                var rowSpan = rowSpanAttribute == 0 ? lastRow - r + 1 : Math.Min(rowSpanAttribute, lastRow - r + 1);
                rowSpan = Math.Max(1, rowSpan);
                for (var rr = r; rr < r + rowSpan; rr++)
                {
                    Occupy(occupied[rr], column, colSpan);
                }

                var cellContainer = new Container(topLevel: false);
                WalkChildren(cellElement, cellContainer, depth);
                Flush(cellContainer);
                cells.Add(new TableCell(r, column, cellContainer.CellText(), rowSpan, colSpan, cellContainer.NestedTables.Count > 0 ? cellContainer.NestedTables : null));
                column += colSpan;
                columnCount = Math.Max(columnCount, column);
            }

            columnCount = Math.Max(columnCount, occupied[r].Count);
            result.Add(new TableRow(r, cells, isHeader));
        }

        return (result, columnCount);
    }

    private static bool IsOccupied(List<bool> row, int column) => column < row.Count && row[column];

    private static void Occupy(List<bool> row, int column, int span)
    {
        while (row.Count < column + span)
        {
            row.Add(false);
        }

        for (var c = column; c < column + span; c++)
        {
            row[c] = true;
        }
    }

    private static int ParseSpan(string? value, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        // Browsers read the leading digits ("2;" or "2px" is 2); anything else is the default.
        var span = value.AsSpan().Trim();
        var digits = 0;
        while (digits < span.Length && digits < 6 && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        return digits > 0 ? int.Parse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return false;
        }

        var compact = RemoveWhitespace(style);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("mso-hide:all", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMsoListLabel(string style) =>
        RemoveWhitespace(style).Contains("mso-list:ignore", StringComparison.OrdinalIgnoreCase);

    private static int? OutlineLevelOf(string? style)
    {
        if (style is null)
        {
            return null;
        }

        var compact = RemoveWhitespace(style);
        var at = compact.IndexOf("mso-outline-level:", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        at += "mso-outline-level:".Length;
        return at < compact.Length && compact[at] is >= '1' and <= '9' ? compact[at] - '0' : null;
    }

    private static string? ClassOf(IElement element)
    {
        var value = element.ClassName;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string RemoveWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (!char.IsWhiteSpace(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new ParagraphBuilder();
        builder.AppendText(value);
        return builder.TakeText();
    }

    /// <summary>Where paragraphs go: the document's block list, or a table cell's paragraphs and nested tables.</summary>
    private sealed class Container(bool topLevel)
    {
        public bool TopLevel { get; } = topLevel;

        public ParagraphBuilder Paragraph { get; } = new();

        public Stack<ListContext> Lists { get; } = new();

        public List<Block> Blocks { get; } = [];

        public List<string> CellParagraphs { get; } = [];

        public List<TableBlock> NestedTables { get; } = [];

        /// <summary>The cell's paragraphs joined by '\n', without empty paragraphs at the start or the end.</summary>
        public string CellText()
        {
            var first = CellParagraphs.FindIndex(p => p.Length > 0);
            if (first < 0)
            {
                return string.Empty;
            }

            var last = CellParagraphs.FindLastIndex(p => p.Length > 0);
            return string.Join('\n', CellParagraphs.Skip(first).Take(last - first + 1));
        }
    }

    /// <summary>Accumulates the text of one paragraph, collapsing HTML white space; &lt;br&gt; is kept as '\n'.</summary>
    private sealed class ParagraphBuilder
    {
        private readonly StringBuilder _text = new();
        private bool _pendingSpace;

        public string? ListLabel { get; set; }

        public int? OutlineLevel { get; set; }

        public string? Style { get; set; }

        public bool IsEmpty => _text.Length == 0;

        public void AppendText(string data)
        {
            foreach (var ch in data)
            {
                if (ch is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0')
                {
                    _pendingSpace = true;
                    continue;
                }

                if (_pendingSpace && _text.Length > 0 && _text[^1] != '\n')
                {
                    _text.Append(' ');
                }

                _pendingSpace = false;
                _text.Append(ch);
            }
        }

        public void AppendBreak()
        {
            _text.Append('\n');
            _pendingSpace = false;
        }

        /// <summary>The text with each line trimmed and empty lines at the start and the end removed.</summary>
        public string TakeText()
        {
            var lines = _text.ToString().Split('\n');
            _text.Clear();
            _pendingSpace = false;
            var trimmed = lines.Select(l => l.Trim()).ToList();
            var first = trimmed.FindIndex(l => l.Length > 0);
            if (first < 0)
            {
                return string.Empty;
            }

            var last = trimmed.FindLastIndex(l => l.Length > 0);
            return string.Join('\n', trimmed.Skip(first).Take(last - first + 1));
        }

        public void Reset()
        {
            _text.Clear();
            _pendingSpace = false;
            ListLabel = null;
            OutlineLevel = null;
            Style = null;
        }
    }

    /// <summary>Numbering of an &lt;ol&gt; (start, type, and li value); &lt;ul&gt; items get no label.</summary>
    private sealed class ListContext
    {
        private readonly bool _ordered;
        private readonly string _type;
        private readonly bool _reversed;
        private int _next;

        private ListContext(bool ordered, string type, int start, bool reversed)
        {
            _ordered = ordered;
            _type = type;
            _next = start;
            _reversed = reversed;
        }

        public static ListContext For(IElement list)
        {
            if (list.LocalName != "ol")
            {
                return new ListContext(false, string.Empty, 1, false);
            }

            var reversed = list.HasAttribute("reversed");
            var items = list.Children.Count(c => c.LocalName == "li");
            var start = int.TryParse(list.GetAttribute("start"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)
                ? s
                : reversed ? items : 1;
            return new ListContext(true, list.GetAttribute("type") ?? "1", start, reversed);
        }

        public string? NextLabel(IElement item)
        {
            if (!_ordered)
            {
                return null;
            }

            if (int.TryParse(item.GetAttribute("value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                _next = value;
            }

            var number = _next;
            _next += _reversed ? -1 : 1;
            var rendered = _type switch
            {
                "a" when number > 0 => Alphabetic(number, 'a'),
                "A" when number > 0 => Alphabetic(number, 'A'),
                "i" when number is > 0 and < 4000 => Roman(number).ToLowerInvariant(),
                "I" when number is > 0 and < 4000 => Roman(number),
                _ => number.ToString(CultureInfo.InvariantCulture),
            };
            return rendered + ".";
        }

        private static string Alphabetic(int number, char first)
        {
            var builder = new StringBuilder();
            while (number > 0)
            {
                number--;
                builder.Insert(0, (char)(first + (number % 26)));
                number /= 26;
            }

            return builder.ToString();
        }

        private static string Roman(int number)
        {
            (int Value, string Symbol)[] numerals =
            [
                (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
            ];
            var builder = new StringBuilder();
            foreach (var (value, symbol) in numerals)
            {
                while (number >= value)
                {
                    builder.Append(symbol);
                    number -= value;
                }
            }

            return builder.ToString();
        }
    }
}
