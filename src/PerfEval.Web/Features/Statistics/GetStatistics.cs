using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Statistics;

/// <summary>
/// <c>GET /api/statistics?year=&amp;top=&amp;order=&amp;page=&amp;pageSize=</c>: a year's statistics for the finance
/// bureau — budgets, execution, scores and grades, who submitted and who has not, findings by category and rule, the
/// units with the most errors — and a page of per-unit rows. Each unit counts with its latest version.
/// </summary>
/// <remarks>
/// Counting, grouping and the choice of latest versions run in the database (indexed); the per-unit figures of the
/// latest versions (a few columns, one row per unit) are then summed in memory, because SQLite cannot sum or average
/// decimals in SQL and a median needs the values anyway.
/// </remarks>
public static class GetStatistics
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The statistics of <paramref name="Year"/>. <paramref name="PageSize"/> null gives every unit row (exports).</summary>
    public sealed record Query(int Year, int Top = DefaultTop, UnitOrder Order = UnitOrder.Unit, int Page = 1, int? PageSize = null)
        : IQuery<StatisticsReport>;

    /// <summary>Units in Chinese collation order (pinyin for 汉字), ties broken by code point so the order is total.</summary>
    public static IComparer<string> UnitComparer { get; } = new UnitNameComparer();

    public sealed class Handler(PerfEvalDbContext db, TimeProvider clock) : IQueryHandler<Query, StatisticsReport>
    {
        public async ValueTask<StatisticsReport> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var year = query.Year;
            var latest = LatestVersions.Of(db, year);

            var latestRows = await latest
                .Select(s => new LatestRow(
                    s.Id,
                    s.UnitName,
                    s.Version,
                    db.Submissions.Count(o => o.UnitName == s.UnitName && o.Year == year),
                    s.State,
                    s.CreatedAt,
                    s.Budget,
                    s.Executed,
                    s.Score,
                    s.Grade,
                    s.ErrorCount,
                    s.WarningCount,
                    s.FindingCount,
                    s.ReviewedAt != null))
                .ToListAsync(cancellationToken);

            var states = await db.Submissions.AsNoTracking()
                .Where(s => s.Year == year)
                .GroupBy(s => s.State)
                .Select(g => new { State = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);

            var organisations = (await db.Organisations.AsNoTracking().Select(o => o.Name).ToListAsync(cancellationToken))
                .Select(n => n.Trim())
                .ToHashSet(StringComparer.Ordinal);

            var findings = from f in db.Findings.AsNoTracking()
                           join s in latest on f.SubmissionId equals s.Id
                           select f;
            var byRule = await findings
                .GroupBy(f => new { f.Rule, f.Category })
                .Select(g => new RuleCount(
                    g.Key.Rule,
                    g.Key.Category,
                    g.Count(),
                    g.Count(f => f.Severity == "error"),
                    g.Count(f => f.Severity == "warning"),
                    g.Count(f => f.Severity == "info"),
                    g.Select(f => f.SubmissionId).Distinct().Count()))
                .ToListAsync(cancellationToken);
            var unitsByCategory = await findings
                .GroupBy(f => f.Category)
                .Select(g => new { Key = g.Key, Units = g.Select(f => f.SubmissionId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Units, StringComparer.Ordinal, cancellationToken);

            var units = latestRows.Select(r => r.ToUnit(organisations.Contains(r.Unit))).ToList();
            var overview = Overview(units, states.ToDictionary(s => s.State, s => s.Count), organisations, byRule, unitsByCategory, query.Top);
            var ordered = Order(units, query.Order).ToList();
            var pageSize = query.PageSize ?? Math.Max(ordered.Count, 1);
            var page = query.PageSize is null ? 1 : query.Page;
            var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            return new StatisticsReport(year, clock.GetUtcNow().UtcDateTime, overview, new UnitPage(items, page, pageSize, ordered.Count));
        }

        private static StatisticsOverview Overview(
            List<UnitStatistics> units,
            Dictionary<SubmissionState, int> states,
            HashSet<string> organisations,
            List<RuleCount> byRule,
            Dictionary<string, int> unitsByCategory,
            int top)
        {
            var submitted = units.Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
            var withFigures = units.Where(u => u.Budget is not null && u.Executed is not null).ToList();
            var totalBudget = withFigures.Sum(u => u.Budget!.Value);
            var totalExecuted = withFigures.Sum(u => u.Executed!.Value);
            var scores = units.Where(u => u.Score is not null).Select(u => u.Score!.Value).Order().ToList();
            int State(SubmissionState s) => states.GetValueOrDefault(s);

            return new StatisticsOverview
            {
                UnitsExpected = organisations.Count,
                UnitsSubmitted = submitted.Count,
                UnitsMissing = organisations.Count(o => !submitted.Contains(o)),
                MissingUnits = [.. organisations.Where(o => !submitted.Contains(o)).Order(UnitComparer)],
                UnregisteredUnits = [.. submitted.Where(u => !organisations.Contains(u)).Order(UnitComparer)],
                Submissions = new SubmissionCounts(
                    states.Values.Sum(),
                    State(SubmissionState.Queued),
                    State(SubmissionState.Processing),
                    State(SubmissionState.Done),
                    State(SubmissionState.Failed)),
                UnitsWithFigures = withFigures.Count,
                TotalBudget = Numbers.Normalize(totalBudget),
                TotalExecuted = Numbers.Normalize(totalExecuted),
                ExecutionRate = totalBudget > 0 ? Numbers.Rate(totalExecuted / totalBudget) : null,
                UnitsWithScore = scores.Count,
                MeanScore = scores.Count > 0 ? Numbers.Normalize(Math.Round(scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero)) : null,
                MedianScore = Median(scores),
                Grades = [.. Grades.Select(g => new GradeCount(g, units.Count(u => u.Grade == g)))],
                UnitsWithErrors = units.Count(u => u.Errors > 0),
                Findings = new FindingCounts(byRule.Sum(r => r.Total), byRule.Sum(r => r.Errors), byRule.Sum(r => r.Warnings), byRule.Sum(r => r.Infos)),
                ExecutionRateDistribution = Buckets.Count(
                    Buckets.ExecutionRate,
                    units.Select(u => RateOf(u.Budget, u.Executed)).OfType<decimal>()),
                ScoreDistribution = Buckets.Count(Buckets.Score, scores),
                FindingsByCategory = [.. Labels.Categories
                    .Concat(byRule.Select(r => r.Category).Distinct().Where(c => !Labels.Categories.Contains(c)).Order(StringComparer.Ordinal))
                    .Select(c =>
                    {
                        var rows = byRule.Where(r => r.Category == c).ToList();
                        return new CategoryStatistics(c, Labels.Category(c), rows.Sum(r => r.Total), rows.Sum(r => r.Errors),
                            rows.Sum(r => r.Warnings), rows.Sum(r => r.Infos), unitsByCategory.GetValueOrDefault(c));
                    })],
                FindingsByRule = [.. byRule
                    .Select(r => new RuleStatistics(r.Rule, Labels.RuleTitle(r.Rule), r.Category, r.Total, r.Errors, r.Warnings, r.Infos, r.Units))
                    .OrderByDescending(r => r.Total)
                    .ThenBy(r => r.Rule, StringComparer.Ordinal)],
                TopUnitsByErrors = [.. Order(units.Where(u => u.Errors > 0), UnitOrder.Errors).Take(top)],
            };
        }

        private static decimal? Median(List<decimal> sorted) => sorted.Count switch
        {
            0 => null,
            var n when n % 2 == 1 => Numbers.Normalize(sorted[n / 2]),
            var n => Numbers.Normalize((sorted[(n / 2) - 1] + sorted[n / 2]) / 2),
        };

        private static IEnumerable<UnitStatistics> Order(IEnumerable<UnitStatistics> units, UnitOrder order) => order switch
        {
            UnitOrder.Errors => units.OrderByDescending(u => u.Errors).ThenByDescending(u => u.Warnings).ThenBy(u => u.Unit, UnitComparer),
            UnitOrder.Rate => units.OrderBy(u => u.ExecutionRate is null).ThenBy(u => u.ExecutionRate).ThenBy(u => u.Unit, UnitComparer),
            UnitOrder.Score => units.OrderBy(u => u.Score is null).ThenBy(u => u.Score).ThenBy(u => u.Unit, UnitComparer),
            _ => units.OrderBy(u => u.Unit, UnitComparer),
        };
    }

    /// <summary>优, 良, 中, 差 — the order grades are listed in.</summary>
    public static IReadOnlyList<string> Grades { get; } = ["优", "良", "中", "差"];

    /// <summary>Executed ÷ budget, unrounded; null without both figures or with a budget that is not positive.</summary>
    internal static decimal? RateOf(decimal? budget, decimal? executed) =>
        budget is > 0 && executed is decimal e ? e / budget.Value : null;

    /// <summary>Reads the <c>year</c> parameter: a four-digit fiscal year, else a 400 ProblemDetails with code <c>invalid-year</c>.</summary>
    internal static ProblemHttpResult? ParseYear(string? text, out int year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = 0;
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidYear, "缺少年度",
                "请在 year 参数中填写要统计的预算年度（四位数字，如 2023）。");
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < MinYear or > MaxYear)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidYear, "年度填写有误",
                $"year 应为 {MinYear} 到 {MaxYear} 之间的四位数字年度（如 2023）。");
        }

        return null;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/", HandleAsync)
            .WithName(nameof(GetStatistics))
            .WithSummary("年度统计：预算执行、自评得分与等级、报送与未报送单位、检查问题分布")
            .WithDescription(
                "year 必填（如 2023）。每个单位按其该年度最新版本统计，较早版本只计入报送份数。" +
                "执行率 = 全年执行数合计 ÷ 全年预算数合计（仅含两数都有的单位），以小数表示（0.95 即 95%）；金额单位为万元。" +
                $"top：错误最多的单位列出几个（默认 {DefaultTop}，至多 {MaxTop}）；" +
                "order：分单位列表的排序，unit（按单位名称，默认）、errors（错误多者在前）、rate（执行率低者在前）、score（得分低者在前）；" +
                $"page、pageSize：分单位列表的分页（默认每页 {DefaultPageSize} 个，至多 {MaxPageSize} 个）。")
            .Produces<StatisticsReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<StatisticsReport>, ProblemHttpResult>> HandleAsync(
        IMediator mediator,
        CancellationToken cancellationToken,
        string? year = null,
        int top = DefaultTop,
        string? order = null,
        int page = 1,
        int pageSize = DefaultPageSize)
    {
        if (ParseYear(year, out var fiscalYear) is { } problem)
        {
            return problem;
        }

        if (top is < 1 or > MaxTop)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误", $"top 应在 1 到 {MaxTop} 之间。");
        }

        if (!TryParseOrder(order, out var unitOrder))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                "order 只能是 unit、errors、rate 或 score。");
        }

        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                $"page 从 1 开始；pageSize 在 1 到 {MaxPageSize} 之间。");
        }

        return TypedResults.Ok(await mediator.Send(new Query(fiscalYear, top, unitOrder, page, pageSize), cancellationToken));
    }

    private static bool TryParseOrder(string? text, out UnitOrder order)
    {
        order = UnitOrder.Unit;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "unit":
                return true;
            case "errors":
                order = UnitOrder.Errors;
                return true;
            case "rate":
                order = UnitOrder.Rate;
                return true;
            case "score":
                order = UnitOrder.Score;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A rule's findings (a rule belongs to one category), by severity, and the units they are in.</summary>
    private sealed record RuleCount(string Rule, string Category, int Total, int Errors, int Warnings, int Infos, int Units);

    private sealed record LatestRow(
        Guid Id,
        string Unit,
        int Version,
        int VersionCount,
        SubmissionState State,
        DateTime CreatedAt,
        decimal? Budget,
        decimal? Executed,
        decimal? Score,
        string? Grade,
        int Errors,
        int Warnings,
        int Findings,
        bool Reviewed)
    {
        public UnitStatistics ToUnit(bool registered) => new()
        {
            Unit = Unit,
            Registered = registered,
            SubmissionId = Id,
            Version = Version,
            VersionCount = VersionCount,
            State = State,
            SubmittedAt = CreatedAt,
            Budget = Numbers.Normalize(Budget),
            Executed = Numbers.Normalize(Executed),
            ExecutionRate = RateOf(Budget, Executed) is decimal rate ? Numbers.Rate(rate) : null,
            Score = Numbers.Normalize(Score),
            Grade = Grade,
            Errors = Errors,
            Warnings = Warnings,
            Findings = Findings,
            Reviewed = Reviewed,
        };
    }

    private sealed class UnitNameComparer : IComparer<string>
    {
        private readonly StringComparer chinese = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

        public int Compare(string? x, string? y)
        {
            var order = chinese.Compare(x, y);
            return order != 0 ? order : string.CompareOrdinal(x, y);
        }
    }
}

/// <summary>Decimals as people read them: no trailing zeros from the database's scale, rates to 6 decimals.</summary>
public static class Numbers
{
    /// <summary>The same value without trailing zeros (PostgreSQL returns <c>100.000000</c> for a numeric(20,6)).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Normalize(decimal? value) => value is decimal d ? Normalize(d) : null;

    /// <summary>A fraction rounded half away from zero (四舍五入) to 6 decimals: 0.952381 is 95.2381%.</summary>
    public static decimal Rate(decimal fraction) => Normalize(Math.Round(fraction, 6, MidpointRounding.AwayFromZero));
}
