using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Txt;

public sealed class TxtReaderTests
{
    internal const string Seed = "2023-miluo-disabled-federation";
    internal const string CorrectedSeed = "2023-miluo-disabled-federation-corrected";

    internal static byte[] SampleBytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "sample-docs", name));

    private static DocumentModel ReadSeed(string name = Seed) => TxtReader.Read(SampleBytes(name + ".txt"));

    [Fact]
    public void Seed_has_three_tables_before_the_report_prose()
    {
        var model = ReadSeed();

        Assert.Equal(SourceFormat.Txt, model.Format);
        var tables = model.Tables.ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal([1, 2, 3], tables.Select(t => t.TableNumber));
        var overview = model.Paragraphs.First(p => p.Text == "一、部门概况");
        Assert.True(overview.Index > tables[^1].Index);
        Assert.Equal("（一）部门职能概述", ((ParagraphBlock)model.Blocks[overview.Index + 1]).Text);
        Assert.Equal("附件1", ((ParagraphBlock)model.Blocks[0]).Text);
        for (var i = 0; i < model.Blocks.Count; i++)
        {
            Assert.Equal(i, model.Blocks[i].Index);
        }
    }

    [Fact]
    public void Prose_between_tables_stays_paragraphs()
    {
        var model = ReadSeed();
        var texts = model.Paragraphs.Select(p => p.Text).ToList();

        Assert.Contains("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。", texts);
        Assert.Contains(" 附件2", texts); // text as written: leading spaces stay (the .docx has them too)
        Assert.Contains("\u20023．因公出国（境）费用支出和公务用车（购置）情况。2023年无因公出国（境）费用支出和公务用车（购置）支出。", texts);
        Assert.Contains("（二）项目管理情况分析", texts); // written with a trailing TAB
        Assert.Contains("七、单位在资金管理、项目管理等方面的先进经验及做法", texts);
        Assert.DoesNotContain(texts, t => t.Trim().Length == 0 || t != t.TrimEnd() || t.Contains('\t', StringComparison.Ordinal));
    }

    [Fact]
    public void Funding_row_of_the_department_table_keeps_its_numbers_in_order()
    {
        var table = ReadSeed().Tables.ElementAt(1);
        var row = table.Rows.Single(r => r.Cells.Any(c => c.Text == "年度资金总额"));
        var texts = row.Cells.Select(c => c.Text).ToList();
        var at = texts.IndexOf("年度资金总额");

        Assert.Equal(["581.79", "581.79", "1005.67", "10", "172.85%", ""], texts.Skip(at + 1));
        Assert.Equal(1, row.Cells[0].Column); // the merged "年度预算申请(万元)" column is absorbed
        Assert.Equal("年度预算申请(万元)", table.CellAt(row.Index, 0)?.Text);
    }

    [Fact]
    public void Indicator_header_row_holds_the_merged_label_and_the_first_column_header()
    {
        var table = ReadSeed().Tables.ElementAt(1);
        var header = table.Rows.Single(r => r.Cells.Any(c => c.Text == "一级指标"));

        Assert.Equal("绩效指标", header.Cells[0].Text);
        Assert.Equal(
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因\n分析及\n改进措施"],
            header.Cells.Select(c => c.Text));
        Assert.Equal(20, header.Cells[0].RowSpan); // down to the last indicator row, above "总分"
    }

    [Fact]
    public void Vertical_merges_become_row_spans()
    {
        var model = ReadSeed();
        var basic = model.Tables.ElementAt(0);
        var department = model.Tables.ElementAt(1);
        var project = model.Tables.ElementAt(2);

        TableCell Cell(TableBlock t, string text) => t.Rows.SelectMany(r => r.Cells).Single(c => c.Text == text);

        Assert.Equal(2, Cell(basic, "财政供养人员情况(人)").RowSpan);
        Assert.Equal(2, Cell(basic, "楼堂馆所控制情况\n(2023年完工项目)").RowSpan);
        Assert.Equal(7, Cell(department, "年度预算申请(万元)").RowSpan);
        Assert.Equal(2, Cell(department, "年度总体 目标").RowSpan);
        Assert.Equal(11, Cell(department, "产出指标\n(30分)").RowSpan);
        Assert.Equal(9, Cell(department, "数量指标").RowSpan);
        Assert.Equal(4, Cell(department, "效益指标(30分)").RowSpan);
        Assert.Equal(1, Cell(department, "满意度指标\n(10分)").RowSpan);
        Assert.Equal(3, Cell(department, "成本指标\n（20分）").RowSpan);
        Assert.Equal(10, Cell(project, "数量指标").RowSpan);
        Assert.Equal(5, Cell(project, "项目资金 (万元)").RowSpan);

        var quantity = Cell(department, "数量指标");
        var second = department.Rows[quantity.Row + 1];
        Assert.Equal("2：残疾人康复", second.Cells[0].Text);
        Assert.Equal(3, second.Cells[0].Column);
        Assert.Same(quantity, department.CellAt(second.Index, 2));
        Assert.Equal("总分", department.Rows[^1].Cells[0].Text);
        Assert.Equal(0, department.Rows[^1].Cells[0].Column);
    }

    [Fact]
    public void Trailing_and_inner_empty_cells_are_kept()
    {
        var basic = ReadSeed().Tables.First();
        var row = basic.Rows.Single(r => r.Cells[0].Text == "1、公务用车购置和维护经费");

        Assert.Equal(["1、公务用车购置和维护经费", "", "", ""], row.Cells.Select(c => c.Text));
        Assert.Equal(7, basic.ColumnCount);
        Assert.Equal(["厉行节约保障措施", ""], basic.Rows[^1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(Seed)]
    [InlineData(CorrectedSeed)]
    [InlineData("fixtures/2022-city-agriculture-bureau")]
    [InlineData("fixtures/2023-township-civil-affairs-continued")]
    [InlineData("fixtures/2024-county-education-bureau")]
    [InlineData("fixtures/2025-district-health-commission")]
    public void Every_row_has_the_same_texts_as_the_docx(string name)
    {
        var txtTables = ReadSeed(name).Tables.ToList();
        var docxTables = DocxRowTexts(SampleBytes(name + ".docx"));

        Assert.Equal(docxTables.Count, txtTables.Count);
        for (var t = 0; t < docxTables.Count; t++)
        {
            var txtRows = txtTables[t].Rows.Select(r => r.Cells.Select(c => Normalise(c.Text)).Where(s => s.Length > 0).ToList()).ToList();
            Assert.Equal(docxTables[t].Count, txtRows.Count);
            for (var r = 0; r < txtRows.Count; r++)
            {
                Assert.Equal(docxTables[t][r], txtRows[r]);
            }
        }
    }

    [Fact]
    public void A_table_continued_after_a_page_break_is_a_second_table_and_its_header_cells_do_not_absorb()
    {
        var tables = ReadSeed("fixtures/2023-township-civil-affairs-continued").Tables.ToList();

        Assert.Equal(4, tables.Count);
        var before = tables[2];
        var continued = tables[3];
        Assert.Equal("孤儿及事实无人抚养儿童保障人数", before.Rows[^1].Cells[0].Text);
        Assert.Equal(["绩效指标", "一级指标", "二级指标", "三级指标"], continued.Rows[0].Cells.Take(4).Select(c => c.Text));

        // The first data row: column 0 continues 绩效指标, but the empty cells under the headings 一级指标/二级指标 stay cells.
        var first = continued.Rows[1];
        Assert.Equal([(1, ""), (2, ""), (3, "高龄津贴发放人数")], first.Cells.Take(3).Select(c => (c.Column, c.Text)));
        Assert.Equal(1, continued.Rows[0].Cells[1].RowSpan);
        Assert.Equal("绩效指标", continued.CellAt(1, 0)?.Text);
    }

    [Fact]
    public void Plain_prose_without_tabs_is_one_paragraph_per_line()
    {
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("一、部门概况\r\n\r\n  （一）部门职能概述  \r\n\u3000\u30001、宣传。\n"));

        Assert.Empty(model.Tables);
        Assert.Equal(["一、部门概况", "  （一）部门职能概述", "\u3000\u30001、宣传。"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Line_endings_do_not_change_the_model()
    {
        var lf = Encoding.UTF8.GetString(SampleBytes(Seed + ".txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = ModelDump.Of(TxtReader.Read(Encoding.UTF8.GetBytes(lf)));

        Assert.Equal(expected, ModelDump.Of(TxtReader.Read(Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n", StringComparison.Ordinal)))));
        Assert.Equal(expected, ModelDump.Of(TxtReader.Read(Encoding.UTF8.GetBytes(lf.Replace("\n", "\r", StringComparison.Ordinal)))));
    }

    [Fact]
    public void Two_blank_lines_before_a_tab_line_stay_in_the_row_but_one_starts_a_new_row()
    {
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("表\n\n\tA\n\tB\n\n\tC\n\n\n\tD\n\n项目\n"));

        var table = Assert.Single(model.Tables);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["A", "B"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["C", "D"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["表", "项目"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Lines_without_a_tab_continue_the_cell_and_a_leading_empty_line_is_dropped()
    {
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("\tA\n\t\n多行\n单元格\n\tB\n"));

        var row = Assert.Single(Assert.Single(model.Tables).Rows);
        Assert.Equal(["A", "多行\n单元格", "B"], row.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Leading_empty_cells_under_empty_cells_are_not_absorbed()
    {
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("\tA\n\t\n\tB\n\n\t\n\t\n\tC\n\n\t\n\t\n\t\n"));
        var table = Assert.Single(model.Tables);

        // Row 1: column 0 continues "A"; column 1 is below an empty cell, so it stays an (empty) cell.
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal([(1, ""), (2, "C")], table.Rows[1].Cells.Select(c => (c.Column, c.Text)));
        // A totally empty row is never absorbed.
        Assert.Equal(3, table.Rows[2].Cells.Count);
    }

    [Fact]
    public void A_tab_run_without_a_row_of_two_cells_is_prose()
    {
        var model = TxtReader.Read(Encoding.UTF8.GetBytes("标题\n\n\t一、概况\n\n\t二、情况\n"));

        Assert.Empty(model.Tables);
        Assert.Equal(["标题", "一、概况", "二、情况"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Prose_indented_with_tabs_is_not_a_table()
    {
        const string Sentence = "本单位严格按照预算管理制度开展各项工作，资金使用规范，项目实施进度符合计划安排，群众满意度较高。";
        var model = TxtReader.Read(Encoding.UTF8.GetBytes($"\t一、部门概况\n\t{Sentence}\n\t{Sentence}\n\n\t二、绩效情况\n\t{Sentence}\n"));

        Assert.Empty(model.Tables);
        Assert.Equal(5, model.Paragraphs.Count());
        Assert.Equal("一、部门概况", model.Paragraphs.First().Text);
    }

    [Fact]
    public void Whitespace_only_text_is_refused_as_empty()
    {
        var error = Assert.Throws<DocumentReadException>(() => TxtReader.Read(Encoding.UTF8.GetBytes("\uFEFF \r\n\u3000\n")));
        Assert.Equal(ReadErrorCodes.Empty, error.Code);
    }

    [Fact]
    public void A_large_text_is_read_in_linear_time()
    {
        var seed = Encoding.UTF8.GetString(SampleBytes(Seed + ".txt"));
        var builder = new StringBuilder();
        while (builder.Length < 24 * 1024 * 1024)
        {
            builder.Append(seed).Append("\n\n正文\n");
        }

        // One huge table as well: a long run of rows without prose in between.
        builder.Append("\n\n表\n\n");
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append("\t指标").Append(i).Append("\n\t\n\t100%\n\n");
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var watch = Stopwatch.StartNew();
        var model = TxtReader.Read(bytes);
        watch.Stop();

        Assert.True(model.Tables.Count() > 600);
        Assert.Equal(200_000, model.Tables.Last().Rows.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim())).Trim('\n');

    /// <summary>
    /// The non-empty origin-cell texts of every row of every top-level table of a .docx, read straight from
    /// word/document.xml (vMerge continuation cells are not origin cells), independent of the product's .docx reader.
    /// </summary>
    private static List<List<List<string>>> DocxRowTexts(byte[] docx)
    {
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var body = XDocument.Load(stream).Root!.Element(w + "body")!;
        var tables = new List<List<List<string>>>();
        foreach (var tbl in body.Elements(w + "tbl"))
        {
            var rows = new List<List<string>>();
            foreach (var tr in tbl.Elements(w + "tr"))
            {
                var cells = new List<string>();
                foreach (var tc in tr.Elements(w + "tc"))
                {
                    var vMerge = tc.Element(w + "tcPr")?.Element(w + "vMerge");
                    if (vMerge is not null && (string?)vMerge.Attribute(w + "val") != "restart")
                    {
                        continue;
                    }

                    var text = string.Join('\n', tc.Elements(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))));
                    var normalised = Normalise(text);
                    if (normalised.Length > 0)
                    {
                        cells.Add(normalised);
                    }
                }

                rows.Add(cells);
            }

            tables.Add(rows);
        }

        return tables;
    }
}
