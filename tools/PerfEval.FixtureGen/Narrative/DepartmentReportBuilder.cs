using PerfEval.FixtureGen.Model;
using static PerfEval.FixtureGen.Narrative.ReportText;

namespace PerfEval.FixtureGen.Narrative;

/// <summary>
/// The 部门整体支出绩效自评报告 with the standard sections. Every figure is taken from the computed facts, so the
/// report states exactly what the tables state.
/// </summary>
internal static class DepartmentReportBuilder
{
    public static Report Build(FixtureFacts f)
    {
        var s = f.Spec;
        var b = s.BasicData;
        var d = s.Department;
        var n = s.Narrative;
        var y = s.Year;

        var overview = new Section("部门概况", children:
        [
            new Section("部门职能概述", children: n.Functions.Select(Item)),
            new Section("部门组织机构及人员情况", children:
            [
                new Section("机构情况", "：" + n.Institutions),
                new Section("人员情况", $"：{s.ReportUnit}核定编制{b.AuthorizedStaff}名，{y}年末实际在职{b.ActualStaff}人，编制控制率{Money.PercentText(f.StaffControlRate)}。{n.StaffExtra}"),
            ]),
            new Section("年度重点工作计划", children: n.KeyWork.Select(k => Item(k.Title, k.Body))),
        ]);

        var car = f.CarTotal.Final ?? 0m;
        var sanGongPrev = f.SanGong.PrevYear ?? 0m;
        var sanGong = f.SanGong.Final ?? 0m;
        var diff = sanGong - sanGongPrev;
        var basic = new Section("基本支出", children:
        [
            Item("整体收支情况",
                $"本单位{y}年度基本支出{Money.Amount(f.BasicExpenditure)}万元，其中：人员经费{Money.Amount(d.PersonnelExpense)}万元，占{Money.PercentText(Money.Percent(d.PersonnelExpense, f.BasicExpenditure))}，主要包括基本工资、津贴补贴、奖金、社会保障缴费、住房公积金等；"
                + $"公用经费{Money.Amount(f.PublicFinal)}万元，占{Money.PercentText(Money.Percent(f.PublicFinal, f.BasicExpenditure))}，主要包括办公费{Money.Amount(b.Office.Final)}万元，水费、电费、差旅费{Money.Amount(b.UtilitiesTravel.Final)}万元，会议费、培训费{Money.Amount(b.MeetingTraining.Final)}万元。"),
            Item("“三公”经费总支出情况",
                $"{y}年度“三公”经费总支出{Money.Amount(sanGong)}万元，其中：因公出国（境）费支出{Amount(b.Abroad.Final)}，公务接待费支出{Amount(b.Reception.Final)}，"
                + $"公务用车购置及运行维护费支出{Money.Amount(car)}万元（其中：公务用车购置费{Amount(b.CarPurchase.Final)}，公务用车运行维护费{Amount(b.CarOperation.Final)}）。"
                + $"与{y - 1}年决算数{Money.Amount(sanGongPrev)}万元相比，{(diff <= 0 ? "减少" : "增加")}{Money.Amount(Math.Abs(diff))}万元。"),
            Item("因公出国（境）费用支出和公务用车（购置）情况",
                $"{y}年无因公出国（境）费用支出"
                + ((b.CarPurchase.Final ?? 0m) == 0m ? "，未购置公务用车。" : $"；公务用车购置费支出{Money.Amount(b.CarPurchase.Final)}万元，用于更新超过使用年限的执法执勤车辆，购置程序符合规定。")),
            Item("政府采购情况", $"{y}年度政府采购预算{Amount(b.Procurement.Budget)}，实际采购金额{Amount(b.Procurement.Final)}，全部按规定程序实施。"),
        ]);

        var usage = new List<string>
        {
            $"业务工作经费{Amount(b.BusinessWork.Final)}，主要用于日常业务工作开展",
        };
        if (b.OperationMaintenance.Final is > 0m)
        {
            usage.Add($"运行维护经费{Amount(b.OperationMaintenance.Final)}，主要用于办公场所及信息系统运行维护");
        }

        usage.AddRange(f.SpecialRows.Select(r => $"{r.Name}{Amount(r.Amounts.Final)}，主要用于{r.Purpose}"));
        var project = new Section("项目支出", children:
        [
            Item("项目资金安排落实、总投入等情况分析",
                $"{y}年项目支出全年预算数{Amount(f.ProjectExpenditure.Budget)}，实际支出{Money.Amount(f.ProjectFinal)}万元，其中："
                + Shares(f.ProjectFinal, ("一般公共预算资金", f.ProjectGeneralBudget), ("政府性基金", d.GovernmentFundIncome)) + "。"),
            Item("项目资金实际使用情况分析", $"{y}年项目支出{Money.Amount(f.ProjectFinal)}万元，具体使用情况如下：" + string.Join('；', usage) + "。"),
            Item("项目资金管理情况分析", n.FundManagement),
        ]);

        var funds = new Section(
            "部门整体支出资金管理及使用情况",
            body:
            [
                $"{y}年度部门整体支出年初预算数{Money.Amount(d.InitialBudget)}万元，全年预算数{Money.Amount(d.FullYearBudget)}万元，全年执行数{Money.Amount(f.DeptExecuted)}万元，"
                + $"其中：基本支出{Money.Amount(f.BasicExpenditure)}万元，项目支出{Money.Amount(f.ProjectFinal)}万元。按收入性质分："
                + Shares(f.DeptExecuted, ("一般公共预算", f.GeneralBudgetIncome), ("政府性基金拨款", d.GovernmentFundIncome), ("纳入专户管理的非税收入拨款", d.SpecialAccountIncome), ("其他资金", d.OtherIncome)) + "。",
            ],
            children: [basic, project]);

        var organisation = new Section("部门项目组织实施情况", children:
        [
            new Section("项目组织情况分析", body: n.Organization),
            new Section("项目管理情况分析", body: n.Supervision),
        ]);

        var performance = new Section(
            "部门整体支出绩效情况",
            body: [$"{y}年度部门整体支出全年预算数{Money.Amount(d.FullYearBudget)}万元，全年执行数{Money.Amount(f.DeptExecuted)}万元，预算执行率{Money.PercentText(f.DeptRate)}，预算执行得分{Money.Score(f.DeptBudgetScore)}分。主要绩效如下："],
            children: n.Performance.Select(p => Item(p.Title, p.Body)))
        {
            ChildLevel = 3,
        };

        var sections = new List<Section>
        {
            overview,
            funds,
            organisation,
            performance,
            new("存在的主要问题", children: n.Problems.Select(Item)),
            new("下一步改进措施和有关建议", children: n.Measures.Select(Item)),
        };
        if (n.Experience is { } experience)
        {
            sections.Add(new Section("单位在资金管理、项目管理等方面的先进经验及做法", children: experience.Select(e => new Section(e.Title, "。" + e.Body))));
        }

        sections.Add(new Section("部门整体支出绩效自评结果拟应用和公开情况", body:
        [
            $"根据部门整体支出绩效评价参考指标，我单位此次评价分为{Money.Score(f.DeptTotal)}分，等级为{f.DeptGrade}，"
            + ScoreBreakdown(f.DeptBudgetScore, d.Levels)
            + $"具体评价情况见附表。自评结果将在{s.Government}门户网站公开，并作为以后年度预算安排和改进管理的重要依据。",
        ]));

        var title = $"{y}年度{s.ReportUnit}整体支出绩效自评报告";
        string[] titleParagraphs = s.Options.SplitReportTitle ? [$"{y}年度{s.ReportUnit}整体支出", "绩效自评报告"] : [title];
        return new Report("department-report", null, title, titleParagraphs, sections, [s.Unit, Money.Date(s.Signatures.FillDate)], f.DeptTotal, f.DeptGrade);
    }
}
