using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Rates;

namespace PerfEval.Core.Tests.Rules.Rates;

/// <summary>人员经费 306.34 of 基本支出 353.08 is 86.7622%; 公用经费 46.74 is 13.2378%.</summary>
public sealed class NarrativeShareRuleTests
{
    private static string Sentence(string personnel, string office) =>
        $"本单位2023年度基本支出353.08万元，其中：人员经费306.34万元，占{personnel}，主要包括基本工资、津贴补贴；公用经费46.74万元，占{office}，主要包括办公费、水电费。";

    [Fact]
    public void Reports_error_when_the_share_does_not_match_the_amounts()
    {
        var text = Sentence("86.19%", "13.24%");

        var f = Check.Single<NarrativeShareRule>(Build.DepartmentReport(text));

        f.Is("rate.narrative-share", Severity.Error);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "86.19%", paragraphText: text);
        f.Figures(expected: 86.76m, actual: 86.19m);
        f.Says("人员经费306.34万元", "基本支出353.08万元", "86.76%", "86.19%");
    }

    [Fact]
    public void Reports_info_when_the_share_was_truncated()
    {
        var text = Sentence("86.76%", "13.23%");

        var f = Check.Single<NarrativeShareRule>(Build.DepartmentReport(text));

        f.Is("rate.narrative-share", Severity.Info);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: "13.23%", paragraphText: text);
        f.Figures(expected: 13.24m, actual: 13.23m);
        f.Says("公用经费46.74万元", "13.24%", "13.23%");
    }

    [Theory]
    [InlineData("86.76%", "13.24%")]
    [InlineData("86.8%", "13.2%")]
    [InlineData("87%", "13%")]
    public void Is_silent_on_shares_rounded_to_their_own_precision(string personnel, string office) =>
        Check.Silent<NarrativeShareRule>(Build.DepartmentReport(Sentence(personnel, office)));

    [Fact]
    public void Is_silent_on_a_share_of_something_the_sentence_does_not_break_down() =>
        Check.Silent<NarrativeShareRule>(Build.DepartmentReport("本单位2023年度项目支出652.59万元，占10%。"));
}
