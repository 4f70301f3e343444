using PerfEval.Core.Forms;

namespace PerfEval.Core.Tests.Forms;

public sealed class SectionMarkersTests
{
    [Theory]
    [InlineData("一、部门概况", "一、", NumberingStyle.Chinese, 1)]
    [InlineData("一 、项目支出基本情况", "一 、", NumberingStyle.Chinese, 1)]
    [InlineData("十二、其他", "十二、", NumberingStyle.Chinese, 12)]
    [InlineData("（二）项目支出", "（二）", NumberingStyle.ChineseParen, 2)]
    [InlineData("(二）项目资金使用管理情况。", "(二）", NumberingStyle.ChineseParen, 2)]
    [InlineData("1、整体收支情况。", "1、", NumberingStyle.Arabic, 1)]
    [InlineData("3．因公出国（境）费用", "3．", NumberingStyle.Arabic, 3)]
    [InlineData(" 1、项目资金安排", "1、", NumberingStyle.Arabic, 1)]
    [InlineData("(1) 项目支出概况。", "(1)", NumberingStyle.ArabicParen, 1)]
    [InlineData("（3） 年度重点工作计划", "（3）", NumberingStyle.ArabicParen, 3)]
    public void Recognises_the_four_numbering_styles_as_typed(string text, string label, NumberingStyle style, int number)
    {
        var m = SectionMarkers.Match(text);

        Assert.NotNull(m);
        Assert.Equal(label, m.Value.Label);
        Assert.Equal(style, m.Value.Style);
        Assert.Equal(number, m.Value.Number);
    }

    [Theory]
    [InlineData("2023年度市级投入残疾人就业保障金共计221万元")]
    [InlineData("1.82万人完成更新")]
    [InlineData("一是选定机构。")]
    [InlineData("评价原则：实事求是的原则")]
    public void Does_not_take_figures_or_enumerations_for_section_numbers(string text) => Assert.Null(SectionMarkers.Match(text));
}
