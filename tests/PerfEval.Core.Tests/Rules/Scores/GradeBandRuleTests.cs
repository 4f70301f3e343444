using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Scores;

namespace PerfEval.Core.Tests.Rules.Scores;

public sealed class GradeBandRuleTests
{
    private static string Sentence(string score, string grade) => $"经评价，本单位2023年度部门整体支出绩效自评得分为{score}分，评价等级为{grade}。";

    [Theory]
    [InlineData("89.5", "优", "良")]
    [InlineData("90", "良", "优")]
    [InlineData("79.9", "良好", "中")]
    [InlineData("60", "差", "中")]
    public void Reports_error_when_the_grade_does_not_fit_the_score(string score, string grade, string expected)
    {
        var text = Sentence(score, grade);

        var f = Check.Single<GradeBandRule>(Build.DepartmentReport(text));

        f.Is("score.grade", Severity.Error);
        f.AtParagraph(FormKind.DepartmentReport, paragraph: 1, figure: score + "分", paragraphText: text);
        f.Figures(expected: null, actual: decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
        f.Says($"得分 {score}分", $"等级为“{grade}”", $"应为“{expected}”");
    }

    [Theory]
    [InlineData("89.5", "良")]
    [InlineData("90", "优")]
    [InlineData("95", "优秀")]
    [InlineData("85", "良好")]
    [InlineData("79.9", "中")]
    [InlineData("59.5", "差")]
    public void Is_silent_when_the_grade_fits_the_score(string score, string grade) =>
        Check.Silent<GradeBandRule>(Build.DepartmentReport(Sentence(score, grade)));

    /// <summary>满分 is what the form is worth, not what it scored.</summary>
    [Fact]
    public void Is_silent_on_the_full_marks_beside_the_score() =>
        Check.Silent<GradeBandRule>(Build.DepartmentReport("本次评价满分100分，自评得分89.5分，等级为良。"));

    [Fact]
    public void Is_silent_on_a_component_score() =>
        Check.Silent<GradeBandRule>(Build.DepartmentReport("其中预算执行得分9.85分，评价结果为优。"));
}
