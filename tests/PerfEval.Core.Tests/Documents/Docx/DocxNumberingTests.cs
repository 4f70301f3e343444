using PerfEval.Core.Documents;
using PerfEval.Core.Documents.Docx;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

public sealed class DocxNumberingTests
{
    /// <summary>numbering.xml content: abstractNum 0 with the given levels (start 1), and num 1 → abstractNum 0.</summary>
    internal static string Numbering(params (string Format, string Text)[] levels) =>
        AbstractNum(0, levels) + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

    internal static string AbstractNum(int id, (string Format, string Text)[] levels, string extra = "") =>
        $"<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"multilevel\"/>" +
        string.Concat(levels.Select((l, i) =>
            $"<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{l.Format}\"/><w:lvlText w:val=\"{l.Text}\"/><w:suff w:val=\"space\"/></w:lvl>")) +
        extra + "</w:abstractNum>";

    private static readonly (string, string)[] ReportLevels =
    [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
        ("decimal", "（%4）"),
    ];

    [Fact]
    public void Chinese_report_outline_numbering_renders_and_lower_levels_restart()
    {
        var model = Read(
            P("部门概况", NumPr(1, 0)) +
            P("部门职能", NumPr(1, 1)) +
            P("机构情况", NumPr(1, 1)) +
            P("资金管理", NumPr(1, 0)) +
            P("基本支出", NumPr(1, 1)) +
            P("整体收支", NumPr(1, 2)) +
            P("三公经费", NumPr(1, 2)) +
            P("因公出国", NumPr(1, 3)) +
            P("项目支出", NumPr(1, 1)) +
            P("资金安排", NumPr(1, 2)),
            numbering: Numbering(ReportLevels));

        Assert.Equal(
            ["一、", "（一）", "（二）", "二、", "（一）", "1.", "2.", "（1）", "（二）", "1."],
            model.Paragraphs.Select(p => p.ListLabel));
        Assert.Equal("部门概况", model.Paragraphs.First().Text);
        Assert.Equal("一、部门概况", model.Paragraphs.First().DisplayText);
    }

    [Fact]
    public void Chinese_counting_goes_past_ten_the_way_it_is_written()
    {
        var body = string.Concat(Enumerable.Range(1, 23).Select(i => P("第" + i, NumPr(1, 0))));

        var labels = Read(body, numbering: Numbering(ReportLevels)).Paragraphs.Select(p => p.ListLabel).ToList();

        Assert.Equal("九、", labels[8]);
        Assert.Equal("十、", labels[9]);
        Assert.Equal("十一、", labels[10]);
        Assert.Equal("十九、", labels[18]);
        Assert.Equal("二十、", labels[19]);
        Assert.Equal("二十一、", labels[20]);
        Assert.Equal("二十三、", labels[22]);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(15, "十五")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(30, "三十")]
    [InlineData(45, "四十五")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1005, "一千零五")]
    public void Chinese_counting_numbers(int value, string expected)
    {
        Assert.Equal(expected, NumberFormatter.Format(value, "chineseCounting"));
        Assert.Equal(expected, NumberFormatter.Format(value, "chineseCountingThousand"));
    }

    [Fact]
    public void Every_chinese_counting_number_below_one_hundred_is_well_formed()
    {
        const string digits = "一二三四五六七八九";
        for (var n = 1; n < 100; n++)
        {
            var tens = n / 10;
            var ones = n % 10;
            var expected = (tens == 0 ? string.Empty : (tens == 1 ? string.Empty : digits[tens - 1].ToString()) + "十")
                + (ones == 0 ? string.Empty : digits[ones - 1].ToString());
            Assert.Equal(expected, NumberFormatter.Format(n, "chineseCounting"));
        }
    }

    [Theory]
    [InlineData("decimal", 12, "12")]
    [InlineData("decimalZero", 7, "07")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("decimalEnclosedCircle", 1, "①")]
    [InlineData("decimalEnclosedCircle", 20, "⑳")]
    [InlineData("decimalEnclosedCircleChinese", 3, "③")]
    [InlineData("ideographTraditional", 1, "甲")]
    [InlineData("ideographTraditional", 4, "丁")]
    [InlineData("ideographTraditional", 10, "癸")]
    [InlineData("ideographDigital", 10, "一〇")]
    [InlineData("japaneseCounting", 10, "十")]
    [InlineData("japaneseCounting", 100, "百")]
    [InlineData("japaneseCounting", 111, "百十一")]
    [InlineData("chineseLegalSimplified", 12, "壹拾贰")]
    [InlineData("upperLetter", 2, "B")]
    [InlineData("upperLetter", 28, "BB")]
    [InlineData("lowerLetter", 1, "a")]
    [InlineData("upperRoman", 14, "XIV")]
    [InlineData("lowerRoman", 9, "ix")]
    [InlineData("none", 5, "")]
    public void Number_formats(string format, int value, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(value, format));

    [Fact]
    public void Bullets_and_levels_without_text_have_no_label()
    {
        var numbering =
            AbstractNum(0, [("bullet", "\uF0B7"), ("none", string.Empty)]) +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

        var model = Read(P("要点", NumPr(1, 0)) + P("无编号", NumPr(1, 1)) + P("未知列表", NumPr(9, 0)), numbering: numbering);

        Assert.All(model.Paragraphs, p => Assert.Null(p.ListLabel));
        Assert.Equal(3, model.Paragraphs.Count());
    }

    [Fact]
    public void Numbering_comes_from_the_paragraph_style_and_num_id_zero_removes_it()
    {
        const string styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Derived\"><w:name w:val=\"Derived\"/><w:basedOn w:val=\"ListNumber\"/></w:style>";

        var model = Read(
            P("甲", "<w:pStyle w:val=\"ListNumber\"/>") +
            P("乙", "<w:pStyle w:val=\"Derived\"/>") +
            P("不编号", "<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>") +
            P("丙", "<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>"),
            numbering: Numbering(("decimal", "%1."), ("decimal", "（%2）")),
            styles: styles);

        Assert.Equal(["1.", "2.", null, "（1）"], model.Paragraphs.Select(p => p.ListLabel));
    }

    [Fact]
    public void Heading_styles_linked_to_a_multilevel_list_take_the_level_whose_pstyle_they_are()
    {
        const string styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Heading1\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";
        const string numbering =
            "<w:abstractNum w:abstractNumId=\"0\">" +
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"Heading1\"/><w:lvlText w:val=\"%1、\"/></w:lvl>" +
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"Heading2\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>" +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

        var model = Read(
            P("部门概况", "<w:pStyle w:val=\"Heading1\"/>") +
            P("部门职能", "<w:pStyle w:val=\"Heading2\"/>") +
            P("资金管理", "<w:pStyle w:val=\"Heading1\"/>"),
            numbering: numbering,
            styles: styles);

        Assert.Equal(["一、", "（一）", "二、"], model.Paragraphs.Select(p => p.ListLabel));
        Assert.Equal([1, 2, 1], model.Paragraphs.Select(p => p.OutlineLevel));
    }

    [Fact]
    public void A_start_override_restarts_the_shared_list_and_instances_share_counters()
    {
        var numbering =
            AbstractNum(0, [("decimal", "%1.")]) +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>" +
            "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>" +
            "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>" +
            "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>";

        var model = Read(
            P("a", NumPr(1, 0)) + P("b", NumPr(1, 0)) +
            P("c", NumPr(2, 0)) + P("d", NumPr(1, 0)) + P("e", NumPr(3, 0)) +
            P("f", NumPr(4, 0)) + P("g", NumPr(4, 0)),
            numbering: numbering);

        Assert.Equal(["1.", "2.", "1.", "2.", "3.", "5.", "6."], model.Paragraphs.Select(p => p.ListLabel));
    }

    [Fact]
    public void Lvl_restart_zero_keeps_a_level_counting_across_higher_levels()
    {
        var numbering = AbstractNum(0, [("chineseCounting", "%1、")]).Replace("</w:abstractNum>", string.Empty, StringComparison.Ordinal) +
            "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2)\"/></w:lvl>" +
            "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

        var model = Read(P("a", NumPr(1, 0)) + P("b", NumPr(1, 1)) + P("c", NumPr(1, 0)) + P("d", NumPr(1, 1)), numbering: numbering);

        Assert.Equal(["一、", "1)", "二、", "2)"], model.Paragraphs.Select(p => p.ListLabel));
    }

    [Fact]
    public void Multi_level_text_and_legal_numbering_use_each_levels_counter()
    {
        var numbering = AbstractNum(0, [("chineseCounting", "第%1章"), ("decimal", "%1.%2")])
            .Replace("<w:lvlText w:val=\"%1.%2\"/>", "<w:isLgl/><w:lvlText w:val=\"%1.%2\"/>", StringComparison.Ordinal) +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

        var model = Read(P("总则", NumPr(1, 0)) + P("适用范围", NumPr(1, 1)) + P("职责", NumPr(1, 0)) + P("分工", NumPr(1, 1)), numbering: numbering);

        Assert.Equal(["第一章", "1.1", "第二章", "2.1"], model.Paragraphs.Select(p => p.ListLabel));
    }

    [Fact]
    public void A_word_2010_custom_format_falls_back_to_the_standard_one()
    {
        const string numbering =
            "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>" +
            "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:numFmt w:val=\"custom\" w:format=\"01, 02, 03, ...\"/></mc:Choice>" +
            "<mc:Fallback><w:numFmt w:val=\"decimalZero\"/></mc:Fallback></mc:AlternateContent>" +
            "<w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

        var model = Read(P("x", NumPr(1, 0)), numbering: numbering);

        Assert.Equal("01", Assert.Single(model.Paragraphs).ListLabel);
    }

    [Fact]
    public void Empty_numbered_paragraphs_are_kept_with_their_label_and_advance_the_counter()
    {
        var model = Read(P("a", NumPr(1, 0)) + PX(string.Empty, NumPr(1, 0)) + P("c", NumPr(1, 0)), numbering: Numbering(ReportLevels));

        Assert.Equal(["一、", "二、", "三、"], model.Paragraphs.Select(p => p.ListLabel));
        Assert.Equal(string.Empty, model.Paragraphs.ElementAt(1).Text);
    }
}
