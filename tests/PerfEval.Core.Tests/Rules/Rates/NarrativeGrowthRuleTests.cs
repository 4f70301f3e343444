using PerfEval.Core.Documents;
using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Rates;

namespace PerfEval.Core.Tests.Rules.Rates;

public sealed class NarrativeGrowthRuleTests
{
    private static List<Finding> Run(string sentence)
    {
        var paragraphs = new[] { new ParagraphBlock(1, "一、部门整体支出情况"), new ParagraphBlock(2, sentence) };
        var report = ReportRecognizer.Recognize(FormKind.DepartmentReport, "2023年度部门整体支出绩效自评报告", null, paragraphs, null);
        return new NarrativeGrowthRule().Evaluate(new Submission { Forms = [report], Year = 2023 }).ToList();
    }

    [Fact]
    public void Reports_error_when_the_growth_does_not_follow_the_two_years()
    {
        var f = Assert.Single(Run("2023年度基本支出353.08万元，较2022年度基本支出300.00万元增长15.00%。"));

        Assert.Equal("rate.growth", f.Rule);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(17.69m, f.Expected);
        Assert.Equal(15m, f.Actual);
        Assert.Equal(2, f.Location.Paragraph);
        Assert.Contains("17.69%", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_last_year_named_as_上年()
    {
        var f = Assert.Single(Run("2023年度公用经费27.00万元，较上年30.00万元下降20%。"));

        Assert.Equal(10m, f.Expected);
        Assert.Equal(20m, f.Actual);
    }

    [Theory]
    [InlineData("2023年度基本支出353.08万元，较2022年度基本支出300.00万元增长17.69%。")]
    [InlineData("2023年度基本支出353.08万元，较2022年度基本支出300.00万元增长17.7%。")]
    [InlineData("2023年度公用经费27.00万元，较上年30.00万元下降10%。")]
    public void Is_silent_when_the_growth_is_the_rounded_change(string sentence) => Assert.Empty(Run(sentence));

    [Theory]
    [InlineData("残保金征收入库888万元，比2022年增长11.67%。")]
    [InlineData("2023年度基本支出353.08万元，人员经费306.34万元，增长15%。")]
    public void Is_silent_when_the_base_year_figure_is_not_given(string sentence) => Assert.Empty(Run(sentence));
}
