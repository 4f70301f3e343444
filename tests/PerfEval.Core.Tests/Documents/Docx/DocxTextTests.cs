using PerfEval.Core.Documents;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

public sealed class DocxTextTests
{
    private static ParagraphBlock Single(string body) => Assert.IsType<ParagraphBlock>(Assert.Single(Read(body).Blocks));

    [Fact]
    public void Runs_are_concatenated_with_tabs_soft_breaks_and_hyphens()
    {
        var p = Single(PX(
            "<w:r><w:t>部门</w:t></w:r><w:r><w:t xml:space=\"preserve\">概况 </w:t><w:tab/><w:t>A</w:t></w:r>" +
            "<w:r><w:br/><w:t>B</w:t><w:cr/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t></w:r>"));

        Assert.Equal("部门概况 \tA\nB\nC-D", p.Text);
        Assert.Null(p.ListLabel);
    }

    [Fact]
    public void Symbols_of_symbol_fonts_become_the_characters_they_show()
    {
        var p = Single(PX(
            "<w:r><w:t>是</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/><w:t>否</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0A8\"/></w:r>" +
            "<w:r><w:sym w:font=\"Wingdings 2\" w:char=\"F052\"/><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:t>95%</w:t></w:r>"));

        Assert.Equal("是☑否□☑≥95%", p.Text);
    }

    [Fact]
    public void A_page_break_separates_text_but_never_leads_or_trails_a_paragraph()
    {
        var model = Read(
            PX("<w:r><w:br w:type=\"page\"/></w:r><w:r><w:t>一、部门概况</w:t></w:r>") +
            PX("<w:r><w:t>上</w:t><w:br w:type=\"page\"/><w:t>下</w:t><w:br w:type=\"page\"/></w:r>"));

        Assert.Equal(["一、部门概况", "上\n下"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Tracked_insertions_and_move_destinations_are_kept_deletions_and_move_sources_are_not()
    {
        var p = Single(PX(
            "<w:r><w:t>预算执行率</w:t></w:r>" +
            "<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>为</w:t></w:r></w:ins>" +
            "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>约</w:delText></w:r></w:del>" +
            "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>（旧位置）</w:t></w:r></w:moveFrom>" +
            "<w:r><w:t>98%</w:t></w:r>" +
            "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>（新位置）</w:t></w:r></w:moveTo>"));

        Assert.Equal("预算执行率为98%（新位置）", p.Text);
    }

    [Fact]
    public void A_paragraph_whose_mark_was_deleted_runs_on_into_the_next_one()
    {
        var model = Read(
            P("这是被", "<w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr>") +
            P("合并的段落") +
            PX("<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>整段删除</w:delText></w:r></w:del>", "<w:rPr><w:del w:id=\"3\" w:author=\"a\"/></w:rPr>") +
            P("下一段"));

        Assert.Equal(["这是被合并的段落", "下一段"], model.Paragraphs.Select(p => p.Text));
        Assert.Equal([0, 1], model.Blocks.Select(b => b.Index));
    }

    [Fact]
    public void Fields_show_their_result_not_their_instruction()
    {
        var p = Single(PX(
            "<w:r><w:t>第</w:t></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
            "<w:r><w:t>页，</w:t></w:r>" +
            "<w:fldSimple w:instr=\" DATE \\@ &quot;yyyy年&quot; \"><w:r><w:t>2024年</w:t></w:r></w:fldSimple>"));

        Assert.Equal("第7页，2024年", p.Text);
    }

    [Fact]
    public void A_field_nested_in_another_fields_instruction_shows_only_the_outer_result()
    {
        var p = Single(PX(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> IF </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> MERGEFIELD 得分 </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>«得分»</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
            "<w:r><w:instrText xml:space=\"preserve\"> &gt; 90 \"优\" \"良\" </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>优</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"));

        Assert.Equal("优", p.Text);
    }

    [Fact]
    public void A_legacy_check_box_field_shows_as_a_ticked_or_empty_box()
    {
        var box = (bool isChecked) =>
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/>" +
            (isChecked ? "<w:checked/>" : string.Empty) + "</w:checkBox></w:ffData></w:fldChar></w:r>" +
            "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

        var p = Single(PX(box(true) + R("是 ") + box(false) + R("否")));

        Assert.Equal("☒是 ☐否", p.Text);
    }

    [Fact]
    public void An_unterminated_field_in_a_cell_does_not_swallow_the_text_after_the_table()
    {
        var model = Read(
            Tbl(1, Tr(TcX(PX("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>")))) +
            P("表后文字"));

        Assert.Equal("表后文字", Assert.Single(model.Paragraphs).Text);
    }

    [Fact]
    public void Content_controls_are_read_at_block_run_row_and_cell_level()
    {
        var model = Read(
            "<w:sdt><w:sdtPr><w:alias w:val=\"单位\"/></w:sdtPr><w:sdtContent>" + P("单位名称：") + "</w:sdtContent></w:sdt>" +
            PX(R("填报人：") + "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>张三</w:t></w:r></w:sdtContent></w:sdt>") +
            Tbl(
                2,
                Tr(Tc("项目"), "<w:sdt><w:sdtContent>" + Tc("金额") + "</w:sdtContent></w:sdt>"),
                "<w:sdt><w:sdtContent>" + Tr(Tc("合计"), Tc("581.79")) + "</w:sdtContent></w:sdt>"));

        Assert.Equal(["单位名称：", "填报人：张三"], model.Paragraphs.Select(p => p.Text));
        var table = Assert.Single(model.Tables);
        Assert.Equal(["项目", "金额", "合计", "581.79"], table.Rows.SelectMany(r => r.Cells).Select(c => c.Text));
        Assert.Equal("581.79", table.CellAt(1, 1)?.Text);
    }

    [Fact]
    public void Hyperlinks_smart_tags_and_custom_xml_contribute_their_runs()
    {
        var p = Single(PX(
            "<w:hyperlink r:id=\"rId9\"><w:r><w:t>财政局</w:t></w:r></w:hyperlink>" +
            "<w:smartTag w:uri=\"u\" w:element=\"date\"><w:r><w:t>2024年</w:t></w:r></w:smartTag>" +
            "<w:customXml w:element=\"x\"><w:r><w:t>通知</w:t></w:r></w:customXml>"));

        Assert.Equal("财政局2024年通知", p.Text);
    }

    [Fact]
    public void Notes_comments_math_and_deleted_instruction_text_are_not_part_of_the_text()
    {
        var p = Single(PX(
            "<w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>" +
            "<w:commentRangeStart w:id=\"0\"/><w:r><w:t>批注范围</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>" +
            "<w:r><w:commentReference w:id=\"0\"/></w:r><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>"));

        Assert.Equal("正文批注范围", p.Text);
    }

    [Fact]
    public void Text_box_paragraphs_follow_their_anchor_paragraph_once_even_with_a_fallback_copy()
    {
        const string box = "<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>";
        var model = Read(
            PX("<w:r><w:t>正文段落</w:t></w:r><w:r><mc:AlternateContent>" +
               "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" + box +
               "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
               "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback>" +
               "</mc:AlternateContent></w:r>") +
            P("后续段落"));

        Assert.Equal(["正文段落", "文本框内容", "后续段落"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Blank_paragraphs_between_blocks_are_skipped_and_indices_follow_the_blocks()
    {
        var model = Read(P("甲") + "<w:p/>" + P("  \u3000 ") + Tbl(1, Tr(Tc("表"))) + P(string.Empty) + P("乙"));

        Assert.Equal([0, 1, 2], model.Blocks.Select(b => b.Index));
        Assert.IsType<TableBlock>(model.Blocks[1]);
        Assert.Equal(["甲", "乙"], model.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void An_alt_chunk_is_skipped_with_a_warning_in_chinese()
    {
        var model = Read(P("前") + "<w:altChunk r:id=\"rId5\"/>" + P("后"));

        Assert.Equal(["前", "后"], model.Paragraphs.Select(p => p.Text));
        var warning = Assert.Single(model.Warnings);
        Assert.Contains("altChunk", warning, StringComparison.Ordinal);
        Assert.Contains("另存为", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_that_slipped_into_the_xml_are_removed()
    {
        var p = Single(PX("<w:r><w:t>金&#x1;额&#xB;</w:t></w:r>"));

        Assert.Equal("金额", p.Text);
    }

    [Fact]
    public void Heading_levels_come_from_outline_levels_along_the_style_chain_or_heading_names()
    {
        const string styles =
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"我的标题\"/><w:basedOn w:val=\"1\"/></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"a5\"><w:name w:val=\"标题 2\"/><w:basedOn w:val=\"Normal\"/></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"1\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>";
        var model = Read(
            P("一、部门概况", "<w:pStyle w:val=\"1\"/>") +
            P("（一）部门职能", "<w:pStyle w:val=\"a5\"/>") +
            P("派生标题", "<w:pStyle w:val=\"MyHeading\"/>") +
            P("大纲级别三", "<w:outlineLvl w:val=\"2\"/>") +
            P("正文", "<w:pStyle w:val=\"Body\"/>") +
            P("无样式"),
            styles: styles);

        Assert.Equal([1, 2, 1, 3, null, null], model.Paragraphs.Select(p => p.OutlineLevel));
        Assert.Equal(["1", "a5", "MyHeading", null, "Body", null], model.Paragraphs.Select(p => p.Style));
    }

    [Fact]
    public void Without_a_styles_part_a_heading_style_id_still_gives_the_level()
    {
        var p = Single(P("标题", "<w:pStyle w:val=\"Heading3\"/>"));

        Assert.Equal(3, p.OutlineLevel);
        Assert.Equal("Heading3", p.Style);
    }
}
