using PerfEval.Core.Documents;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

public sealed class DocxTableTests
{
    private static List<(int Row, int Column, int RowSpan, int ColSpan, string Text)> Cells(TableBlock table) =>
        table.Rows.SelectMany(r => r.Cells).Select(c => (c.Row, c.Column, c.RowSpan, c.ColSpan, c.Text)).ToList();

    [Fact]
    public void Grid_span_and_vertical_merges_are_placed_on_the_grid()
    {
        var model = Read(Tbl(
            4,
            Tr(Tc("绩效指标", VRestart), Tc("一级指标"), Tc("二级指标", Span(2))),
            Tr(Tc(string.Empty, VContinue), Tc("产出指标", VRestart), Tc("数量指标"), Tc("150户")),
            Tr(Tc(string.Empty, VContinue), Tc("被合并的文字不显示", VContinue), Tc("质量指标"), Tc("100%")),
            Tr(Tc("总分", Span(3)), Tc("98"))));

        var table = Assert.Single(model.Tables);
        Assert.Equal(4, table.ColumnCount);
        Assert.Equal(
            [
                (0, 0, 3, 1, "绩效指标"), (0, 1, 1, 1, "一级指标"), (0, 2, 1, 2, "二级指标"),
                (1, 1, 2, 1, "产出指标"), (1, 2, 1, 1, "数量指标"), (1, 3, 1, 1, "150户"),
                (2, 2, 1, 1, "质量指标"), (2, 3, 1, 1, "100%"),
                (3, 0, 1, 3, "总分"), (3, 3, 1, 1, "98"),
            ],
            Cells(table));
        Assert.Equal("绩效指标", table.CellAt(2, 0)?.Text);
        Assert.Equal("产出指标", table.CellAt(2, 1)?.Text);
        Assert.Equal("二级指标", table.CellAt(0, 3)?.Text);
        Assert.DoesNotContain(table.Rows.SelectMany(r => r.Cells), c => c.Text.Contains("被合并", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vertical_merge_spanning_several_columns_continues_the_cell_above()
    {
        var model = Read(Tbl(
            3,
            Tr(Tc("A"), Tc("B", Span(2) + VRestart)),
            Tr(Tc("C"), Tc(string.Empty, Span(2) + VContinue)),
            Tr(Tc("D"), Tc("E"), Tc("F"))));

        Assert.Equal(
            [(0, 0, 1, 1, "A"), (0, 1, 2, 2, "B"), (1, 0, 1, 1, "C"), (2, 0, 1, 1, "D"), (2, 1, 1, 1, "E"), (2, 2, 1, 1, "F")],
            Cells(Assert.Single(model.Tables)));
    }

    [Fact]
    public void Grid_before_and_grid_after_shift_and_pad_the_row()
    {
        var model = Read(Tbl(
            4,
            TrP("<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/>", Tc("b"), Tc("c")),
            Tr(Tc("a"), Tc("b"), Tc("c"), Tc("d")),
            TrP("<w:gridBefore w:val=\"2\"/>", Tc("cd", Span(2)))));

        var table = Assert.Single(model.Tables);
        Assert.Equal(4, table.ColumnCount);
        Assert.Equal(
            [(0, 1, 1, 1, "b"), (0, 2, 1, 1, "c"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, "b"), (1, 2, 1, 1, "c"), (1, 3, 1, 1, "d"), (2, 2, 1, 2, "cd")],
            Cells(table));
        Assert.Null(table.CellAt(0, 0));
        Assert.Null(table.CellAt(0, 3));
    }

    [Fact]
    public void Without_a_grid_or_with_a_grid_too_narrow_the_widest_row_gives_the_column_count()
    {
        var noGrid = Read(Tbl(0, Tr(Tc("a"), Tc("b")), Tr(Tc("c"), Tc("d"), Tc("e"))));
        var narrowGrid = Read(Tbl(2, Tr(Tc("a", Span(3)), Tc("b"))));

        Assert.Equal(3, Assert.Single(noGrid.Tables).ColumnCount);
        Assert.Equal(4, Assert.Single(narrowGrid.Tables).ColumnCount);
    }

    [Fact]
    public void A_cell_joins_its_paragraphs_with_newlines_trimming_blank_ones_at_both_ends()
    {
        var model = Read(Tbl(1, Tr(TcX("<w:p/>" + P("产出指标") + "<w:p/>" + PX(R("(30分)") + "<w:r><w:br/></w:r>" + R("含")) + P(" ") + "<w:p/>"))));

        Assert.Equal("产出指标\n\n(30分)\n含", Assert.Single(model.Tables).Rows[0].Cells[0].Text);
    }

    [Fact]
    public void A_nested_table_belongs_to_its_cell_and_is_not_numbered_or_added_to_the_cell_text()
    {
        var model = Read(
            Tbl(2, Tr(TcX(P("外层") + Tbl(2, Tr(Tc("内1"), Tc("内2")))), Tc("右"))) +
            P("说明") +
            Tbl(1, Tr(Tc("第二张表"))));

        var tables = model.Tables.ToList();
        Assert.Equal([1, 2], tables.Select(t => t.TableNumber));
        var outer = tables[0].Rows[0].Cells[0];
        Assert.Equal("外层", outer.Text);
        var nested = Assert.Single(outer.NestedTables);
        Assert.Equal(0, nested.TableNumber);
        Assert.Equal(["内1", "内2"], nested.Rows[0].Cells.Select(c => c.Text));
        Assert.Empty(tables[0].Rows[0].Cells[1].NestedTables);
    }

    [Fact]
    public void Header_rows_are_marked_and_tracked_deleted_rows_are_left_out()
    {
        var model = Read(Tbl(
            2,
            TrP("<w:tblHeader/>", Tc("项目"), Tc("金额")),
            TrP("<w:del w:id=\"1\" w:author=\"a\"/>", Tc("删除的行"), Tc("0")),
            TrP("<w:tblHeader w:val=\"false\"/>", Tc("合计"), Tc("581.79"))));

        var table = Assert.Single(model.Tables);
        Assert.Equal([true, false], table.Rows.Select(r => r.IsHeader));
        Assert.Equal([0, 1], table.Rows.Select(r => r.Index));
        Assert.Equal([(0, 0, 1, 1, "项目"), (0, 1, 1, 1, "金额"), (1, 0, 1, 1, "合计"), (1, 1, 1, 1, "581.79")], Cells(table));
    }

    [Fact]
    public void A_legacy_horizontal_merge_widens_the_cell_on_its_left()
    {
        var model = Read(Tbl(3, Tr(Tc("合并", "<w:hMerge w:val=\"restart\"/>"), Tc(string.Empty, "<w:hMerge/>"), Tc("c"))));

        Assert.Equal([(0, 0, 1, 2, "合并"), (0, 2, 1, 1, "c")], Cells(Assert.Single(model.Tables)));
    }

    [Fact]
    public void List_labels_are_part_of_the_cell_text()
    {
        var model = Read(
            Tbl(1, Tr(TcX(P("数量指标", NumPr(1, 0)) + P("质量指标", NumPr(1, 0))))),
            numbering: DocxNumberingTests.Numbering(("decimal", "%1、")));

        Assert.Equal("1、数量指标\n2、质量指标", Assert.Single(model.Tables).Rows[0].Cells[0].Text);
    }

    [Fact]
    public void A_large_table_streams_with_modest_allocation()
    {
        const int rows = 20_000;
        var xml = new System.Text.StringBuilder(rows * 400);
        xml.Append("<w:tbl>").Append(Grid(8));
        for (var r = 0; r < rows; r++)
        {
            xml.Append("<w:tr>");
            for (var c = 0; c < 8; c++)
            {
                xml.Append("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>")
                    .Append(r).Append('-').Append(c).Append("</w:t></w:r></w:p></w:tc>");
            }

            xml.Append("</w:tr>");
        }

        xml.Append("</w:tbl>");
        var bytes = Build(xml.ToString());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var model = DocxReader.Read(bytes, ReaderLimits.Default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var table = Assert.Single(model.Tables);
        Assert.Equal(rows, table.Rows.Count);
        Assert.Equal(8, table.ColumnCount);
        Assert.Equal("19999-7", table.CellAt(rows - 1, 7)?.Text);

        // The SDK's DOM needs on the order of a gigabyte for such a table; the streaming reader a few tens of MB.
        Assert.True(allocated < 150L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }
}
