using PerfEval.Core.Documents;
using PerfEval.Core.Tests.Support;

namespace PerfEval.Core.Tests.Documents.Docx;

/// <summary>The real seed submission (sample-docs/2023-miluo-disabled-federation.docx), as a reviewer would check it.</summary>
public sealed class DocxSeedTests
{
    private static readonly Lazy<DocumentModel> Seed = new(() =>
        DocumentLoader.Load(File.ReadAllBytes(Samples.PathOf(Samples.Seed + ".docx")), Samples.Seed + ".docx"));

    private static DocumentModel Model => Seed.Value;

    private static TableBlock Table(int number) => Model.Tables.Single(t => t.TableNumber == number);

    [Fact]
    public void Three_top_level_tables_come_before_the_report_text()
    {
        var tables = Model.Tables.ToList();
        var reportStart = Model.Paragraphs.First(p => p.Text == "一、部门概况");

        Assert.Equal([1, 2, 3], tables.Select(t => t.TableNumber));
        Assert.All(tables, t => Assert.True(t.Index < reportStart.Index));
        Assert.All(tables, t => Assert.Equal(1, t.SourceTableCount));
        Assert.Equal(Enumerable.Range(0, Model.Blocks.Count), Model.Blocks.Select(b => b.Index));
        Assert.Empty(Model.Warnings);
    }

    [Fact]
    public void The_tables_follow_their_titles()
    {
        var titleOfTable2 = Model.Blocks[Table(2).Index - 1];

        Assert.Equal("2023年度部门整体支出绩效自评表", Assert.IsType<ParagraphBlock>(titleOfTable2).Text);
        Assert.Equal(2, ((ParagraphBlock)titleOfTable2).OutlineLevel);
        Assert.Equal("Heading2", ((ParagraphBlock)titleOfTable2).Style);
    }

    [Fact]
    public void The_overall_expenditure_table_has_nine_grid_columns_and_the_annual_funds_row()
    {
        var table = Table(2);
        Assert.Equal(9, table.ColumnCount);
        Assert.Equal(31, table.Rows.Count);
        Assert.Equal("汨罗市残疾人联合会", table.CellAt(0, 1)?.Text);

        var row = table.Rows.Single(r => r.Cells.Any(c => c.Text == "年度资金总额"));
        var byColumn = row.Cells.ToDictionary(c => c.Column, c => c.Text);
        Assert.Equal("581.79", byColumn[3]);
        Assert.Equal("581.79", byColumn[4]);
        Assert.Equal("1005.67", byColumn[5]);
        Assert.Equal("172.85%", byColumn[7]);
        Assert.Equal("年度预算申请(万元)", table.CellAt(row.Index, 0)?.Text);
    }

    [Fact]
    public void The_indicator_block_keeps_its_vertical_merges()
    {
        var table = Table(2);

        var indicators = table.CellAt(10, 0);
        Assert.NotNull(indicators);
        Assert.Equal("绩效指标", indicators.Text);
        Assert.Equal((10, 20), (indicators.Row, indicators.RowSpan));
        Assert.Same(indicators, table.CellAt(29, 0));
        Assert.NotSame(indicators, table.CellAt(30, 0));

        var output = table.CellAt(11, 1);
        Assert.NotNull(output);
        Assert.Equal("产出指标\n(30分)", output.Text);
        Assert.Equal((11, 11), (output.Row, output.RowSpan));
        Assert.Same(output, table.CellAt(21, 1));
        Assert.Equal("效益指标(30分)", table.CellAt(22, 1)?.Text);

        Assert.Equal("数量指标", table.CellAt(19, 2)?.Text);
        Assert.Equal("150户", table.CellAt(11, 4)?.Text);
        Assert.Equal("98", table.CellAt(30, 7)?.Text);
        Assert.Equal(6, table.CellAt(30, 0)?.ColSpan);
    }

    [Fact]
    public void The_basic_data_table_has_its_merged_header_cells()
    {
        var table = Table(1);

        Assert.Equal(7, table.ColumnCount);
        Assert.Equal("财政供养人员情况(人)", table.CellAt(1, 0)?.Text);
        Assert.Equal("2023年实际在职\n人数", table.CellAt(0, 4)?.Text);
        Assert.Equal("30", table.CellAt(1, 3)?.Text);
        Assert.Equal("楼堂馆所控制情况\n(2023年完工项目)", table.CellAt(21, 0)?.Text);
    }

    [Fact]
    public void The_report_text_reads_as_written()
    {
        var texts = Model.Paragraphs.Select(p => p.Text).ToList();

        Assert.Contains("一、部门概况", texts);
        Assert.Contains("（一）部门职能概述", texts);
        Assert.Contains("五、存在的主要问题 ", texts);
        Assert.Contains(texts, t => t.StartsWith("根据部门整体支出绩效评价参考指标，我单位此次评价分为98分", StringComparison.Ordinal));
        Assert.All(Model.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p.DisplayText)));
        Assert.All(Model.Paragraphs, p => Assert.Null(p.ListLabel));
    }
}
