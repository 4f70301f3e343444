using PerfEval.Core.Values;

namespace PerfEval.Core.Tests.Values;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("150户", 150, 0, "户", Comparator.Equal)]
    [InlineData("≥30人", 30, 0, "人", Comparator.AtLeast)]
    [InlineData("≥95%", 95, 0, "%", Comparator.AtLeast)]
    [InlineData("172.85%", 172.85, 2, "%", Comparator.Equal)]
    [InlineData("581.79", 581.79, 2, null, Comparator.Equal)]
    [InlineData("1.82万人", 1.82, 2, "万人", Comparator.Equal)]
    [InlineData("≤1500元", 1500, 0, "元", Comparator.AtMost)]
    [InlineData("400余件", 400, 0, "件", Comparator.MoreThan)]
    [InlineData("不低于95%", 95, 0, "%", Comparator.AtLeast)]
    [InlineData("95%以上", 95, 0, "%", Comparator.AtLeast)]
    [InlineData("３０", 30, 0, null, Comparator.Equal)]
    [InlineData("１２.５％", 12.5, 1, "%", Comparator.Equal)]
    [InlineData("1,234.50万元", 1234.50, 2, "万元", Comparator.Equal)]
    [InlineData("350人/次", 350, 0, "人次", Comparator.Equal)]
    [InlineData("约 20 家", 20, 0, "家", Comparator.About)]
    public void Reads_figure_precision_unit_and_comparator(string raw, double number, int decimals, string? unit, Comparator comparator)
    {
        var m = ValueParser.Parse(raw);

        Assert.Equal((decimal)number, m.Number);
        Assert.Equal(decimals, m.Decimals);
        Assert.Equal(unit, m.Unit);
        Assert.Equal(comparator, m.Comparator);
        Assert.Equal(raw, m.Raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    [InlineData("/")]
    public void Keeps_blanks_blank_not_zero(string raw)
    {
        var m = ValueParser.Parse(raw);

        Assert.True(m.IsBlank);
        Assert.Null(m.Number);
    }

    [Theory]
    [InlineData("明显改善")]
    [InlineData("全体残疾朋友")]
    [InlineData("长期")]
    [InlineData("3：扶残助学")]
    [InlineData("2023年度部门整体支出")]
    public void Words_are_qualitative(string raw)
    {
        var m = ValueParser.Parse(raw);

        Assert.Equal(ValueKind.Qualitative, m.Kind);
        Assert.Null(m.Number);
    }

    [Fact]
    public void Percent_is_its_own_kind_and_ten_thousands_scale_to_the_base_unit()
    {
        Assert.Equal(ValueKind.Percent, ValueParser.Parse("100%").Kind);
        var people = ValueParser.Parse("1.82万人");
        Assert.Equal(18200m, people.BaseValue);
        Assert.Equal("人", people.Scale.BaseUnit);
        Assert.Equal(0.005m, people.HalfUlp);
    }

    [Fact]
    public void Reads_the_amount_after_a_label()
    {
        var m = ValueParser.ParseAfterLabel("其中：一般公共预算：581.79", out var label);

        Assert.Equal(581.79m, m.Number);
        Assert.Equal("其中：一般公共预算", label);

        var none = ValueParser.ParseAfterLabel("按收入性质分：", out var head);
        Assert.True(none.IsBlank);
        Assert.Equal("按收入性质分", head);
    }
}
