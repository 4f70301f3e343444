using PerfEval.Core.Text;

namespace PerfEval.Core.Tests.Text;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("九十九", 99)]
    [InlineData("一百零五", 105)]
    public void Parses_and_formats_section_numbers(string text, int value)
    {
        Assert.Equal(value, ChineseNumerals.Parse(text));
        Assert.Equal(text, ChineseNumerals.Format(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("一是")]
    [InlineData("abc")]
    public void Rejects_what_is_not_a_numeral(string text) => Assert.Null(ChineseNumerals.Parse(text));

    [Fact]
    public void Normalises_full_width_forms_but_not_chinese_punctuation()
    {
        Assert.Equal("(1) 12.5% ab", TextNormalizer.ToHalfWidth("（１）　１２．５％ ａｂ"));
        Assert.Equal("三公经费", TextNormalizer.Key("“三公” 经费："));
    }
}
