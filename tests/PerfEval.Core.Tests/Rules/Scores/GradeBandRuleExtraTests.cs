using PerfEval.Core.Forms;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

public sealed class GradeBandRuleWordingTests
{
    [Theory]
    [InlineData("我单位此次评价分为55分，等级为较差。", 0)]
    [InlineData("我单位此次评价分为95分，等级为优秀。", 0)]
    [InlineData("我单位此次评价分为85分，等级为良好。", 0)]
    [InlineData("我单位此次评价分为70分，等级为中等。", 0)]
    [InlineData("我单位此次评价分为85分，等级为较差。", 1)]
    public void Reads_the_two_character_grade_words(string sentence, int findings)
    {
        var paragraphs = new[] { new PerfEval.Core.Documents.ParagraphBlock(1, "一、自评结果"), new PerfEval.Core.Documents.ParagraphBlock(2, sentence) };
        var report = ReportRecognizer.Recognize(FormKind.DepartmentReport, "2023年度部门整体支出绩效自评报告", null, paragraphs, null);

        var result = new GradeBandRule().Evaluate(new Submission { Forms = [report] }).ToList();

        Assert.Equal(findings, result.Count);
    }
}
