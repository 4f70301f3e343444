using PerfEval.Core.Documents;
using PerfEval.Core.Forms;

namespace PerfEval.Core.Tests.Forms;

public sealed class TableViewTests
{
    [Fact]
    public void A_ragged_row_stretches_its_last_leading_cell_over_the_lost_span()
    {
        // Header of 9 columns; a .txt row where the indicator text was merged over 年度指标值 and 实际完成值.
        var header = Row(0, 0, "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差");
        var ragged = Row(1, 2, "社会效益指标", "扶助残疾人平等参与", "5", "4", "");
        var table = new TableBlock(0, 1, [header, ragged], 9);

        var placed = TableView.Place(table, ragged, 3);

        Assert.Equal(2, placed[0].Start);
        Assert.Equal(3, placed[1].Start);
        Assert.Equal(3, placed[1].Span);
        Assert.Equal(6, placed[2].Start);
        Assert.Equal("5", TableView.CellAt(table, 1, placed, 6)!.Text);
        Assert.Same(placed[1].Cell, TableView.CellAt(table, 1, placed, 5));
    }

    [Fact]
    public void A_full_width_row_keeps_its_grid_positions()
    {
        var header = Row(0, 0, "a", "b", "c");
        var row = new TableRow(1, [new TableCell(1, 0, "x", colSpan: 2), new TableCell(1, 2, "y")]);
        var table = new TableBlock(0, 1, [header, row], 3);

        var placed = TableView.Place(table, row, 1);

        Assert.Equal(0, placed[0].Start);
        Assert.Equal(2, placed[0].Span);
        Assert.Equal(2, placed[1].Start);
    }

    private static TableRow Row(int index, int firstColumn, params string[] texts) =>
        new(index, texts.Select((t, i) => new TableCell(index, firstColumn + i, t)).ToList());
}
