using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Layout;

/// <summary>Builds the three form tables on the seed's grids, with the seed's merges.</summary>
internal static class FormLayouts
{
    private static readonly int[] BasicGrid = [2292, 1278, 1482, 1278, 1278, 1278, 1318];
    private static readonly int[] DepartmentGrid = [901, 879, 1338, 1338, 1434, 1435, 758, 759, 1362];
    private static readonly int[] ProjectGrid = [1475, 954, 1451, 1451, 1032, 1032, 823, 823, 1163];

    private static readonly string[] IndicatorHeader =
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因\n分析及\n改进措施"];

    private static readonly string[] ProjectIndicatorHeader =
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

    /// <summary>附件1 基础数据表 (7 grid columns: label + three 2-column amount cells).</summary>
    public static GenTable BasicData(FixtureFacts f)
    {
        var s = f.Spec;
        var b = s.BasicData;
        var rows = new List<GenRow>
        {
            new([GenCell.Of("财政供养人员情况(人)", merge: VMerge.Restart), GenCell.Of("编制数", 2), GenCell.Of($"{s.Year}年实际在职\n人数", 2), GenCell.Of("控制率", 2)]),
            new([GenCell.Continue(), Span2(b.AuthorizedStaff.ToString(System.Globalization.CultureInfo.InvariantCulture)), Span2(b.ActualStaff.ToString(System.Globalization.CultureInfo.InvariantCulture)), Span2(Money.PercentText(f.StaffControlRate))]),
            new([GenCell.Of("经费控制情况(万元)"), GenCell.Of($"{s.Year - 1}年决算数", 2), GenCell.Of($"{s.Year}年预算数", 2), GenCell.Of($"{s.Year}年决算数", 2)]),
        };
        rows.AddRange(BasicDataAmountRows(f).Select(r => AmountRow(r.Label, r.Amounts)));
        rows.Add(new([
            new(["", "楼堂馆所控制情况", $"({s.Year}年完工项目)"], 1, VMerge.Restart),
            GenCell.Of("批复规模 (m²)"), GenCell.Of("实际规模(m²)"), GenCell.Of("规模控制率"),
            GenCell.Of("预算投资\n(万元)"), GenCell.Of("实际投资 (万元)"), GenCell.Of("投资概算控制率"),
        ]));
        rows.Add(new([GenCell.Continue(), .. Enumerable.Range(0, 6).Select(_ => GenCell.Of("0"))]));
        rows.Add(new([GenCell.Of("厉行节约保障措施"), GenCell.Of(b.SavingMeasures, 6)]));
        var table = new GenTable(BasicGrid, rows);
        table.CheckShape("basic-data");
        return table;

        static GenCell Span2(string text) => GenCell.Of(text, 2);

        static GenRow AmountRow(string label, Triple t) =>
            new([GenCell.Of(label), Span2(Money.Amount(t.PrevYear)), Span2(Money.Amount(t.Budget)), Span2(Money.Amount(t.Final))]);
    }

    /// <summary>The amount rows of 附件1 in table order with a stable key each (the expected sidecar uses the same list).</summary>
    public static IReadOnlyList<(string Label, string Key, Triple Amounts)> BasicDataAmountRows(FixtureFacts f)
    {
        var b = f.Spec.BasicData;
        return
        [
            ("“三公”经费", "sanGong", f.SanGong),
            ("1、公务用车购置和维护经费", "officialCars", f.CarTotal),
            ("其中：公车购置", "carPurchase", b.CarPurchase),
            ("     公车运行维护", "carOperation", b.CarOperation),
            ("2、出国经费", "abroad", b.Abroad),
            ("3、公务接待", "reception", b.Reception),
            ("项目支出：", "projectExpenditure", f.ProjectExpenditure),
            ("1、业务工作经费", "businessWork", b.BusinessWork),
            ("2、运行维护经费", "operationMaintenance", b.OperationMaintenance),
            ($"{f.Spec.SpecialFundsLabel}\n(一个专项一行)", "specialFunds", f.Specials),
            .. f.SpecialRows.Select(r => (r.Name, "specialFund", r.Amounts)),
            ("公用经费", "publicExpense", f.PublicExpense),
            ("其中：办公经费", "office", b.Office),
            ("   水费、电费、差旅费", "utilitiesTravel", b.UtilitiesTravel),
            ("会议费、培训费", "meetingTraining", b.MeetingTraining),
            ("政府采购金额", "procurement", b.Procurement),
            ("部门基本支出预算调整", "budgetAdjustment", b.BudgetAdjustment),
        ];
    }

    /// <summary>附件2 部门整体支出绩效自评表 (9 grid columns).</summary>
    public static GenTable Department(FixtureFacts f)
    {
        var s = f.Spec;
        var d = s.Department;
        var w = s.Scheme.BudgetExecutionWeight;
        var rows = new List<GenRow>
        {
            new([GenCell.Of("预算部门\n名称"), GenCell.Of(s.Unit, 8)]),
            new([new(["", "年度预算申请(万元)"], 1, VMerge.Restart), GenCell.Empty(2), .. FundHeader()]),
            new([
                GenCell.Continue(), GenCell.Of("年度资金总额", 2),
                GenCell.Of(Money.Amount(d.InitialBudget)), GenCell.Of(Money.Amount(d.FullYearBudget)), GenCell.Of(Money.Amount(f.DeptExecuted)),
                GenCell.Of(Money.Score(w)), GenCell.Of(Money.PercentText(f.DeptRate)), GenCell.Of(Money.Score(f.DeptBudgetScore)),
            ]),
            Half($"按收入性质分：{Money.Amount(f.DeptExecuted)}", $"按支出性质分：{Money.Amount(f.DeptExecuted)}"),
            Half($"其中：一般公共预算：{Money.Amount(f.GeneralBudgetIncome)}", $"其中：基本支出：{Money.Amount(f.BasicExpenditure)}"),
            Half($"政府性基金拨款：{Money.Amount(d.GovernmentFundIncome)}", $"项目支出：{Money.Amount(f.ProjectFinal)}"),
            Half($"纳入专户管理的非税收入拨款：{Money.Amount(d.SpecialAccountIncome)}", string.Empty),
            Half($"其他资金：{Money.Amount(d.OtherIncome)}", string.Empty),
            new([GenCell.Of("年度总体 目标", merge: VMerge.Restart), GenCell.Of("预期目标", 4), GenCell.Of("实际完成情况", 4)]),
            new([GenCell.Continue(), GenCell.Of(d.GoalExpected, 4), GenCell.Of(d.GoalActual, 4)]),
        };
        rows.AddRange(IndicatorRows(d.Levels, s.Options.DepartmentIndicatorCell, IndicatorHeader, s.Options.NumberDepartmentIndicators));
        rows.Add(TotalRow(s.Scheme, f.DeptTotal));
        var table = new GenTable(DepartmentGrid, rows);
        table.CheckShape("department");
        return table;

        static GenRow Half(string left, string right) => new([GenCell.Continue(), GenCell.Of(left, 4), GenCell.Of(right, 4)]);
    }

    /// <summary>
    /// 附件3 项目支出绩效自评表 (9 grid columns). Returns one table, or two when <paramref name="splitAfter"/> is set:
    /// the second repeats the indicator header row (marked w:tblHeader) and holds the remaining indicator rows and the 总分 row.
    /// </summary>
    public static IReadOnlyList<GenTable> Project(FixtureFacts f, ProjectFacts p, int? splitAfter)
    {
        var s = f.Spec;
        var spec = p.Spec;
        var w = s.Scheme.BudgetExecutionWeight;
        var head = new List<GenRow>
        {
            new([GenCell.Of("项目支出名称"), GenCell.Of(spec.Name, 8)]),
            new([GenCell.Of("主管部门"), GenCell.Of(spec.Supervisor, 4), GenCell.Of("实施\n单位"), GenCell.Of(spec.Implementer, 3)]),
            new([GenCell.Of("项目资金 (万元)", merge: VMerge.Restart), GenCell.Empty(2), .. FundHeader()]),
            new([
                GenCell.Continue(), GenCell.Of("年度资金总额", 2),
                GenCell.Of(Money.Amount(p.Total.Initial)), GenCell.Of(Money.Amount(p.Total.FullYear)), GenCell.Of(Money.Amount(p.Total.Executed)),
                GenCell.Of(Money.Score(w)), GenCell.Of(Money.PercentText(p.Rate)), GenCell.Of(Money.Score(p.BudgetScore)),
            ]),
            FundPart("其中：当年财政拨款", spec.CurrentYear),
            FundPart("上年结转资金", spec.CarryOver),
            FundPart("其他资金", spec.Other),
            new([GenCell.Of("年度总体目标", merge: VMerge.Restart), GenCell.Of("预期目标", 4), GenCell.Of("实际完成情况", 4)]),
            new([GenCell.Continue(), GenCell.Of(spec.GoalExpected, 4), GenCell.Of(spec.GoalActual, 4)]),
        };
        var indicatorRows = IndicatorRows(spec.Levels, s.Options.ProjectIndicatorCell, ProjectIndicatorHeader, numberNames: false);
        var total = TotalRow(s.Scheme, p.TotalScore);

        if (splitAfter is not { } k)
        {
            var one = new GenTable(ProjectGrid, [.. head, .. indicatorRows, total]);
            one.CheckShape("project " + spec.Name);
            return [one];
        }

        // indicatorRows[0] is the header row; indicator i is indicatorRows[i + 1].
        var first = new GenTable(ProjectGrid, [.. head, .. indicatorRows.Take(k + 2)]);
        var header = indicatorRows[0] with { IsHeader = true };
        var rest = indicatorRows.Skip(k + 2).ToList();
        var firstRest = rest[0];

        // Word splits a vertically merged cell at the break: the lower part restarts the merge with an empty cell.
        var reopened = firstRest.Cells
            .Select((c, i) => i > 0 && c.Merge == VMerge.Continue ? new GenCell([string.Empty], c.Span, VMerge.Restart) : c)
            .ToList();
        rest[0] = firstRest with { Cells = reopened };
        var second = new GenTable(ProjectGrid, [header, .. rest, total]);
        first.CheckShape("project part 1");
        second.CheckShape("project part 2");
        return [first, second];

        static GenRow FundPart(string label, FundAmounts? a) => new([
            GenCell.Continue(), GenCell.Of(label, 2),
            GenCell.Of(Money.Amount(a?.Initial)), GenCell.Of(Money.Amount(a?.FullYear)), GenCell.Of(Money.Amount(a?.Executed)),
            GenCell.Empty(), GenCell.Empty(), GenCell.Empty(),
        ]);
    }

    private static GenCell[] FundHeader() =>
        [GenCell.Of("年初\n预算数"), GenCell.Of("全年\n预算数"), GenCell.Of("全年\n执行数"), GenCell.Of("分值"), GenCell.Of("执行率"), GenCell.Of("得分")];

    private static GenRow TotalRow(WeightScheme scheme, decimal total) =>
        new([GenCell.Of("总分", 6), GenCell.Of(Money.Score(scheme.BudgetExecutionWeight + scheme.Levels.Sum(l => l.Weight))), GenCell.Of(Money.Score(total)), GenCell.Empty()]);

    /// <summary>The 绩效指标 header row and one row per indicator; 一级/二级 cells are merged over their groups (groups of one stay unmerged, as in the seed).</summary>
    private static List<GenRow> IndicatorRows(IReadOnlyList<IndicatorLevel> levels, IReadOnlyList<string> labelCell, IReadOnlyList<string> header, bool numberNames)
    {
        var rows = new List<GenRow>
        {
            new([new GenCell(labelCell, 1, VMerge.Restart), .. header.Select(h => GenCell.Of(h))]),
        };
        var names = Indicators.DisplayNames(levels, numberNames);
        var n = 0;
        foreach (var level in levels)
        {
            var items = level.Indicators;
            for (var i = 0; i < items.Count; i++)
            {
                var ind = items[i];
                var name = names[n++];
                GenCell levelCell = i == 0
                    ? GenCell.Of(level.CellText, merge: items.Count > 1 ? VMerge.Restart : VMerge.None)
                    : GenCell.Continue();
                var groupStart = i == 0 || items[i - 1].Secondary != ind.Secondary;
                var groupSize = items.Skip(i).TakeWhile(x => x.Secondary == ind.Secondary).Count();
                GenCell secondaryCell = groupStart
                    ? GenCell.Of(ind.Secondary, merge: groupSize > 1 ? VMerge.Restart : VMerge.None)
                    : GenCell.Continue();
                rows.Add(new([
                    GenCell.Continue(), levelCell, secondaryCell,
                    GenCell.Of(name), GenCell.Of(ind.Target), GenCell.Of(ind.Actual),
                    GenCell.Of(Money.Score(ind.Weight)), GenCell.Of(Money.Score(ind.Score)), GenCell.Of(ind.Deviation ?? string.Empty),
                ]));
            }
        }

        return rows;
    }
}
