using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Duplicates;

namespace PerfEval.Core.Tests.Rules.Duplicates;

public sealed class DuplicateIndicatorRuleTests(ITestOutputHelper output)
{
    /// <summary>
    /// Pairs of 三级指标 names as clerks write them. True: one task named twice. False: different tasks that share
    /// words (the same beneficiaries, the same verb).
    /// </summary>
    public static TheoryData<string, string, bool> Pairs { get; } = new()
    {
        { "1：残疾人无障碍改造", "6：困难残疾人家庭无障碍改造", true },
        { "1：残疾人无障碍改造", "6、残疾人无障碍改造", true },
        { "残疾儿童康复救助", "残疾儿童康复救助人数", true },
        { "贫困残疾人家庭无障碍改造", "困难残疾人家庭无障碍改造", true },
        { "残疾人日间照料", "残疾人居家托养", false },
        { "资助普通高中家庭经济困难学生", "资助中等职业学校学生", false },
        { "残疾人职业技能培训", "残疾人实用技术培训", false },
        { "残疾人辅助器具适配", "残疾人康复服务", false },
    };

    private static SelfEvalForm Table(string first, string firstTarget, string second, string secondTarget, string secondLevel1 = "产出指标") =>
        Build.DepartmentTable()
            .Level("产出指标")
            .Indicator("数量指标", first, firstTarget, firstTarget, "3", "3")
            .Indicator("数量指标", "2：残疾儿童康复救助", "156人", "156人", "5", "5")
            .Level(secondLevel1)
            .Indicator("数量指标", second, secondTarget, "15户", "3", "1", "部分改造户因外出务工未能入户")
            .Form;

    [Fact]
    public void Reports_error_when_one_task_is_scored_twice_under_two_names()
    {
        var f = Check.Single<DuplicateIndicatorRule>(Table("1：残疾人无障碍改造", "150户", "3：困难残疾人家庭无障碍改造", "150户"));

        f.Is("duplicate.indicator", Severity.Error);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 22, column: IndicatorColumn.Name);
        f.Figures(expected: null, actual: 3m);
        f.Says("“3：困难残疾人家庭无障碍改造”（150户）", "“1：残疾人无障碍改造”（150户）", "重复计分", "相似度 0.67");
        f.RelatesTo((FormKind.DepartmentSelfEval, 2, 20, IndicatorColumn.Name));
    }

    [Fact]
    public void Is_silent_on_distinct_indicators() =>
        Check.Silent<DuplicateIndicatorRule>(Table("1：残疾人无障碍改造", "150户", "3：残疾人辅助器具适配", "120件"));

    [Theory]
    [InlineData("1：残疾人日间照料", "3：残疾人居家托养")]
    [InlineData("1：资助普通高中家庭经济困难学生", "3：资助中等职业学校学生")]
    public void Is_silent_on_different_tasks_that_share_words_and_a_target(string first, string second) =>
        Check.Silent<DuplicateIndicatorRule>(Table(first, "150人", second, "150人"));

    [Fact]
    public void Is_silent_on_the_same_name_with_another_target() =>
        Check.Silent<DuplicateIndicatorRule>(Table("1：残疾人无障碍改造", "150户", "3：残疾人无障碍改造", "120户"));

    [Fact]
    public void Is_silent_on_the_same_task_under_another_level() =>
        Check.Silent<DuplicateIndicatorRule>(Table("1：残疾人无障碍改造", "150户", "3：困难残疾人家庭无障碍改造", "150户", secondLevel1: "效益指标"));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Fires_on_true_pairs_and_only_on_them(string first, string second, bool duplicate)
    {
        var findings = Check.Run<DuplicateIndicatorRule>(Table(first, "150户", second, "150户"));

        Assert.Equal(duplicate ? 1 : 0, findings.Count);
    }

    /// <summary>
    /// Why <see cref="DuplicateIndicatorRule.Threshold"/> is 0.6: every true pair scores at or above it and every
    /// false pair below it, with room on both sides.
    /// </summary>
    [Fact]
    public void Threshold_separates_true_duplicates_from_indicators_that_share_words()
    {
        var lowestTrue = double.MaxValue;
        var highestFalse = double.MinValue;
        foreach (var row in Pairs)
        {
            var (first, second, duplicate) = (row.Data.Item1, row.Data.Item2, row.Data.Item3);
            var similarity = RuleText.Similarity(RuleText.IndicatorKey(first), RuleText.IndicatorKey(second));
            output.WriteLine($"{similarity:0.000}  {(duplicate ? "duplicate" : "distinct ")}  {first} / {second}");
            if (duplicate)
            {
                Assert.True(similarity >= DuplicateIndicatorRule.Threshold, $"{first} / {second}: {similarity:0.000} < {DuplicateIndicatorRule.Threshold}");
                lowestTrue = Math.Min(lowestTrue, similarity);
            }
            else
            {
                Assert.True(similarity < DuplicateIndicatorRule.Threshold, $"{first} / {second}: {similarity:0.000} ≥ {DuplicateIndicatorRule.Threshold}");
                highestFalse = Math.Max(highestFalse, similarity);
            }
        }

        output.WriteLine($"lowest true pair {lowestTrue:0.000}, highest false pair {highestFalse:0.000}, threshold {DuplicateIndicatorRule.Threshold}");
        Assert.InRange(DuplicateIndicatorRule.Threshold, highestFalse + 0.1, lowestTrue);
    }
}
