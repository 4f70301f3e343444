using PerfEval.FixtureGen.Model;
using static PerfEval.FixtureGen.Narrative.ReportText;

namespace PerfEval.FixtureGen.Narrative;

/// <summary>The 项目支出绩效自评报告 of one project; all figures come from its table.</summary>
internal static class ProjectReportBuilder
{
    public static Report Build(FixtureFacts f, ProjectFacts p)
    {
        var s = f.Spec;
        var spec = p.Spec;
        var n = spec.Narrative;
        var y = s.Year;
        var levels = spec.Levels;

        var parts = new List<(string Label, decimal? Amount)>
        {
            ("当年财政拨款", spec.CurrentYear.FullYear),
            ("上年结转资金", spec.CarryOver?.FullYear),
            ("其他资金", spec.Other?.FullYear),
        };
        var funding = parts.Count(x => x.Amount is > 0m) == 1
            ? $"全部为{parts.First(x => x.Amount is > 0m).Label}"
            : "其中：" + string.Join('，', parts.Where(x => x.Amount is > 0m).Select(x => $"{x.Label}{Money.Amount(x.Amount)}万元"));

        var basics = new Section("项目支出基本情况", children:
        [
            new Section("项目支出概况", "。", [$"{y}年度{spec.Name}年初预算数{Money.Amount(p.Total.Initial)}万元，全年预算数{Money.Amount(p.FullYear)}万元，{funding}。项目资金主要用于{n.Purpose}。"]),
            new Section("项目资金使用管理情况", "。", [n.Management]),
            new Section("项目支出绩效目标完成程度", "。", [spec.GoalActual]),
        ]);

        var outputs = string.Join('，', n.Outputs.Select(o => o.Phrase + o.Indicator.Actual));
        var work = new Section("绩效评价工作情况", children:
        [
            Item("项目资金投入情况", $"涉及本次绩效评价的资金{Money.Amount(p.FullYear)}万元，{y}年度实际支付{Money.Amount(p.Executed)}万元，预算执行率{Money.PercentText(p.Rate)}。"),
            Item("项目资金使用情况", n.Process),
            Item("项目产出情况", $"{y}年，{outputs}。"),
        ]);

        var conclusion = new Section("项目支出主要绩效及评价结论", body:
        [
            $"经过对{y}年项目资金安排和使用情况、组织实施管理情况以及项目实际绩效情况进行综合分析评价，本项目综合得分为{Money.Score(p.TotalScore)}分，绩效等级为{p.Grade}。"
            + ScoreBreakdown(p.BudgetScore, levels),
        ]);

        var output = levels[0];
        var others = levels.Skip(1).ToList();
        var analysis = new Section("绩效评价指标分析", children:
        [
            new Section("项目决策情况", body: [n.Basis]),
            new Section("项目过程情况", body: [$"{y}年财政预算安排{spec.Name}资金{Money.Amount(p.FullYear)}万元，实际支出{Money.Amount(p.Executed)}万元，预算执行率{Money.PercentText(p.Rate)}，预算执行得分{Money.Score(p.BudgetScore)}分（分值{Money.Score(s.Scheme.BudgetExecutionWeight)}分）。"]),
            new Section("项目产出情况", body: [LevelSummary(output)]),
            new Section("项目效益情况", body: [n.Benefits + string.Concat(others.Select(LevelSummary))]),
        ]);

        var shortfalls = Indicators.Flatten(levels).Where(x => x.Indicator.Score < x.Indicator.Weight).Select(x => x.Indicator).ToList();
        var problems = shortfalls.Count == 0
            ? new Section("存在的问题及原因分析", body: ["本项目各项绩效指标均完成年度目标，未发现明显问题。"])
            : new Section("存在的问题及原因分析", children: shortfalls.Select(i =>
                new Section($"“{i.Name}”未达年度目标", $"。年度指标值{i.Target}，实际完成值{i.Actual}，扣{Money.Score(i.Weight - i.Score)}分。{i.Deviation}")));

        var sections = new List<Section>
        {
            basics,
            work,
            conclusion,
            analysis,
            problems,
            new("有关建议", children: n.Suggestions.Select(Item)) { ChildLevel = 3 },
            new("其他需要说明的问题", "：无。"),
        };

        var shortName = spec.Name.EndsWith("项目", StringComparison.Ordinal) ? spec.Name[..^2] : spec.Name;
        var title = $"{y}年度{shortName}项目支出绩效自评报告";
        string[] titleParagraphs = s.Options.SplitReportTitle ? [$"{y}年度{shortName}项目支出", "绩效自评报告"] : [title];
        return new Report("project-report", spec.Name, title, titleParagraphs, sections, [spec.Implementer, Money.Date(s.Signatures.FillDate)], p.TotalScore, p.Grade);
    }

    private static string LevelSummary(IndicatorLevel level)
    {
        var text = $"{level.Name}共设置{level.Indicators.Count}项三级指标，分值{Money.Score(level.Weight)}分，得分{Money.Score(level.ScoreSum)}分。";
        var first = true;
        foreach (var i in level.Indicators.Where(i => i.Score < i.Weight))
        {
            text += $"{(first ? "其中，" : string.Empty)}“{i.Name}”年度指标值{i.Target}，实际完成值{i.Actual}，得分{Money.Score(i.Score)}分（分值{Money.Score(i.Weight)}分）。";
            first = false;
        }

        return text;
    }
}
