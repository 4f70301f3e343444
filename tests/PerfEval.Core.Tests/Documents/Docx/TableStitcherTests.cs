using PerfEval.Core.Documents;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

public sealed class TableStitcherTests
{
    private static TableBlock Table(int index, params string[][] rows) => TableWithHeader(index, 0, rows);

    private static TableBlock TableWithHeader(int index, int headerRows, params string[][] rows) =>
        new(index, 0, rows.Select((cells, r) => new TableRow(r, cells.Select((t, c) => new TableCell(r, c, t)).ToList(), r < headerRows)).ToList(), rows.Max(r => r.Length));

    private static ParagraphBlock Para(int index, string text) => new(index, text);

    private static readonly string[] Header = ["序号", "项目名称", "预算数", "执行数"];

    [Fact]
    public void A_table_continued_with_its_header_repeated_is_joined_into_one()
    {
        var model = new DocumentModel(SourceFormat.Docx, [
            Para(0, "表1 项目支出明细"),
            Table(1, Header, ["1", "残疾人康复", "50", "50"], ["2", "扶残助学", "30", "28"]),
            Para(2, "  "),
            Table(3, Header, ["3", "就业培训", "20", "20"]),
            Para(4, "说明"),
        ]);
        model.Warnings.Add("保留的提示");

        var result = TableStitcher.Stitch(model);

        Assert.Equal([0, 1, 2], result.Blocks.Select(b => b.Index));
        var table = Assert.Single(result.Tables);
        Assert.Equal((1, 2), (table.TableNumber, table.SourceTableCount));
        Assert.Equal(["序号", "1", "2", "3"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal([0, 1, 2, 3], table.Rows.Select(r => r.Index));
        Assert.Equal([0, 1, 2, 3], table.Rows.Select(r => r.Cells[0].Row));
        Assert.Equal("就业培训", table.CellAt(3, 1)?.Text);
        Assert.Equal("说明", Assert.IsType<ParagraphBlock>(result.Blocks[2]).Text);
        Assert.Equal(["保留的提示"], result.Warnings);
    }

    [Fact]
    public void Header_rows_marked_as_repeated_headers_are_matched_as_a_block()
    {
        string[] units = ["", "", "（万元）", "（万元）"];
        var model = new DocumentModel(SourceFormat.Docx, [
            TableWithHeader(0, 2, Header, units, ["1", "康复", "50", "50"]),
            TableWithHeader(1, 2, Header, units, ["2", "助学", "30", "28"], ["3", "培训", "20", "20"]),
            TableWithHeader(2, 2, Header, units, ["4", "托养", "10", "10"]),
        ]);

        var table = Assert.Single(TableStitcher.Stitch(model).Tables);

        Assert.Equal(3, table.SourceTableCount);
        Assert.Equal(["序号", "", "1", "2", "3", "4"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal([true, true, false, false, false, false], table.Rows.Select(r => r.IsHeader));
    }

    [Fact]
    public void Two_different_tables_next_to_each_other_are_not_stitched()
    {
        var model = new DocumentModel(SourceFormat.Docx, [
            Table(0, Header, ["1", "康复", "50", "50"]),
            Table(1, ["指标", "年度指标值", "实际完成值", "得分"], ["数量指标", "150户", "150户", "6"]),
        ]);

        var result = TableStitcher.Stitch(model);

        Assert.Same(model, result);
        Assert.Equal(2, result.Tables.Count());
    }

    [Fact]
    public void Tables_separated_by_text_or_of_different_width_are_not_stitched()
    {
        var separated = new DocumentModel(SourceFormat.Docx, [Table(0, Header, ["1", "a", "1", "1"]), Para(1, "续表"), Table(2, Header, ["2", "b", "2", "2"])]);
        var wider = new DocumentModel(SourceFormat.Docx, [Table(0, Header, ["1", "a", "1", "1"]), Table(1, [.. Header, "备注"], ["2", "b", "2", "2", "无"])]);
        var onlyHeader = new DocumentModel(SourceFormat.Docx, [Table(0, Header, ["1", "a", "1", "1"]), Table(1, Header)]);
        var blankHeader = new DocumentModel(SourceFormat.Docx, [Table(0, ["", ""], ["1", "a"]), Table(1, ["", ""], ["2", "b"])]);

        Assert.Same(separated, TableStitcher.Stitch(separated));
        Assert.Same(wider, TableStitcher.Stitch(wider));
        Assert.Same(onlyHeader, TableStitcher.Stitch(onlyHeader));
        Assert.Same(blankHeader, TableStitcher.Stitch(blankHeader));
    }

    [Fact]
    public void A_vertically_merged_header_is_matched_with_its_span_and_whitespace_is_ignored()
    {
        static TableBlock Merged(int index, string second, params string[][] body)
        {
            var rows = new List<TableRow>
            {
                new(0, [new TableCell(0, 0, "项目", rowSpan: 2), new TableCell(0, 1, "资金（万元）", colSpan: 2)]),
                new(1, [new TableCell(1, 1, second), new TableCell(1, 2, "执行数")]),
            };
            rows.AddRange(body.Select((b, i) => new TableRow(i + 2, b.Select((t, c) => new TableCell(i + 2, c, t)).ToList())));
            return new TableBlock(index, 0, rows, 3);
        }

        var model = new DocumentModel(SourceFormat.Docx, [Merged(0, "预算数", ["康复", "50", "50"]), Merged(1, "预算 数", ["助学", "30", "28"])]);

        var table = Assert.Single(TableStitcher.Stitch(model).Tables);

        Assert.Equal(["项目", "预算数", "康复", "助学"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal("助学", table.CellAt(3, 0)?.Text);
    }

    [Fact]
    public void Stitching_renumbers_the_tables_that_follow()
    {
        var model = new DocumentModel(SourceFormat.Docx, [
            Table(0, Header, ["1", "a", "1", "1"]),
            Table(1, Header, ["2", "b", "2", "2"]),
            Para(2, "表2"),
            Table(3, ["x", "y"], ["1", "2"]),
        ]);

        var result = TableStitcher.Stitch(model);

        Assert.Equal([1, 2], result.Tables.Select(t => t.TableNumber));
        Assert.Equal([0, 2], result.Tables.Select(t => t.Index));
        Assert.Equal(1, Assert.IsType<ParagraphBlock>(result.Blocks[1]).Index);
    }

    [Fact]
    public void A_docx_table_split_across_a_page_with_its_header_repeated_loads_as_one_table()
    {
        var header = TrP("<w:tblHeader/>", Tc("三级指标"), Tc("年度指标值"), Tc("得分"));
        var docx = Build(
            P("绩效指标完成情况") +
            Tbl(3, header, Tr(Tc("残疾人康复"), Tc("156人"), Tc("3"))) +
            "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" +
            Tbl(3, header, Tr(Tc("扶残助学"), Tc("176人"), Tc("3"))) +
            P("其他表") +
            Tbl(3, Tr(Tc("一级指标"), Tc("分值"), Tc("得分")), Tr(Tc("产出"), Tc("30"), Tc("30"))) +
            Tbl(3, Tr(Tc("总分"), Tc("100"), Tc("98"))));

        var model = DocumentLoader.Load(docx, "report.docx");

        var tables = model.Tables.ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(["三级指标", "残疾人康复", "扶残助学"], tables[0].Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(2, tables[0].SourceTableCount);
        Assert.Equal([1, 2, 3], tables.Select(t => t.TableNumber));
        Assert.Equal(1, tables[2].SourceTableCount);
        Assert.Equal(Enumerable.Range(0, model.Blocks.Count), model.Blocks.Select(b => b.Index));
    }
}
