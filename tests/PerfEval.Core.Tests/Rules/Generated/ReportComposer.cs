namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>
/// Lays a <see cref="ReportSpec"/> out as the forms of a submission, in the fixtures' order and grids: 附件1 基础数据表
/// (7 columns), 附件2 部门整体支出绩效自评表 and 附件3 项目支出绩效自评表 (9 columns), 附件4 部门整体支出绩效自评报告 with
/// numbered sections, then one 项目支出绩效自评报告 per project. Every figure printed comes from the spec; the places a
/// mutation edits are tagged (see <see cref="Tags"/>).
/// </summary>
internal sealed class ReportComposer
{
    private static readonly string[] IndicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因\n分析及\n改进措施"];

    private readonly ReportSpec _s;
    private readonly GenDocument _d = new();

    private ReportComposer(ReportSpec spec) => _s = spec;

    public static GenDocument Compose(ReportSpec spec)
    {
        var c = new ReportComposer(spec);
        c.BasicData();
        c.Department();
        for (var i = 0; i < spec.Projects.Count; i++)
        {
            c.Project(i);
        }

        c.DepartmentReport();
        for (var i = 0; i < spec.Projects.Count; i++)
        {
            c.ProjectReport(i);
        }

        return c._d;
    }

    private string Signature => $"填表人：{_s.Filler}  填报日期：{_s.FillDate:yyyy.MM.dd}  联系电话：0731-8{_s.Seed % 10000:0000}123  单位负责人签字：{_s.Leader}";

    private string DateText => $"{_s.FillDate.Year}年{_s.FillDate.Month}月{_s.FillDate.Day}日";

    // ----- 附件1 -----
    private void BasicData()
    {
        var s = _s;
        var y = s.Year;
        _d.Add("附件1");
        if (s.SplitReportTitles)
        {
            _d.Add($"{y}年度部门整体支出绩效评价基础");
            _d.Add("数据表");
        }
        else
        {
            _d.Add($"{y}年度部门整体支出绩效评价基础数据表");
        }

        var t = new GenTable(7);
        t.Add(new GenCell("财政供养人员情况(人)", 1, Merge.Restart), new GenCell("编制数", 2), new GenCell($"{y}年实际在职\n人数", 2), new GenCell("控制率", 2));
        t.Add(GenCell.Continue(), new GenCell(s.AuthorizedStaff.ToString(System.Globalization.CultureInfo.InvariantCulture), 2), new GenCell(s.ActualStaff.ToString(System.Globalization.CultureInfo.InvariantCulture), 2), new GenCell(Num.Pct(s.ActualStaff, s.AuthorizedStaff), 2));
        t.Add(new GenCell("经费控制情况(万元)"), new GenCell($"{y - 1}年决算数", 2), new GenCell($"{y}年预算数", 2), new GenCell($"{y}年决算数", 2));
        AmountRow(t, "sanGong", "“三公”经费", s.ThreePublic);
        AmountRow(t, "car", "1、公务用车购置和维护经费", s.Car);
        AmountRow(t, "carPurchase", "其中：公车购置", s.CarPurchase);
        AmountRow(t, "carOperation", "     公车运行维护", s.CarOperation);
        AmountRow(t, "abroad", "2、出国经费", s.Abroad);
        AmountRow(t, "reception", "3、公务接待", s.Reception);
        AmountRow(t, "project", "项目支出：", s.ProjectExpenditure);
        AmountRow(t, "business", "1、业务工作经费", s.BusinessWork);
        AmountRow(t, "maintenance", "2、运行维护经费", s.Maintenance);
        AmountRow(t, "specials", $"3、{s.SpecialFundsLabel}\n(一个专项一行)", s.Specials);
        for (var i = 0; i < s.Projects.Count; i++)
        {
            var p = s.Projects[i];
            AmountRow(t, $"special{i}", p.Name, new Triple(p.PrevYear, p.Table.Fund.Budget, p.Table.Fund.Executed));
        }

        AmountRow(t, "public", "公用经费", s.PublicFunds);
        AmountRow(t, "office", "其中：办公经费", s.Office);
        AmountRow(t, "utilities", "   水费、电费、差旅费", s.Utilities);
        AmountRow(t, "meetings", "会议费、培训费", s.Meetings);
        AmountRow(t, "procurement", "政府采购金额", s.Procurement);
        AmountRow(t, "adjustment", "部门基本支出预算调整", Triple.Blank);
        t.Add(
            new GenCell($"\n楼堂馆所控制情况\n({y}年完工项目)", 1, Merge.Restart),
            new GenCell("批复规模 (m²)"),
            new GenCell("实际规模(m²)"),
            new GenCell("规模控制率"),
            new GenCell("预算投资\n(万元)"),
            new GenCell("实际投资 (万元)"),
            new GenCell("投资概算控制率"));
        t.Add(GenCell.Continue(), new GenCell("0"), new GenCell("0"), new GenCell("0"), new GenCell("0"), new GenCell("0"), new GenCell("0"));
        t.Add(new GenCell("厉行节约保障措施"), new GenCell("严格执行厉行节约各项规定，从严控制“三公”经费和会议、培训支出，推行无纸化办公。", 6));
        _d.Blocks.Add(t);
        _d.Add("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。");
        _d.Add(Signature);
    }

    private void AmountRow(GenTable t, string key, string label, Triple values) =>
        t.Add(
            new GenCell(label),
            _d.Tag($"basic.{key}.0", new GenCell(_s.Amount(values.Prev), 2)),
            _d.Tag($"basic.{key}.1", new GenCell(_s.Amount(values.Budget), 2)),
            _d.Tag($"basic.{key}.2", new GenCell(_s.Amount(values.Final), 2)));

    // ----- 附件2 -----
    private void Department()
    {
        var s = _s;
        _d.Add("附件2");
        _d.Add($"{s.Year}年度部门整体支出绩效自评表");
        var t = new GenTable(9);
        t.Add(new GenCell("预算部门\n名称"), new GenCell(s.Unit, 8));
        t.Add([new GenCell("\n年度预算申请(万元)", 1, Merge.Restart), new GenCell(string.Empty, 2), .. FundHeader()]);
        FundRow(t, "dept", s.Department.Fund);
        var e = s.Amount(s.DeptExecuted);
        Half(t, $"按收入性质分：{e}", $"按支出性质分：{e}");
        Half(t, $"其中：一般公共预算：{s.Amount(s.GeneralBudget)}", $"其中：基本支出：{s.Amount(s.BasicExpenditure)}");
        Half(t, $"政府性基金拨款：{Optional(s.GovernmentFund)}", $"项目支出：{s.Amount(s.ProjectFinal)}");
        Half(t, $"纳入专户管理的非税收入拨款：{Optional(s.SpecialAccount)}", string.Empty);
        Half(t, $"其他资金：{Optional(s.OtherIncome)}", string.Empty);
        Goals(t, "年度总体 目标", s.Department);
        _d.Blocks.Add(Indicators(t, "dept", "\n绩效指标", s.Department, s.NumberDepartmentIndicators, splitAfter: -1));
        _d.Add(Signature);

        static void Half(GenTable t, string left, string right) => t.Add(GenCell.Continue(), new GenCell(left, 4), new GenCell(right, 4));
    }

    private string Optional(decimal amount) => amount > 0m ? _s.Amount(amount) : string.Empty;

    // ----- 附件3 -----
    private void Project(int index)
    {
        var p = _s.Projects[index];
        var tag = $"proj{index}";
        _d.Add("附件3");
        _d.Add($"{_s.Year}年度项目支出绩效自评表");
        var t = new GenTable(9);
        t.Add(new GenCell("项目支出名称"), new GenCell(p.Name, 8));
        t.Add(new GenCell("主管部门"), new GenCell(_s.Unit, 4), new GenCell("实施\n单位"), new GenCell(p.Implementer, 3));
        t.Add([new GenCell("项目资金 (万元)", 1, Merge.Restart), new GenCell(string.Empty, 2), .. FundHeader()]);
        FundRow(t, tag, p.Table.Fund);
        foreach (var label in new[] { "其中：当年财政拨款", "上年结转资金", "其他资金" })
        {
            var part = p.Parts.FirstOrDefault(x => x.Label == label);
            t.Add(
                GenCell.Continue(),
                new GenCell(label, 2),
                new GenCell(part is null || part.Initial == 0m ? string.Empty : _s.Amount(part.Initial)),
                new GenCell(part is null ? string.Empty : _s.Amount(part.Budget)),
                new GenCell(part is null ? string.Empty : _s.Amount(part.Executed)),
                new GenCell(string.Empty),
                new GenCell(string.Empty),
                new GenCell(string.Empty));
        }

        Goals(t, "年度总体目标", p.Table);
        var split = _s.SplitProject == index ? _s.SplitAfter : -1;
        _d.Blocks.Add(Indicators(t, tag, "绩效指标", p.Table, numberNames: false, split));
        _d.Add(Signature);
    }

    private static GenCell[] FundHeader() =>
        [new("年初\n预算数"), new("全年\n预算数"), new("全年\n执行数"), new("分值"), new("执行率"), new("得分")];

    private void FundRow(GenTable t, string tag, FundSpec f) =>
        t.Add(
            GenCell.Continue(),
            new GenCell("年度资金总额", 2),
            new GenCell(_s.Amount(f.Initial)),
            _d.Tag($"{tag}.fund.budget", new GenCell(_s.Amount(f.Budget))),
            _d.Tag($"{tag}.fund.executed", new GenCell(_s.Amount(f.Executed))),
            new GenCell(Num.Score(f.Weight)),
            _d.Tag($"{tag}.fund.rate", new GenCell(Num.PercentText(f.Rate))),
            _d.Tag($"{tag}.fund.score", new GenCell(Num.Score(f.Score))));

    private static void Goals(GenTable t, string label, SelfEvalSpec table)
    {
        t.Add(new GenCell(label, 1, Merge.Restart), new GenCell("预期目标", 4), new GenCell("实际完成情况", 4));
        t.Add(GenCell.Continue(), new GenCell(table.GoalExpected, 4), new GenCell(table.GoalActual, 4));
    }

    /// <summary>
    /// The 绩效指标 header row, one row per indicator (一级/二级 merged over their groups) and the 总分 row. With
    /// <paramref name="splitAfter"/> ≥ 0 the table breaks after that many indicators as Word does at a page break: the
    /// first part is added to the document, a page-break paragraph follows, and the rest starts a new table with the
    /// header row repeated; a merged cell split there restarts empty. Returns the table that holds the 总分 row.
    /// </summary>
    private GenTable Indicators(GenTable t, string tag, string blockLabel, SelfEvalSpec table, bool numberNames, int splitAfter)
    {
        GenCell[] Header() => [new GenCell(blockLabel, 1, Merge.Restart), .. IndicatorHeader.Select(h => new GenCell(h))];
        t.Add(Header());
        var k = 0;
        for (var l = 0; l < table.Levels.Count; l++)
        {
            var level = table.Levels[l];
            var items = level.Items;
            for (var i = 0; i < items.Count; i++)
            {
                var ind = items[i];
                var levelCell = i == 0
                    ? _d.Tag($"{tag}.level{l}", new GenCell(level.CellText, 1, items.Count > 1 ? Merge.Restart : Merge.None))
                    : GenCell.Continue();
                var groupStart = i == 0 || items[i - 1].Level2 != ind.Level2;
                var groupSize = items.Skip(i).TakeWhile(x => x.Level2 == ind.Level2).Count();
                var level2Cell = groupStart ? new GenCell(ind.Level2, 1, groupSize > 1 ? Merge.Restart : Merge.None) : GenCell.Continue();
                if (k == splitAfter)
                {
                    _d.Blocks.Add(t);
                    _d.Blocks.Add(new GenParagraph(string.Empty) { PageBreak = true });
                    t = new GenTable(9);
                    t.Add(Header());
                    t.HeaderRows.Add(0);
                    levelCell = levelCell.Merge == Merge.Continue ? new GenCell(string.Empty, 1, Merge.Restart) : levelCell;
                    level2Cell = level2Cell.Merge == Merge.Continue ? new GenCell(string.Empty, 1, Merge.Restart) : level2Cell;
                }

                var first = items.FindIndexOf(x => x.Level2 == ind.Level2);
                var name = numberNames && items.Count(x => x.Level2 == ind.Level2) > 1 ? $"{i - first + 1}、{ind.Name}" : ind.Name;
                t.Add(
                    GenCell.Continue(),
                    levelCell,
                    level2Cell,
                    _d.Tag($"{tag}.ind{k}.name", new GenCell(name)),
                    _d.Tag($"{tag}.ind{k}.target", new GenCell(ind.Target)),
                    _d.Tag($"{tag}.ind{k}.actual", new GenCell(ind.Actual)),
                    _d.Tag($"{tag}.ind{k}.weight", new GenCell(Num.Score(ind.Weight))),
                    _d.Tag($"{tag}.ind{k}.score", new GenCell(Num.Score(ind.Score))),
                    _d.Tag($"{tag}.ind{k}.deviation", new GenCell(ind.Deviation)));
                k++;
            }
        }

        t.Add(new GenCell("总分", 6), new GenCell(Num.Score(table.TotalWeight)), _d.Tag($"{tag}.total.score", new GenCell(Num.Score(table.TotalScore))), new GenCell(string.Empty));
        return t;
    }

    // ----- 附件4 部门整体支出绩效自评报告 -----
    private void DepartmentReport()
    {
        var s = _s;
        var y = s.Year;
        var d = s.Department;
        _d.Add("附件4");
        if (s.CoverPage)
        {
            _d.Add($"{y}年度{s.Unit}整体支出");
            _d.Add("绩效自评报告");
            _d.Add(string.Empty);
            _d.Add("部门(单位)名称：(盖章)");
            _d.Add($"{s.FillDate.Year}年  {s.FillDate.Month} 月   {s.FillDate.Day} 日");
            _d.Add(string.Empty);
        }

        if (s.SplitReportTitles || s.CoverPage)
        {
            _d.Add($"{y} 年度{s.Unit}整体支出绩效");
            _d.Add("自 评 报 告");
        }
        else
        {
            _d.Add($"{y}年度{s.Unit}整体支出绩效自评报告");
        }

        _d.Add(string.Empty);
        var h1 = 0;
        Heading1("部门概况");
        _d.Add("（一）部门职能概述");
        Numbered(Take(WordPools.Functions, 3, 5));
        _d.Add("（二）部门组织机构及人员情况");
        _d.Add($"1、机构情况：{s.Unit}内设办公室、财务股、业务股等股室，下属事业单位按职能分工开展工作。");
        _d.Add($"2、人员情况：{s.Unit}核定编制{s.AuthorizedStaff}名，{y}年末实际在职{s.ActualStaff}人，编制控制率{Num.Pct(s.ActualStaff, s.AuthorizedStaff)}。另有退休人员{s.Retired}人。");
        _d.Add("（三）年度重点工作计划");
        Numbered(Take(WordPools.KeyWork, 2, 4));

        Heading1("部门整体支出资金管理及使用情况");
        var income = Shares(s.DeptExecuted, ("一般公共预算", s.GeneralBudget), ("政府性基金拨款", s.GovernmentFund), ("纳入专户管理的非税收入拨款", s.SpecialAccount), ("其他资金", s.OtherIncome));
        _d.Add(
            $"{y}年度部门整体支出年初预算数{s.Wan(d.Fund.Initial)}，全年预算数{s.Wan(d.Fund.Budget)}，全年执行数{s.Wan(s.DeptExecuted)}，"
            + $"其中：基本支出{s.Wan(s.BasicExpenditure)}，项目支出{s.Wan(s.ProjectFinal)}。按收入性质分：{income}。");
        _d.Add("（一）基本支出");
        var pub = s.PublicFunds.Final!.Value;
        _d.Add(
            $"1、整体收支情况。本单位{y}年度基本支出{s.Wan(s.BasicExpenditure)}，其中：人员经费{s.Wan(s.Personnel)}，占{Num.Pct(s.Personnel, s.BasicExpenditure)}，主要包括基本工资、津贴补贴、奖金、社会保障缴费、住房公积金等；"
            + $"公用经费{s.Wan(pub)}，占{Num.Pct(pub, s.BasicExpenditure)}，主要包括办公费{s.Wan(s.Office.Final)}，水费、电费、差旅费{s.Wan(s.Utilities.Final)}，会议费、培训费{s.Wan(s.Meetings.Final)}。",
            "report.basic");
        var three = s.ThreePublic;
        var change = three.Prev is not { } prev
            ? string.Empty
            : s.SeedStyleProjectReports
                ? $"{y - 1}年度“三公”经费支出{s.Wan(prev)}，{y}年度较上年{(three.Final <= prev ? "减少" : "增加")}{s.Wan(Math.Abs(three.Final!.Value - prev))}。"
                : $"与{y - 1}年决算数{s.Wan(prev)}相比，{(three.Final <= prev ? "减少" : "增加")}{s.Wan(Math.Abs(three.Final!.Value - prev))}。";
        _d.Add(
            $"2、“三公”经费总支出情况。{y}年度“三公”经费总支出{s.Wan(three.Final)}，其中：因公出国（境）费支出{s.Wan(s.Abroad.Final)}，公务接待费支出{s.Wan(s.Reception.Final)}，"
            + $"公务用车购置及运行维护费支出{s.Wan(s.Car.Final)}（其中：公务用车购置费{s.Wan(s.CarPurchase.Final)}，公务用车运行维护费{s.Wan(s.CarOperation.Final)}）。{change}");
        var abroadText = s.Abroad.Final is > 0m ? $"{y}年因公出国（境）费用支出{s.Wan(s.Abroad.Final)}，按规定履行审批程序" : $"{y}年无因公出国（境）费用支出";
        var carText = s.CarPurchase.Final is > 0m
            ? $"；公务用车购置费支出{s.Wan(s.CarPurchase.Final)}，用于更新超过使用年限的执法执勤车辆，购置程序符合规定。"
            : "，未购置公务用车。";
        _d.Add($"3、因公出国（境）费用支出和公务用车（购置）情况。{abroadText}{carText}");
        _d.Add($"4、政府采购情况。{y}年度政府采购预算{s.Wan(s.Procurement.Budget)}，实际采购金额{s.Wan(s.Procurement.Final)}，全部按规定程序实施。");
        _d.Add("（二）项目支出");
        var split = Shares(s.ProjectFinal, ("一般公共预算资金", s.ProjectGeneralBudget), ("政府性基金", s.GovernmentFund), ("纳入专户管理的非税收入", s.SpecialAccount), ("其他资金", s.OtherIncome));
        _d.Add(s.SeedStyleProjectReports && s.ProjectGeneralBudget == s.ProjectFinal
            ? $"1、项目资金安排落实、总投入等情况分析。{y}年项目支出{s.Wan(s.ProjectFinal)}，其中：财政拨款项目支出{s.Wan(s.ProjectFinal)}，占100%。"
            : $"1、项目资金安排落实、总投入等情况分析。{y}年项目支出全年预算数{s.Wan(s.ProjectExpenditure.Budget)}，实际支出{s.Wan(s.ProjectFinal)}，其中：{split}。");
        var usage = new List<string> { $"业务工作经费{s.Wan(s.BusinessWork.Final)}，主要用于日常业务工作开展" };
        if (s.Maintenance.Final is > 0m)
        {
            usage.Add($"运行维护经费{s.Wan(s.Maintenance.Final)}，主要用于办公场所及信息系统运行维护");
        }

        usage.AddRange(s.Projects.Select(p => $"{p.Name}{s.Wan(p.Table.Fund.Executed)}，主要用于{p.Purpose}"));
        _d.Add($"2、项目资金实际使用情况分析。{y}年项目支出{s.Wan(s.ProjectFinal)}，具体使用情况如下：{string.Join('；', usage)}。");
        _d.Add("3、项目资金管理情况分析。严格执行专项资金管理办法，专项资金实行预算管理、专款专用，资金拨付严格履行审批程序。");

        Heading1("部门项目组织实施情况");
        _d.Add("（一）项目组织情况分析");
        foreach (var line in WordPools.Organization.Take(2 + (s.Seed % 2)))
        {
            _d.Add(line);
        }

        _d.Add("（二）项目管理情况分析");
        foreach (var line in WordPools.Supervision.Take(2 + (s.Seed / 2 % 2)))
        {
            _d.Add(line);
        }

        Heading1("部门整体支出绩效情况");
        _d.Add($"{y}年度部门整体支出全年预算数{s.Wan(d.Fund.Budget)}，全年执行数{s.Wan(s.DeptExecuted)}，预算执行率{Num.PercentText(d.Fund.Rate)}，预算执行得分{Num.Score(d.Fund.Score)}分。主要绩效如下：");
        var counted = d.Indicators.Where(i => i.CountUnit is not null).ToList();
        var titles = Take(WordPools.PerformanceTitles, 2, 4);
        for (var i = 0; i < titles.Count; i++)
        {
            var mine = counted.Where((_, k) => k % titles.Count == i).ToList();
            var body = mine.Count == 0 ? "各项工作任务按计划完成。" : string.Join('，', mine.Select(x => x.Name + x.Actual)) + "。";
            _d.Add($"{i + 1}、{titles[i]}。{body}");
        }

        Heading1("存在的主要问题");
        Lettered(Take(WordPools.Problems, 1, 3));
        Heading1("下一步改进措施和有关建议");
        Lettered(Take(WordPools.Measures, 1, 3));
        if (s.ExperienceSection)
        {
            Heading1("单位在资金管理、项目管理等方面的先进经验及做法");
            foreach (var line in WordPools.Experience)
            {
                _d.Add(line);
            }
        }

        Heading1("部门整体支出绩效自评结果拟应用和公开情况");
        var total = d.TotalScore;
        var breakdown = s.ScoreBreakdownInSentence
            ? "其中：预算执行得分" + Num.Score(d.Fund.Score) + "分，" + string.Join('，', d.Levels.Select(l => $"{l.Name}得分{Num.Score(l.ScoreSum)}分")) + "。"
            : string.Empty;
        var sentence = s.ScoreBreakdownInSentence
            ? $"根据部门整体支出绩效评价参考指标，我单位此次评价分为{Num.Score(total)}分，等级为{Grade(total)}，{breakdown}"
            : $"根据部门整体支出绩效评价参考指标，我单位此次评价分为{Num.Score(total)}分，等级为{Grade(total)}。";
        _d.Add(sentence + $"具体评价情况见附表。自评结果将在{s.Government}门户网站公开，并作为以后年度预算安排和改进管理的重要依据。", "report.score");
        _d.Add(string.Empty);
        _d.Add(s.Unit);
        _d.Add(DateText);

        void Heading1(string text) => _d.Add($"{Num.Chinese(++h1)}、{text}", $"report.h{h1}");
    }

    /// <summary>优/良/中/差, or 优秀/良好/中等/较差 as some units write them.</summary>
    private string Grade(decimal total)
    {
        var grade = Num.Grade(total);
        return !_s.LongGradeWords ? grade : grade switch { "优" => "优秀", "良" => "良好", "中" => "中等", _ => "较差" };
    }

    private string Shares(decimal whole, params (string Label, decimal Amount)[] parts) =>
        string.Join('；', parts.Where(p => p.Amount > 0m).Select(p => $"{p.Label}{_s.Wan(p.Amount)}，占{Num.Pct(p.Amount, whole)}"));

    private void Numbered(IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var line in lines)
        {
            _d.Add($"{++n}、{line}");
        }
    }

    private void Lettered(IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var line in lines)
        {
            _d.Add($"（{Num.Chinese(++n)}）{line}");
        }
    }

    /// <summary>The first few lines of a pool, how many chosen by the seed (deterministic, no shared Random needed).</summary>
    private List<string> Take(string[] pool, int min, int max) => pool.Take(min + (Math.Abs((_s.Seed * 31) + pool.Length) % (max - min + 1))).ToList();

    // ----- 项目支出绩效自评报告 -----
    private void ProjectReport(int index)
    {
        var s = _s;
        var y = s.Year;
        var p = s.Projects[index];
        var t = p.Table;
        var f = t.Fund;
        if (s.SplitReportTitles)
        {
            _d.Add($"{y}年度{p.ShortName}项目支出");
            _d.Add("绩效自评报告");
        }
        else
        {
            _d.Add($"{y}年度{p.ShortName}项目支出绩效自评报告");
        }

        _d.Add(string.Empty);
        var seedStyle = s.SeedStyleProjectReports;
        var tag = $"proj{index}";
        var budgetParts = p.Parts.Where(x => x.Budget > 0m).ToList();
        var funding = budgetParts.Count == 1
            ? "全部为当年财政拨款"
            : "其中：" + string.Join('，', budgetParts.Select(x => $"{x.Label.Replace("其中：", string.Empty, StringComparison.Ordinal)}{s.Wan(x.Budget)}"));
        var level = s.Region[^1] switch { '县' => "县级", '区' => "区级", _ => "市级" };
        _d.Add("一、项目支出基本情况");
        _d.Add("（一）项目支出概况。");
        _d.Add(seedStyle
            ? $"{y}年度{level}投入{p.Name}共计{s.Wan(f.Budget)}，主要用于{p.Purpose}。"
            : $"{y}年度{p.Name}年初预算数{s.Wan(f.Initial)}，全年预算数{s.Wan(f.Budget)}，{funding}。项目资金主要用于{p.Purpose}。");
        _d.Add("（二）项目资金使用管理情况。");
        _d.Add(WordPools.Managements[(s.Seed + index) % WordPools.Managements.Length]);
        _d.Add("（三）项目支出绩效目标完成程度。");
        _d.Add(t.GoalActual);
        _d.Add("二、绩效评价工作情况");
        _d.Add(
            seedStyle
                ? $"（一）项目资金投入情况。涉及本次绩效评价的资金{s.Wan(f.Budget)}，{y}年度已支付{s.Wan(f.Executed)}。主要用于{p.Purpose}。"
                : $"（一）项目资金投入情况。涉及本次绩效评价的资金{s.Wan(f.Budget)}，{y}年度实际支付{s.Wan(f.Executed)}，预算执行率{Num.PercentText(f.Rate)}。",
            $"{tag}.report.funds");
        _d.Add($"（二）项目资金使用情况。{WordPools.Processes[(s.Seed + index) % WordPools.Processes.Length]}");
        var outputs = t.Indicators.Where(i => i.CountUnit is not null).Select(i => i.Name + i.Actual).ToList();
        var outputText = outputs.Count == 0 ? "项目各项产出任务按计划完成" : string.Join('，', outputs);
        _d.Add($"（三）项目产出情况。{y}年，{outputText}。");
        _d.Add("三、项目支出主要绩效及评价结论");
        var conclusion = $"经过对{y}年项目资金安排和使用情况、组织实施管理情况以及项目实际绩效情况进行综合分析评价，本项目综合得分为{Num.Score(t.TotalScore)}分，绩效等级为{Grade(t.TotalScore)}。";
        _d.Add(
            seedStyle
                ? conclusion + "项目实施取得了较好的经济效益和社会效益。"
                : conclusion + "其中：预算执行得分" + Num.Score(f.Score) + "分，" + string.Join('，', t.Levels.Select(l => $"{l.Name}得分{Num.Score(l.ScoreSum)}分")) + "。",
            $"{tag}.report.score");
        _d.Add("四、绩效评价指标分析");
        _d.Add("（一）项目决策情况");
        _d.Add("项目依据国家和省、市有关政策文件设立，立项依据充分，绩效目标与年度工作任务相匹配。");
        _d.Add("（二）项目过程情况");
        _d.Add(seedStyle
            ? $"{y}年财政预算安排{p.Name}{s.Wan(f.Budget)}，实际支出{s.Wan(f.Executed)}。项目资金及时到位，做到专款专用。"
            : $"{y}年财政预算安排{p.Name}资金{s.Wan(f.Budget)}，实际支出{s.Wan(f.Executed)}，预算执行率{Num.PercentText(f.Rate)}，预算执行得分{Num.Score(f.Score)}分（分值{Num.Score(f.Weight)}分）。");
        _d.Add("（三）项目产出情况");
        _d.Add(seedStyle ? $"{y}年，{outputText}，各项产出任务按计划完成。" : LevelSummary(t.Levels[0]));
        _d.Add("（四）项目效益情况");
        _d.Add("项目实施取得了较好的社会效益，受益群众获得感进一步增强。" + (seedStyle ? string.Empty : string.Concat(t.Levels.Skip(1).Select(LevelSummary))));
        _d.Add("五、存在的问题及原因分析");
        var shortfalls = t.Indicators.Where(i => i.Score < i.Weight).ToList();
        if (shortfalls.Count == 0)
        {
            _d.Add("本项目各项绩效指标均完成年度目标，未发现明显问题。");
        }
        else
        {
            for (var i = 0; i < shortfalls.Count; i++)
            {
                var x = shortfalls[i];
                _d.Add($"（{Num.Chinese(i + 1)}）“{x.Name}”未达年度目标。年度指标值{x.Target}，实际完成值{x.Actual}，扣{Num.Score(x.Weight - x.Score)}分。{x.Deviation}");
            }
        }

        _d.Add("六、有关建议");
        Numbered(Take(WordPools.Suggestions, 1, 3));
        _d.Add("七、其他需要说明的问题：无。");
        _d.Add(string.Empty);
        _d.Add(p.Implementer);
        _d.Add(DateText);
    }

    /// <summary>"产出指标共设置7项三级指标，分值40分，得分39分。其中，“…”年度指标值…，实际完成值…，得分5分（分值6分）。" as the fixtures write it.</summary>
    private static string LevelSummary(LevelSpec level)
    {
        var text = $"{level.Name}共设置{level.Items.Count}项三级指标，分值{Num.Score(level.Weight)}分，得分{Num.Score(level.ScoreSum)}分。";
        var first = true;
        foreach (var i in level.Items.Where(i => i.Score < i.Weight))
        {
            text += $"{(first ? "其中，" : string.Empty)}“{i.Name}”年度指标值{i.Target}，实际完成值{i.Actual}，得分{Num.Score(i.Score)}分（分值{Num.Score(i.Weight)}分）。";
            first = false;
        }

        return text;
    }
}

internal static class ListExtensions
{
    public static int FindIndexOf<T>(this IReadOnlyList<T> list, Func<T, bool> predicate)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (predicate(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
