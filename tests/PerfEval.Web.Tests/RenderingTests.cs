using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;
using PerfEval.Web.Features;
using PerfEval.Web.Rendering;
using CoreFinding = PerfEval.Core.Rules.Finding;

namespace PerfEval.Web.Tests;

/// <summary>
/// The document drawn as HTML, parsed back with AngleSharp: the seed's tables with their merged cells, every flagged
/// place of the seed's findings, figure marks, and markup in the text staying text.
/// </summary>
public sealed class RenderingTests
{
    private static readonly Lazy<CheckResult> SeedCheck = new(() =>
        Evaluator.Check(File.ReadAllBytes(Api.Sample("2023-miluo-disabled-federation.docx")), "2023-miluo-disabled-federation.docx"));

    [Fact]
    public void Seed_tables_keep_every_merged_cell_with_its_spans_and_grid_positions()
    {
        var document = SeedCheck.Value.Extraction.Document;
        var (html, _) = Rendered.Of(document.Blocks, []);

        var tables = document.Tables.ToList();
        Assert.Equal(3, tables.Count);
        var merged = 0;
        foreach (var table in tables)
        {
            var element = Assert.IsAssignableFrom<IHtmlTableElement>(html.GetElementById($"t{table.TableNumber}"));
            Assert.Equal(table.Rows.Count, element.Rows.Length);
            foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            {
                var td = Assert.IsAssignableFrom<IHtmlTableCellElement>(html.GetElementById(Rendered.CellId(table.TableNumber, cell.Row, cell.Column)));
                Assert.Equal(cell.RowSpan, td.RowSpan);
                Assert.Equal(cell.ColSpan, td.ColumnSpan);
                Assert.Equal(Rendered.Flat(cell.Text), Rendered.Flat(td.TextContent));
                merged += cell.RowSpan > 1 || cell.ColSpan > 1 ? 1 : 0;
            }

            // Laid out as a browser lays out a table, every grid position holds the cell the model says covers it.
            var grid = Rendered.Layout(element);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.ColumnCount; c++)
                {
                    var expected = table.CellAt(r, c) is { } cell ? Rendered.CellId(table.TableNumber, cell.Row, cell.Column) : "hole";
                    var drawn = grid.GetValueOrDefault((r, c));
                    Assert.Equal(expected, drawn is null ? null : drawn.ClassList.Contains("hole") ? "hole" : drawn.Id);
                }
            }
        }

        Assert.True(merged > 20, $"the seed has many merged cells, saw {merged}");
        var first = Assert.IsAssignableFrom<IHtmlTableCellElement>(html.GetElementById("t1-r1-c1"));
        Assert.Equal(2, first.RowSpan);
        Assert.Equal("财政供养人员情况(人)", first.TextContent);
        Assert.Equal(2, Assert.IsAssignableFrom<IHtmlTableCellElement>(html.GetElementById("t1-r1-c2")).ColumnSpan);
    }

    [Fact]
    public void Every_flagged_place_of_the_seed_findings_is_drawn_with_its_severity_and_quotes_the_excerpt()
    {
        var check = SeedCheck.Value;
        var findings = Rendered.Flags(check.Findings);
        var (html, places) = Rendered.Of(check.Extraction.Document.Blocks, findings);

        Assert.Equal(findings.Count, places.Count);
        var bySeverity = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = check.Findings[i];
            var place = places[i];
            Assert.Equal(findings[i].Id, place.FindingId);
            Assert.NotNull(place.PlaceId);
            var element = html.GetElementById(place.PlaceId);
            Assert.NotNull(element);
            Assert.Contains("flagged", element.ClassList);
            Assert.Contains(findings[i].Id.ToString(CultureInfo.InvariantCulture), element.GetAttribute("data-findings")!.Split(' '));

            // The most severe finding at a place gives its class.
            var worst = findings.Where((f, k) => places[k].PlaceId == place.PlaceId).MaxBy(f => Rank(f.Severity))!.Severity;
            Assert.Contains(worst, element.ClassList);
            bySeverity[worst] = bySeverity.GetValueOrDefault(worst) + 1;

            // The place is the one the location names: the cell or paragraph holds the quoted text.
            if (finding.Location.Table is int table)
            {
                Assert.StartsWith($"t{table}-", place.PlaceId, StringComparison.Ordinal);
                Assert.Equal(Rendered.IdOf(finding.Location), place.PlaceId);
                Assert.Equal(Rendered.Flat(finding.Location.Excerpt ?? string.Empty), Rendered.Flat(element.TextContent));
            }
            else
            {
                Assert.Equal($"p{finding.Location.Paragraph}", place.PlaceId);
                Assert.Contains(Rendered.Flat(finding.Location.Excerpt!), Rendered.Flat(element.TextContent), StringComparison.Ordinal);
            }
        }

        Assert.Equal(["error", "warning"], bySeverity.Keys.Order(StringComparer.Ordinal));

        // The info on the execution rate shares its cell with a warning: the cell shows the warning.
        var info = check.Findings.Select((f, i) => (f, i)).Single(x => x.f.Rule == "rate.execution").i;
        Assert.Equal("info", findings[info].Severity);
        Assert.Equal(["flagged", "warning"], html.GetElementById(places[info].PlaceId!)!.ClassList);
    }

    [Fact]
    public void Related_places_are_named_and_marked_so_a_page_can_show_both_sides()
    {
        var check = SeedCheck.Value;
        var findings = Rendered.Flags(check.Findings);
        var (html, places) = Rendered.Of(check.Extraction.Document.Blocks, findings);

        var crossref = check.Findings.Select((f, i) => (Finding: f, Index: i))
            .First(x => x.Finding.Rule == "crossref.project-fund" && x.Finding.Location.Table == 3);
        var place = places[crossref.Index];
        Assert.Equal("t3-r4-c5", place.PlaceId);
        Assert.Equal(["t1-r14-c4"], place.RelatedPlaceIds);
        var related = html.GetElementById("t1-r14-c4")!;
        Assert.Contains("related", related.ClassList);
        Assert.Contains(findings[crossref.Index].Id.ToString(CultureInfo.InvariantCulture), related.GetAttribute("data-related")!.Split(' '));

        // Every related place of every finding resolves to an element of the drawing.
        foreach (var (finding, i) in check.Findings.Select((f, i) => (f, i)))
        {
            Assert.Equal(finding.Related.Select(r => Rendered.IdOf(r.Location)).Where(id => id != places[i].PlaceId).Distinct(), places[i].RelatedPlaceIds);
            Assert.All(places[i].RelatedPlaceIds, id => Assert.NotNull(html.GetElementById(id)));
        }
    }

    [Fact]
    public void A_figure_in_a_paragraph_is_marked_exactly()
    {
        var check = SeedCheck.Value;
        var findings = Rendered.Flags(check.Findings);
        var (html, _) = Rendered.Of(check.Extraction.Document.Blocks, findings);
        var paragraphs = check.Extraction.Document.Paragraphs.ToDictionary(p => p.Index);

        var spans = check.Findings.Select((f, i) => (Finding: f, Id: findings[i].Id))
            .Where(x => x.Finding.Location is { Paragraph: not null, Offset: not null, Length: > 0 })
            .ToList();
        Assert.NotEmpty(spans);
        foreach (var (finding, id) in spans)
        {
            var paragraph = paragraphs[finding.Location.Paragraph!.Value];
            var marks = html.GetElementById($"p{paragraph.Index}")!.QuerySelectorAll("mark")
                .Where(m => m.GetAttribute("data-findings")!.Split(' ').Contains(id.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Assert.NotEmpty(marks);
            Assert.Equal(paragraph.Text.Substring(finding.Location.Offset!.Value, finding.Location.Length!.Value), string.Concat(marks.Select(m => m.TextContent)));
            Assert.Contains(finding.Severity.ToString().ToLowerInvariant(), marks[0].ClassList);
        }
    }

    [Fact]
    public void Markup_written_in_the_document_is_shown_as_text()
    {
        const string Script = "<script>alert('x')</script>";
        const string Image = "<img src=x onerror=\"alert(1)\"> & 'quotes'";
        Block[] blocks =
        [
            new ParagraphBlock(0, Script, listLabel: "<b>一、</b>"),
            Table(1, 1, 2, [[Cell(0, 0, Image), Cell(0, 1, "</td></tr></table><script>alert(2)</script>")]]),
        ];

        var (html, _) = Rendered.Of(blocks, [new FlaggedFinding(7, "error", new Place(Paragraph: 0, Offset: 8, Length: 5), [])]);

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Empty(html.QuerySelectorAll("b"));
        Assert.Equal("<b>一、</b>" + Script, html.GetElementById("p0")!.TextContent);
        Assert.Equal("alert", html.QuerySelector("#p0 mark")!.TextContent);
        Assert.Equal(Image, html.GetElementById("t1-r1-c1")!.TextContent);
        Assert.Equal("</td></tr></table><script>alert(2)</script>", html.GetElementById("t1-r1-c2")!.TextContent);
        Assert.Single(html.QuerySelectorAll("table"));
    }

    [Fact]
    public void Headings_list_labels_line_breaks_and_nested_tables_are_drawn_as_written()
    {
        var inner = new TableBlock(0, 0, [new TableRow(0, [Cell(0, 0, "内表甲"), Cell(0, 1, "内表乙")])], 2);
        Block[] blocks =
        [
            new ParagraphBlock(0, "部门整体支出绩效自评报告", outlineLevel: 1, style: "Heading1"),
            new ParagraphBlock(1, "部门概况", listLabel: "一、", style: "Heading2"),
            new ParagraphBlock(2, "第一行\n第二行"),
            Table(3, 1, 2, [[Cell(0, 0, "项目名称\n（全称）"), new TableCell(0, 1, "外表", nestedTables: [inner])]]),
        ];

        var (html, _) = Rendered.Of(blocks, []);

        Assert.Equal("H2", html.GetElementById("p0")!.TagName);
        var heading = html.GetElementById("p1")!;
        Assert.Equal("H3", heading.TagName);
        Assert.Equal("一、", heading.QuerySelector("span.list-label")!.TextContent);
        Assert.Equal("一、部门概况", heading.TextContent);
        Assert.Equal("P", html.GetElementById("p2")!.TagName);
        Assert.Single(html.GetElementById("p2")!.QuerySelectorAll("br"));
        Assert.Single(html.GetElementById("t1-r1-c1")!.QuerySelectorAll("br"));
        Assert.Equal("项目名称（全称）", html.GetElementById("t1-r1-c1")!.TextContent);

        var nested = Assert.Single(html.GetElementById("t1-r1-c2")!.QuerySelectorAll("table.nested"));
        Assert.Equal(["内表甲", "内表乙"], nested.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.All(nested.QuerySelectorAll("td"), td => Assert.Null(td.GetAttribute("id")));
        Assert.Equal("t1", html.QuerySelector("table")!.Id);
    }

    [Fact]
    public void Header_rows_are_drawn_with_header_cells()
    {
        var table = new TableBlock(0, 1, [new TableRow(0, [Cell(0, 0, "指标")], isHeader: true), new TableRow(1, [Cell(1, 0, "产出")])], 1);

        var (html, _) = Rendered.Of([table], []);

        Assert.Equal("TH", html.GetElementById("t1-r1-c1")!.TagName);
        Assert.Equal("TD", html.GetElementById("t1-r2-c1")!.TagName);
    }

    [Fact]
    public void A_location_anywhere_inside_a_merged_cell_resolves_to_that_cell()
    {
        // A 3×3 grid: (0,0) spans two rows and two columns; row 2 has a hole at column 1 (a ragged table).
        var table = Table(0, 1, 3,
        [
            [new TableCell(0, 0, "合并", rowSpan: 2, colSpan: 2), Cell(0, 2, "右上")],
            [Cell(1, 2, "右中")],
            [Cell(2, 0, "左下"), Cell(2, 2, "右下")],
        ]);
        FlaggedFinding[] findings =
        [
            new(1, "warning", new Place(Table: 1, Row: 2, Column: 2), [new Place(Table: 1, Row: 3, Column: 3)]),
            new(2, "error", new Place(Table: 1, Row: 1, Column: 2), [new Place(Table: 1, Row: 2, Column: 1)]),
            new(3, "info", new Place(Table: 1, Row: 3, Column: 2), []),
            new(4, "info", new Place(Table: 1, Row: 4, Column: 1), []),
            new(5, "info", new Place(Table: 9, Row: 1, Column: 1), []),
            new(6, "info", new Place(Paragraph: 42), []),
        ];

        var (html, places) = Rendered.Of([table], findings);

        Assert.Equal("t1-r1-c1", places[0].PlaceId);
        Assert.Equal(["t1-r3-c3"], places[0].RelatedPlaceIds);
        Assert.Equal("t1-r1-c1", places[1].PlaceId);
        Assert.Empty(places[1].RelatedPlaceIds); // the related place is the finding's own cell
        Assert.All(places.Skip(2), p => Assert.Null(p.PlaceId));

        var merged = html.GetElementById("t1-r1-c1")!;
        Assert.Equal(["flagged", "error"], merged.ClassList);
        Assert.Equal("1 2", merged.GetAttribute("data-findings"));
        Assert.Equal(["related"], html.GetElementById("t1-r3-c3")!.ClassList);
        Assert.Equal("1", html.GetElementById("t1-r3-c3")!.GetAttribute("data-related"));
        Assert.Null(html.GetElementById("t1-r2-c3")!.GetAttribute("class"));

        // The hole is filled, so 右下 stays in the third column.
        var grid = Rendered.Layout((IHtmlTableElement)html.GetElementById("t1")!);
        Assert.Equal("t1-r3-c3", grid[(2, 2)].Id);
        Assert.Contains("hole", grid[(2, 1)].ClassList);
    }

    [Fact]
    public void Overlapping_figures_are_cut_into_marks_that_name_every_finding_over_them()
    {
        var paragraph = new ParagraphBlock(0, "合计221万元，\n其中项目154万元。", listLabel: "（一）");
        FlaggedFinding[] findings =
        [
            new(1, "warning", new Place(Paragraph: 0, Offset: 2, Length: 5), []),
            new(2, "error", new Place(Paragraph: 0, Offset: 5, Length: 6), []),
            new(3, "info", new Place(Paragraph: 0, Offset: 90, Length: 3), []),
            new(4, "info", new Place(Paragraph: 0), []),
        ];

        var (html, places) = Rendered.Of([paragraph], findings);

        var p = html.GetElementById("p0")!;
        Assert.Equal(["flagged", "error"], p.ClassList);
        Assert.Equal("1 2 3 4", p.GetAttribute("data-findings"));
        var marks = p.QuerySelectorAll("mark").Select(m => (m.TextContent, m.GetAttribute("data-findings"), m.ClassName)).ToList();
        Assert.Equal([("221", "1", "warning"), ("万元", "1 2", "error"), ("，其中", "2", "error")], marks);
        Assert.Single(p.QuerySelectorAll("mark br"));
        Assert.Equal("（一）合计221万元，其中项目154万元。", p.TextContent);
        Assert.All(places, x => Assert.Equal("p0", x.PlaceId));
    }

    [Fact]
    public void Related_places_in_a_stored_finding_are_read_from_its_json()
    {
        var finding = SeedCheck.Value.Findings.First(f => f.Rule == "crossref.project-fund" && f.Location.Paragraph is not null);

        var related = RelatedPlaces.Parse(JsonSerializer.Serialize(finding.Related, JsonOutput.Options));

        Assert.Equal(finding.Related.Select(r => (r.Location.Table, r.Location.Row, r.Location.Column, r.Location.Paragraph)), related.Select(p => (p.Table, p.Row, p.Column, p.Paragraph)));
        Assert.Empty(RelatedPlaces.Parse("[]"));
    }

    [Fact]
    public void A_20000_row_table_is_drawn_whole()
    {
        const int Rows = 20_000;
        var rows = new List<TableRow>(Rows);
        for (var r = 0; r < Rows; r++)
        {
            // Every tenth row starts a name cell that spans ten rows; the other columns hold figures.
            var cells = new List<TableCell>(9);
            if (r % 10 == 0)
            {
                cells.Add(new TableCell(r, 0, "项目" + r, rowSpan: 10));
            }

            for (var c = 1; c < 9; c++)
            {
                cells.Add(new TableCell(r, c, ((r * 9) + c).ToString(CultureInfo.InvariantCulture) + ".00"));
            }

            rows.Add(new TableRow(r, cells));
        }

        var json = JsonSerializer.Serialize<IReadOnlyList<Block>>([new TableBlock(0, 1, rows, 9)], JsonOutput.Options);
        FlaggedFinding[] findings = [new(1, "error", new Place(Table: 1, Row: 19_995, Column: 1), [new Place(Table: 1, Row: 2, Column: 5)])];

        var clock = Stopwatch.StartNew();
        var blocks = DocumentJson.Parse(json);
        var parsed = clock.Elapsed;
        var rendered = DocumentHtml.Render(blocks, findings);
        TestContext.Current.SendDiagnosticMessage($"20000×9: JSON {json.Length / 1024 / 1024.0:0.0} M chars parsed in {parsed.TotalMilliseconds:0} ms, HTML {rendered.Html.Length / 1024 / 1024.0:0.0} M chars drawn in {(clock.Elapsed - parsed).TotalMilliseconds:0} ms");

        Assert.Equal("t1-r19991-c1", rendered.Places[0].PlaceId);
        Assert.Equal(["t1-r2-c5"], rendered.Places[0].RelatedPlaceIds);
        var html = Rendered.Parse(rendered.Html);
        var table = (IHtmlTableElement)html.GetElementById("t1")!;
        Assert.Equal(Rows, table.Rows.Length);
        Assert.Equal((Rows / 10) + (Rows * 8), html.QuerySelectorAll("td").Length);
        Assert.Equal(10, ((IHtmlTableCellElement)html.GetElementById("t1-r19991-c1")!).RowSpan);
        Assert.Contains("error", html.GetElementById("t1-r19991-c1")!.ClassList);
        Assert.Empty(html.QuerySelectorAll("td.hole"));
    }

    private static int Rank(string severity) => severity switch { "error" => 3, "warning" => 2, _ => 1 };

    private static TableCell Cell(int row, int column, string text) => new(row, column, text);

    private static TableBlock Table(int index, int number, int columns, TableCell[][] rows) =>
        new(index, number, rows.Select((cells, r) => new TableRow(r, cells)).ToList(), columns);
}

/// <summary>Drawing a document the way the service does (through its stored JSON) and reading the HTML back.</summary>
internal static class Rendered
{
    private static readonly HtmlParser Parser = new();

    public static (IHtmlDocument Html, IReadOnlyList<FindingPlaces> Places) Of(IReadOnlyList<Block> blocks, IReadOnlyList<FlaggedFinding> findings)
    {
        // The stored shape: the blocks serialised with the pipeline's options (ProcessSubmissionJob).
        var json = JsonSerializer.Serialize(blocks, JsonOutput.Options);
        var rendered = DocumentHtml.Render(DocumentJson.Parse(json), findings);
        return (Parse(rendered.Html), rendered.Places);
    }

    public static IHtmlDocument Parse(string fragment) =>
        Parser.ParseDocument("<!DOCTYPE html><html><head><title>t</title></head><body>" + fragment + "</body></html>");

    /// <summary>The findings as the service stores them: ids from 101, wire severities, related places from JSON.</summary>
    public static List<FlaggedFinding> Flags(IReadOnlyList<CoreFinding> findings) =>
        findings.Select((f, i) => new FlaggedFinding(
            101 + i,
            Wire.Name(f.Severity),
            PlaceOf(f.Location),
            RelatedPlaces.Parse(JsonSerializer.Serialize(f.Related, JsonOutput.Options)))).ToList();

    public static Place PlaceOf(Location l) => new(l.Table, l.Row, l.Column, l.Paragraph, l.Offset, l.Length);

    public static string CellId(int table, int row0, int column0) => $"t{table}-r{row0 + 1}-c{column0 + 1}";

    /// <summary>The id a location should resolve to, by the model's own grid (<see cref="TableBlock.CellAt"/>).</summary>
    public static string IdOf(Location location)
    {
        if (location.Table is int number)
        {
            var table = SeedTables().Single(t => t.TableNumber == number);
            var cell = table.CellAt(location.Row!.Value - 1, location.Column!.Value - 1)!;
            return CellId(number, cell.Row, cell.Column);
        }

        return $"p{location.Paragraph}";
    }

    private static IEnumerable<TableBlock> SeedTables() =>
        DocumentLoader.Load(File.ReadAllBytes(Api.Sample("2023-miluo-disabled-federation.docx")), "seed.docx").Tables;

    /// <summary>Text without whitespace, for comparing a cell's text with its drawing (line breaks become &lt;br&gt;).</summary>
    public static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The HTML table model: each cell takes the first free slot of its row and covers rowspan × colspan.</summary>
    public static Dictionary<(int Row, int Column), IElement> Layout(IHtmlTableElement table)
    {
        var grid = new Dictionary<(int, int), IElement>();
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var c = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (grid.ContainsKey((r, c)))
                {
                    c++;
                }

                for (var dr = 0; dr < Math.Max(1, cell.RowSpan); dr++)
                {
                    for (var dc = 0; dc < Math.Max(1, cell.ColumnSpan); dc++)
                    {
                        grid[(r + dr, c + dc)] = cell;
                    }
                }

                c += Math.Max(1, cell.ColumnSpan);
            }
        }

        return grid;
    }
}
