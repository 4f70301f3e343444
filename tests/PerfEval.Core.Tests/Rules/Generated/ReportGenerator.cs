using PerfEval.Core.Rules;
using PerfEval.Core.Text;

namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>
/// Draws a consistent submission from a seed (System.Random, so one seed always gives the same report): weights that
/// add up per level, scores within their weights adding up to 总分, amounts with two decimals whose parts add up, rates
/// and shares rounded to two decimals away from the …xx5 boundaries, budget-execution scores = min(rate, 100%) × 分值.
/// </summary>
internal sealed class ReportGenerator
{
    /// <summary>Indicator names of one submission stay below this bigram similarity to each other (the duplicate rule fires at 0.6).</summary>
    public const double MaxNameSimilarity = 0.5;

    private static readonly (string Level, decimal Weight)[][] Schemes =
    [
        [("产出指标", 30m), ("效益指标", 30m), ("满意度指标", 10m), ("成本指标", 20m)],
        [("产出指标", 50m), ("效益指标", 30m), ("满意度指标", 10m)],
        [("产出指标", 40m), ("效益指标", 30m), ("满意度指标", 10m), ("成本指标", 10m)],
    ];

    private static readonly HashSet<string> ClaimUnits = new(StringComparer.Ordinal) { "人次", "人", "户", "件", "个", "次", "所", "场", "批", "村", "台", "项" };

    private readonly Random _r;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    private ReportGenerator(int seed) => _r = new Random(seed);

    public static ReportSpec Generate(int seed) => new ReportGenerator(seed).Build(seed);

    private ReportSpec Build(int seed)
    {
        var year = _r.Next(2019, 2026);
        var region = Pick(WordPools.Regions);
        var unit = region + Pick(WordPools.Departments);
        var scheme = Schemes[_r.Next(Schemes.Length)];
        var scale = Chance(0.5) ? 1m : 4m;

        var authorized = _r.Next(8, 160);
        var actual = Math.Max(1, authorized - _r.Next(0, Math.Min(6, authorized)));
        while (actual != authorized && Num.NearBoundary(actual, authorized))
        {
            authorized++;
        }

        // 基础数据表 lines: prior year's final, this year's budget, this year's final.
        var hasCars = Chance(0.7);
        var carOperation = hasCars ? Line(1m, 15m, prevChance: 0.9) : Triple.Blank;
        var carPurchase = hasCars && Chance(0.15) ? Fixed(Money(15m, 30m)) : Triple.Blank;
        var abroad = Chance(0.1) ? Line(1m, 6m, prevChance: 0.3) : Triple.Blank;
        var reception = Line(0.5m, 8m, prevChance: 0.9);
        var business = Line(20m * scale, 150m * scale, prevChance: 0.8);
        var maintenance = Chance(0.6) ? Line(5m * scale, 50m * scale, prevChance: 0.7) : Triple.Blank;
        var office = Line(5m * scale, 60m * scale, prevChance: 0.9);
        var utilities = Line(3m * scale, 40m * scale, prevChance: 0.9);
        var meetings = Line(1m * scale, 20m * scale, prevChance: 0.9);
        var procurementBudget = Money(10m * scale, 200m * scale);
        var procurement = new Triple(Chance(0.8) ? Money(10m * scale, 200m * scale) : null, procurementBudget, procurementBudget - Money(0m, procurementBudget / 10m));

        var levelsTemplate = scheme;
        var halfPoints = Chance(0.3);
        var projects = new List<ProjectSpec>();
        var projectCount = _r.Next(1, 4);
        var pool = WordPools.Projects.ToList();
        while (projects.Count < projectCount)
        {
            var (name, purpose) = pool[_r.Next(pool.Count)];
            pool.RemoveAll(p => p.Name == name);
            if (projects.Any(p => p.Name.Contains(name, StringComparison.Ordinal) || name.Contains(p.Name, StringComparison.Ordinal)))
            {
                continue;
            }

            projects.Add(Project(name, purpose, unit, region, levelsTemplate, halfPoints, scale));
        }

        var personnel = Money(150m * scale, 1500m * scale);
        var deptLevels = Levels(levelsTemplate, halfPoints, department: true);
        var governmentFund = 0m;
        var specialAccount = 0m;
        var otherIncome = 0m;

        // Keep every printed quotient away from a rounding boundary: nudge the amounts it is computed from.
        for (var attempt = 0; ; attempt++)
        {
            var projectFinal = Triple.Sum(business, maintenance, new Triple(null, null, projects.Sum(p => p.Table.Fund.Executed))).Final!.Value;
            if (attempt == 0)
            {
                governmentFund = Chance(0.5) ? Money(1m, projectFinal * 0.3m) : 0m;
                specialAccount = Chance(0.2) ? Money(0.5m, projectFinal * 0.05m) : 0m;
                otherIncome = Chance(0.4) ? Money(0.5m, projectFinal * 0.1m) : 0m;
            }

            var projectGeneral = projectFinal - governmentFund - specialAccount - otherIncome;
            if (new[] { projectGeneral, governmentFund, specialAccount, otherIncome }.Any(x => x > 0m && Num.NearBoundary(x, projectFinal)))
            {
                business = business with { Final = business.Final + 0.01m, Budget = business.Budget + 0.01m };
                continue;
            }

            var publicFinal = Triple.Sum(office, utilities, meetings).Final!.Value;
            var basic = personnel + publicFinal;
            var executed = basic + projectFinal;
            var general = executed - governmentFund - specialAccount - otherIncome;
            if (Num.NearBoundary(personnel, basic) || Num.NearBoundary(publicFinal, basic)
                || new[] { general, governmentFund, specialAccount, otherIncome }.Any(x => x > 0m && Num.NearBoundary(x, executed)))
            {
                personnel += 0.01m;
                continue;
            }

            break;
        }

        var specials = projects.Sum(p => p.Table.Fund.Budget);
        var basicBudget = personnel + Triple.Sum(office, utilities, meetings).Budget!.Value + Money(0m, personnel / 20m);
        var deptBudget = basicBudget + Triple.Sum(business, maintenance).Budget!.Value + specials;
        var deptExecuted = personnel + Triple.Sum(office, utilities, meetings).Final!.Value + Triple.Sum(business, maintenance).Final!.Value + projects.Sum(p => p.Table.Fund.Executed);
        deptBudget = Math.Max(deptBudget, deptExecuted);
        while (!GoodRate(deptExecuted, deptBudget))
        {
            deptBudget += 0.01m;
        }

        var deptFund = new FundSpec(deptBudget - (Chance(0.3) ? 0m : Money(0m, deptBudget / 10m)), deptBudget, deptExecuted, 10m);
        var department = new SelfEvalSpec(deptFund, deptLevels, "围绕年度工作目标，落实各项重点任务，保障部门正常运转和重点项目顺利实施，提升公共服务水平。", "全年各项重点任务按计划推进，部门正常运转得到保障，重点项目顺利实施，公共服务水平稳步提升。");

        var splitProject = Chance(0.25) ? _r.Next(projects.Count) : -1;
        var splitAfter = splitProject < 0 ? -1 : _r.Next(2, projects[splitProject].Table.Indicators.Count() - 1);
        var fill = new DateOnly(year + 1, _r.Next(1, 5), _r.Next(1, 29));
        return new ReportSpec
        {
            Seed = seed,
            Year = year,
            Region = region,
            Unit = unit,
            TrimAmounts = Chance(0.3),
            AuthorizedStaff = authorized,
            ActualStaff = actual,
            Retired = _r.Next(0, 60),
            CarPurchase = carPurchase,
            CarOperation = carOperation,
            Abroad = abroad,
            Reception = reception,
            BusinessWork = business,
            Maintenance = maintenance,
            Office = office,
            Utilities = utilities,
            Meetings = meetings,
            Procurement = procurement,
            Personnel = personnel,
            Department = department,
            GovernmentFund = governmentFund,
            SpecialAccount = specialAccount,
            OtherIncome = otherIncome,
            Projects = projects,
            NumberDepartmentIndicators = Chance(0.5),
            CoverPage = Chance(0.3),
            SplitReportTitles = Chance(0.4),
            ScoreBreakdownInSentence = Chance(0.6),
            ExperienceSection = Chance(0.5),
            SeedStyleProjectReports = Chance(0.3),
            LongGradeWords = Chance(0.3),
            SplitProject = splitProject,
            SplitAfter = splitAfter,
            Filler = Pick(WordPools.Surnames) + Pick(WordPools.GivenNames),
            Leader = Pick(WordPools.Surnames) + Pick(WordPools.GivenNames),
            FillDate = fill,
        };
    }

    private ProjectSpec Project(string name, string purpose, string unit, string region, (string Level, decimal Weight)[] scheme, bool halfPoints, decimal scale)
    {
        var budget = Money(30m * scale, 600m * scale);
        var initial = Chance(0.5) ? budget : budget - Money(0.01m, budget / 5m);
        var executed = Chance(0.35) ? budget : budget - Money(0.01m, budget / 7m);
        while (!GoodRate(executed, budget))
        {
            executed -= 0.01m;
        }

        var fund = new FundSpec(initial, budget, executed, 10m);
        var parts = new List<FundPart>();
        switch (_r.Next(5))
        {
            case 0:
                {
                    var k = Money(0.01m, Math.Min(budget, executed) / 3m);
                    parts.Add(new("其中：当年财政拨款", initial, budget - k, executed - k));
                    parts.Add(new("上年结转资金", 0m, k, k));
                    break;
                }

            case 1:
                {
                    var k = Money(0.01m, Math.Min(initial, executed) / 3m);
                    parts.Add(new("其中：当年财政拨款", initial - k, budget - k, executed - k));
                    parts.Add(new("其他资金", k, k, k));
                    break;
                }

            default:
                parts.Add(new("其中：当年财政拨款", initial, budget, executed));
                break;
        }

        var implementer = Chance(0.5) ? unit : region + Pick(["项目服务中心", "事务中心", "综合服务中心", "发展中心"]);
        var levels = Levels(scheme, halfPoints, department: false);
        var table = new SelfEvalSpec(fund, levels, $"按计划完成{name}年度各项任务，资金使用规范，服务对象满意。", $"已按计划完成{name}年度主要任务，资金使用规范，服务对象总体满意。");
        decimal? prev = Chance(0.6) ? Money(budget * 0.7m, budget * 1.1m) : null;
        return new ProjectSpec(name, purpose, implementer, table, parts, prev);
    }

    private List<LevelSpec> Levels((string Level, decimal Weight)[] scheme, bool halfPoints, bool department)
    {
        var deductChance = _r.NextDouble() * 0.3;
        var levels = new List<LevelSpec>();
        foreach (var (level, weight) in scheme)
        {
            var groups = WordPools.Level2[level];
            var chosen = level switch
            {
                "效益指标" => groups.Where(_ => Chance(0.7)).ToList(),
                "成本指标" => groups.Where((g, i) => i == 0 ? Chance(0.85) : Chance(0.6)).ToList(),
                "产出指标" => groups.Where((g, i) => i < 2 || Chance(0.85)).ToList(),
                _ => [.. groups],
            };
            if (chosen.Count == 0)
            {
                chosen.Add(groups[_r.Next(groups.Length)]);
            }

            var items = new List<(string Level2, IndicatorTemplate Template)>();
            foreach (var (level2, pool, min, max) in chosen)
            {
                var count = _r.Next(min, max + 1);
                if (department && level2 == "数量指标")
                {
                    count = Math.Min(max, count + 1);
                }

                for (var i = 0; i < count && items.Count < weight; i++)
                {
                    if (Draw(pool) is { } t)
                    {
                        items.Add((level2, t));
                    }
                }
            }

            if (items.Count == 0)
            {
                throw new InvalidOperationException($"seed ran out of indicator names for {level}");
            }

            var weights = Split(weight, items.Count, halfPoints);
            var rows = new List<IndicatorSpec>();
            for (var i = 0; i < items.Count; i++)
            {
                rows.Add(Indicator(items[i].Level2, items[i].Template, weights[i], deductChance, halfPoints));
            }

            var cell = Pick([$"{level}\n({Num.Score(weight)}分)", $"{level}({Num.Score(weight)}分)", $"{level}\n（{Num.Score(weight)}分）", $"{level}（{Num.Score(weight)}分）"]);
            levels.Add(new LevelSpec(level, weight, cell, rows));
        }

        return levels;
    }

    /// <summary>A template whose name is not a near copy of (nor contains, nor is contained in) any name drawn before.</summary>
    private IndicatorTemplate? Draw(IReadOnlyList<IndicatorTemplate> pool)
    {
        var candidates = pool.Where(t => !_taken.Contains(t.Name)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var pick = candidates[_r.Next(candidates.Count)];
        _taken.UnionWith(Conflicts.Value[pick.Name]);
        return pick;
    }

    /// <summary>For every pooled name, the pooled names it must not share a submission with (itself included).</summary>
    private static readonly Lazy<Dictionary<string, string[]>> Conflicts = new(() =>
    {
        var names = WordPools.Level2.Values.SelectMany(g => g).SelectMany(g => g.Pool).Select(t => t.Name).Distinct().ToList();
        var keys = names.ToDictionary(n => n, TextNormalizer.Key, StringComparer.Ordinal);
        return names.ToDictionary(
            n => n,
            n => names.Where(m => Clash(keys[n], keys[m])).ToArray(),
            StringComparer.Ordinal);

        static bool Clash(string a, string b) =>
            a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal) || RuleText.Similarity(a, b) >= MaxNameSimilarity;
    });

    private IndicatorSpec Indicator(string level2, IndicatorTemplate t, decimal weight, double deductChance, bool halfPoints)
    {
        var canDeduct = t.Style != ValueStyle.NoIncident || t.Unit.Length > 0;
        var deduct = canDeduct && weight >= 1m && _r.NextDouble() < deductChance ? DeductionFor(weight, halfPoints) : 0m;
        var shortfall = deduct > 0m;
        string target, actual;
        string? countUnit = null;
        switch (t.Style)
        {
            case ValueStyle.Count:
                {
                    var n = Nice(_r.Next(t.Low, t.High + 1));
                    var atLeast = Chance(0.6);
                    target = (atLeast ? "≥" : string.Empty) + n + t.Unit;
                    var m = shortfall ? n - _r.Next(1, Math.Max(2, n / 10)) : atLeast ? n + _r.Next(0, n / 10 + 1) : n;
                    actual = Math.Max(0, m) + t.Unit;
                    countUnit = ClaimUnits.Contains(t.Unit) ? t.Unit : null;
                    break;
                }

            case ValueStyle.Percent:
                {
                    var floor = Pick([80, 85, 90, 95, 98, 100]);
                    target = floor == 100 ? "100%" : "≥" + floor + "%";
                    decimal value = shortfall
                        ? floor - _r.Next(1, 9) - (Chance(0.3) ? 0.5m : 0m)
                        : floor == 100 ? 100 : _r.Next(floor * 2, 201) / 2m;
                    actual = Num.Plain(value) + "%";
                    break;
                }

            case ValueStyle.Deadline:
                target = Pick(["按期完成", "年底前完成"]);
                actual = shortfall ? "延期完成" : target;
                break;

            case ValueStyle.Cost:
                {
                    var ceiling = _r.Next(t.Low * 100, t.High * 100 + 1) / 100m;
                    ceiling = t.Unit == "元" ? Math.Round(ceiling) : ceiling;
                    var value = shortfall ? ceiling * (1m + (_r.Next(2, 15) / 100m)) : ceiling * (1m - (_r.Next(0, 15) / 100m));
                    value = t.Unit == "元" ? Math.Round(value) : Math.Round(value, 2);
                    var format = t.Unit == "元" ? "0" : "0.00";
                    target = "≤" + ceiling.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + t.Unit;
                    actual = value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + t.Unit;
                    break;
                }

            case ValueStyle.NoIncident:
                target = t.Unit.Length > 0 ? "0" + t.Unit : Pick(["无", "未发生"]);
                actual = shortfall ? "1" + t.Unit : target;
                break;

            default:
                target = Pick(WordPools.QualitativeTargets);
                actual = shortfall ? Pick(WordPools.QualitativeShortfalls) : target;
                break;
        }

        var deviation = shortfall ? Pick(WordPools.Deviations) : string.Empty;
        return new IndicatorSpec(level2, t.Name, target, actual, weight, weight - deduct, deviation) { CountUnit = countUnit };
    }

    private decimal DeductionFor(decimal weight, bool halfPoints)
    {
        var options = new List<decimal> { 1m };
        if (weight >= 4m)
        {
            options.Add(2m);
        }

        if (halfPoints || Chance(0.3))
        {
            options.Add(0.5m);
        }

        return Math.Min(Pick(options), weight / 2m);
    }

    /// <summary>Splits a level weight into n positive parts (whole points, or half points).</summary>
    private decimal[] Split(decimal weight, int n, bool halfPoints)
    {
        var step = halfPoints ? 0.5m : 1m;
        var units = (int)(weight / step);
        var min = halfPoints && units >= 4 * n ? 4 : units >= 2 * n ? 2 : 1;
        var rest = units - (min * n);
        var cuts = Enumerable.Range(0, n - 1).Select(_ => _r.Next(0, rest + 1)).Order().ToList();
        var result = new decimal[n];
        var previous = 0;
        for (var i = 0; i < n; i++)
        {
            var cut = i < n - 1 ? cuts[i] : rest;
            result[i] = (min + cut - previous) * step;
            previous = cut;
        }

        return result;
    }

    /// <summary>
    /// A rate that prints unambiguously: below 100% unless the budget is spent exactly, away from a rounding boundary,
    /// and giving the same budget-execution score (分值 10) whether the rate is rounded first or not.
    /// </summary>
    private static bool GoodRate(decimal executed, decimal budget)
    {
        if (executed == budget)
        {
            return true;
        }

        var rate = Num.Percent(executed, budget);
        var fromRounded = Math.Round(rate / 10m, 2, MidpointRounding.AwayFromZero);
        var fromExact = Math.Round(executed / budget * 10m, 2, MidpointRounding.AwayFromZero);
        return rate < 100m && !Num.NearBoundary(executed, budget) && fromRounded == fromExact && rate * 100m % 10m != 5m;
    }

    private Triple Line(decimal low, decimal high, double prevChance)
    {
        var final = Money(low, high);
        var budget = final + Money(0m, Math.Max(0.5m, final / 10m));
        decimal? prev = Chance(prevChance) ? Money(low, high) : null;
        return new Triple(prev, budget, final);
    }

    private Triple Fixed(decimal amount) => new(Chance(0.3) ? amount : null, amount, amount);

    private decimal Money(decimal low, decimal high)
    {
        var lo = (int)Math.Round(low * 100m);
        var hi = Math.Max(lo + 1, (int)Math.Round(high * 100m));
        return _r.Next(lo, hi + 1) / 100m;
    }

    private static int Nice(int n) => n switch
    {
        >= 10000 => n / 100 * 100,
        >= 1000 => n / 10 * 10,
        _ => n,
    };

    private bool Chance(double p) => _r.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];
}
