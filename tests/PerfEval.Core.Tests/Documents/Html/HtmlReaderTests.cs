using System.Text;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Html;

public sealed class HtmlReaderTests
{
    static HtmlReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static DocumentModel Read(string html) => HtmlReader.Read(Encoding.UTF8.GetBytes(html));

    private static List<(int Row, int Column, int RowSpan, int ColSpan, string Text)> Cells(TableBlock table) =>
        table.Rows.SelectMany(r => r.Cells).Select(c => (c.Row, c.Column, c.RowSpan, c.ColSpan, c.Text)).ToList();

    [Fact]
    public void Rowspan_and_colspan_are_placed_on_the_grid()
    {
        var model = Read("""
            <table>
              <tr><td rowspan="3">A</td><td colspan="2">B</td><td>C</td></tr>
              <tr><td>D</td><td rowspan="2">E</td><td>F</td></tr>
              <tr><td>G</td><td>H</td></tr>
              <tr><td colspan="4">I</td></tr>
            </table>
            """);

        var table = Assert.Single(model.Tables);
        Assert.Equal(4, table.ColumnCount);
        Assert.Equal(
            [
                (0, 0, 3, 1, "A"), (0, 1, 1, 2, "B"), (0, 3, 1, 1, "C"),
                (1, 1, 1, 1, "D"), (1, 2, 2, 1, "E"), (1, 3, 1, 1, "F"),
                (2, 1, 1, 1, "G"), (2, 3, 1, 1, "H"),
                (3, 0, 1, 4, "I"),
            ],
            Cells(table));
        Assert.Equal("E", table.CellAt(2, 2)?.Text);
        Assert.Equal("A", table.CellAt(2, 0)?.Text);
    }

    [Fact]
    public void Rowspans_stop_at_the_end_of_their_row_group_and_rowspan_zero_spans_to_it()
    {
        var model = Read("""
            <table>
              <thead><tr><th rowspan="5">H</th><th>x</th></tr><tr><th>y</th></tr></thead>
              <tbody><tr><td rowspan="0">Z</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
            </table>
            """);

        var table = Assert.Single(model.Tables);
        Assert.Equal([true, true, false, false, false], table.Rows.Select(r => r.IsHeader));
        Assert.Equal(
            [(0, 0, 2, 1, "H"), (0, 1, 1, 1, "x"), (1, 1, 1, 1, "y"), (2, 0, 3, 1, "Z"), (2, 1, 1, 1, "1"), (3, 1, 1, 1, "2"), (4, 1, 1, 1, "3")],
            Cells(table));
    }

    [Fact]
    public void Nested_tables_belong_to_their_cell()
    {
        var model = Read("""
            <p>前言</p>
            <table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table>尾</td><td>右</td></tr></table>
            <table><tr><td>第二个表</td></tr></table>
            """);

        var tables = model.Tables.ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal([1, 2], tables.Select(t => t.TableNumber));
        var outer = tables[0].Rows[0].Cells[0];
        Assert.Equal("外\n尾", outer.Text);
        var nested = Assert.Single(outer.NestedTables);
        Assert.Equal(0, nested.TableNumber);
        Assert.Equal(["内1", "内2"], nested.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("右", tables[0].Rows[0].Cells[1].Text);
        Assert.Equal(["前言"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Script_in_a_cell_is_dropped_but_escaped_markup_is_literal_text()
    {
        var model = Read("""
            <html><head><script>document.write('x')</script><style>td{color:red}</style></head><body>
            <table><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;<script>alert(2)</script><noscript>无脚本</noscript></td></tr></table>
            </body></html>
            """);

        var cell = Assert.Single(Assert.Single(model.Tables).Rows[0].Cells);
        Assert.Equal("<script>alert(1)</script>", cell.Text);
        Assert.Empty(model.Paragraphs);
    }

    [Fact]
    public void Line_breaks_and_paragraphs_inside_cells_become_newlines()
    {
        var model = Read("<table><tr><td>年初<br>预算数</td><td><p>第一段</p><p>&nbsp;</p><p>第三段</p></td><td>\n  <p>单段</p>\n</td></tr></table>");

        Assert.Equal(["年初\n预算数", "第一段\n\n第三段", "单段"], Assert.Single(model.Tables).Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Gb2312_page_declared_in_meta_is_decoded()
    {
        const string Html = """
            <html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>
            <body><p>汨罗市残疾人联合会</p><table><tr><td>年度资金总额</td><td>581.79</td></tr></table></body></html>
            """;
        var model = HtmlReader.Read(Encoding.GetEncoding("GB2312").GetBytes(Html));

        Assert.Equal("汨罗市残疾人联合会", Assert.Single(model.Paragraphs).Text);
        Assert.Equal(["年度资金总额", "581.79"], Assert.Single(model.Tables).Rows[0].Cells.Select(c => c.Text));
        Assert.Empty(model.Warnings);
    }

    [Fact]
    public void Meta_charset_attribute_is_honoured_and_big5_is_not_mistaken_for_gbk()
    {
        const string Html = "<html><head><meta charset=\"big5\"></head><body><p>部門整體支出績效自評報告</p></body></html>";
        var model = HtmlReader.Read(Encoding.GetEncoding(950).GetBytes(Html));

        Assert.Equal("部門整體支出績效自評報告", Assert.Single(model.Paragraphs).Text);
    }

    [Fact]
    public void Undeclared_gbk_page_is_detected_and_utf8_beats_a_wrong_declaration()
    {
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("<html><body><p>部门整体支出绩效自评报告</p></body></html>");
        Assert.Equal("部门整体支出绩效自评报告", Assert.Single(HtmlReader.Read(gbk).Paragraphs).Text);

        var mislabelled = Encoding.UTF8.GetBytes("<html><head><meta charset=gbk></head><body><p>部门整体支出绩效自评报告</p></body></html>");
        Assert.Equal("部门整体支出绩效自评报告", Assert.Single(HtmlReader.Read(mislabelled).Paragraphs).Text);
    }

    [Fact]
    public void Word_web_page_heading_keeps_its_numbering_as_list_label()
    {
        var model = Read("""
            <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
            <head><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>
            <body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
            <h1 style='margin-left:0cm;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US
            style='mso-fareast-font-family:宋体'><span style='mso-list:Ignore'>一、<span
            style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
            style='font-family:宋体'>部门概况<o:p></o:p></span></h1>
            <p class=MsoListParagraph style='mso-list:l1 level2 lfo2;mso-outline-level:2'><![if !supportLists]><span
            style='mso-list:Ignore'>（一）</span><![endif]>部门职能概述</p>
            <p class=MsoNormal><span style='font-family:宋体'>本单位</span><span lang=EN-US>2023</span><span
            style='font-family:宋体'>年度基本支出</span><span style='display:none;mso-hide:all'>隐藏</span></p>
            <p class=MsoNormal><o:p>&nbsp;</o:p></p>
            </div></body></html>
            """);

        var paragraphs = model.Paragraphs.ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(("一、", "部门概况", 1), (paragraphs[0].ListLabel, paragraphs[0].Text, paragraphs[0].OutlineLevel));
        Assert.Equal("一、部门概况", paragraphs[0].DisplayText);
        Assert.Equal(("（一）", "部门职能概述", 2, "MsoListParagraph"), (paragraphs[1].ListLabel, paragraphs[1].Text, paragraphs[1].OutlineLevel, paragraphs[1].Style));
        Assert.Equal("本单位2023年度基本支出", paragraphs[2].Text); // adjacent spans, no white space between them
        Assert.Null(paragraphs[2].ListLabel);
        Assert.Equal("MsoNormal", paragraphs[2].Style);
    }

    [Fact]
    public void Ordered_lists_get_simple_labels_and_unordered_lists_none()
    {
        var model = Read("""
            <ol start="3"><li>三</li><li>四<ul><li>要点</li></ul></li><li value="9">九</li></ol>
            <ol type="a"><li>甲</li><li>乙</li></ol>
            <ol type="I"><li>罗马一</li><li>罗马二</li><li>罗马三</li><li>罗马四</li></ol>
            """);

        Assert.Equal(
            [("3.", "三"), ("4.", "四"), (null, "要点"), ("9.", "九"), ("a.", "甲"), ("b.", "乙"), ("I.", "罗马一"), ("II.", "罗马二"), ("III.", "罗马三"), ("IV.", "罗马四")],
            model.Paragraphs.Select(p => (p.ListLabel, p.Text)));
    }

    [Fact]
    public void Headings_divs_and_loose_text_are_paragraphs_in_document_order()
    {
        var model = Read("<body>开头<h2>标题</h2><div>甲<div>乙</div>丙</div><p>第一行<br>第二行</p>结尾</body>");

        Assert.Equal(["开头", "标题", "甲", "乙", "丙", "第一行\n第二行", "结尾"], model.Paragraphs.Select(p => p.Text));
        Assert.Equal(2, model.Paragraphs.ElementAt(1).OutlineLevel);
        for (var i = 0; i < model.Blocks.Count; i++)
        {
            Assert.Equal(i, model.Blocks[i].Index);
        }
    }

    [Fact]
    public void Ragged_rows_and_hostile_spans_stay_bounded()
    {
        var model = Read("<table><tr><td colspan=\"99999\">宽</td></tr><tr><td rowspan=\"99999\">高</td><td>x</td></tr><tr><td>y</td></tr></table>");
        var table = Assert.Single(model.Tables);

        Assert.Equal(1000, table.ColumnCount);
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal((2, 1), (table.Rows[2].Cells[0].Row, table.Rows[2].Cells[0].Column));
    }

    [Fact]
    public void Deeply_nested_markup_does_not_overflow()
    {
        var html = new StringBuilder("<body>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<div><span>");
        }

        html.Append("深处的文字");
        var model = Read(html.ToString());

        Assert.Contains(model.Paragraphs, p => p.Text.Contains("深处的文字", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_without_text_is_refused_as_empty()
    {
        var error = Assert.Throws<DocumentReadException>(() => Read("<html><head><title>t</title></head><body><script>x()</script></body></html>"));
        Assert.Equal(ReadErrorCodes.Empty, error.Code);
    }

    [Fact]
    public void The_loader_sniffs_and_reads_a_word_web_page()
    {
        const string Html = """
            <html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>
            <body><p class=MsoNormal>附件2</p><table class=MsoNormalTable border=1><tr><td rowspan=2><p class=MsoNormal>年度预算申请</p></td><td><p>年初预算数</p></td></tr><tr><td><p>581.79</p></td></tr></table></body></html>
            """;
        var model = DocumentLoader.Load(Encoding.GetEncoding("GB2312").GetBytes(Html), "报告.htm");

        Assert.Equal(SourceFormat.Html, model.Format);
        Assert.Equal("附件2", Assert.Single(model.Paragraphs).Text);
        var table = Assert.Single(model.Tables);
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal((1, 1, "581.79"), (table.Rows[1].Cells[0].Row, table.Rows[1].Cells[0].Column, table.Rows[1].Cells[0].Text));
    }
}
