using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Statistics;

/// <summary>
/// A fiscal year's statistics: the whole (<see cref="Overall"/>) and one row per submitting unit (<see cref="Units"/>,
/// a page of them). Each unit counts with the latest version it submitted for the year; earlier versions count only in
/// <see cref="StatisticsOverview.Submissions"/>.
/// </summary>
public sealed record StatisticsReport(int Year, DateTime GeneratedAt, StatisticsOverview Overall, UnitPage Units);

/// <summary>A page of per-unit rows, in the order asked for; <see cref="Total"/> is the number of submitting units.</summary>
public sealed record UnitPage(IReadOnlyList<UnitStatistics> Items, int Page, int PageSize, int Total);

/// <summary>The whole year.</summary>
public sealed record StatisticsOverview
{
    /// <summary>Organisations the finance bureau expects a report from (the organisation register).</summary>
    public required int UnitsExpected { get; init; }

    /// <summary>Units with at least one submission for the year (registered or not).</summary>
    public required int UnitsSubmitted { get; init; }

    /// <summary>Registered organisations without any submission for the year.</summary>
    public required int UnitsMissing { get; init; }

    /// <summary>Their names, in Chinese collation order.</summary>
    public required IReadOnlyList<string> MissingUnits { get; init; }

    /// <summary>Units that submitted under a name not in the organisation register (a typo, a new unit, or empty).</summary>
    public required IReadOnlyList<string> UnregisteredUnits { get; init; }

    /// <summary>Every submission of the year, every version, by state.</summary>
    public required SubmissionCounts Submissions { get; init; }

    /// <summary>Latest versions with both 全年预算数 and 全年执行数 known: the units the totals and the rate cover.</summary>
    public required int UnitsWithFigures { get; init; }

    /// <summary>Σ 全年预算数 in 万元 over <see cref="UnitsWithFigures"/>.</summary>
    public required decimal TotalBudget { get; init; }

    /// <summary>Σ 全年执行数 in 万元 over the same units.</summary>
    public required decimal TotalExecuted { get; init; }

    /// <summary>Σ executed ÷ Σ budget (a fraction: 0.95 is 95%), rounded to 6 decimals; null when Σ budget is 0.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>Latest versions with a self-assessed 总分.</summary>
    public required int UnitsWithScore { get; init; }

    /// <summary>The mean 总分, rounded to 2 decimals.</summary>
    public decimal? MeanScore { get; init; }

    public decimal? MedianScore { get; init; }

    /// <summary>How many units have each grade, in the order 优, 良, 中, 差.</summary>
    public required IReadOnlyList<GradeCount> Grades { get; init; }

    /// <summary>Units whose latest version has at least one error finding.</summary>
    public required int UnitsWithErrors { get; init; }

    /// <summary>The findings of the latest versions.</summary>
    public required FindingCounts Findings { get; init; }

    /// <summary>Units by execution rate (<see cref="Buckets.ExecutionRate"/>).</summary>
    public required IReadOnlyList<BucketCount> ExecutionRateDistribution { get; init; }

    /// <summary>Units by 总分 (<see cref="Buckets.Score"/>).</summary>
    public required IReadOnlyList<BucketCount> ScoreDistribution { get; init; }

    /// <summary>Findings of the latest versions by category, in the catalog's order (categories without findings too).</summary>
    public required IReadOnlyList<CategoryStatistics> FindingsByCategory { get; init; }

    /// <summary>Findings of the latest versions by rule, the most frequent first.</summary>
    public required IReadOnlyList<RuleStatistics> FindingsByRule { get; init; }

    /// <summary>The units with the most error findings (then warnings), only units with at least one error.</summary>
    public required IReadOnlyList<UnitStatistics> TopUnitsByErrors { get; init; }
}

public sealed record SubmissionCounts(int Total, int Queued, int Processing, int Done, int Failed);

public sealed record GradeCount(string Grade, int Count);

public sealed record FindingCounts(int Total, int Errors, int Warnings, int Infos);

/// <summary>One bucket of a distribution: <see cref="Label"/> for people, the bounds it covers, and how many units fall in.</summary>
public sealed record BucketCount(string Label, decimal? Lower, decimal? Upper, int Count);

public sealed record CategoryStatistics(string Category, string Name, int Total, int Errors, int Warnings, int Infos, int Units);

public sealed record RuleStatistics(string Rule, string Title, string Category, int Total, int Errors, int Warnings, int Infos, int Units);

/// <summary>One submitting unit, as its latest version for the year stands.</summary>
public sealed record UnitStatistics
{
    public required string Unit { get; init; }

    /// <summary>Whether the unit is in the organisation register.</summary>
    public required bool Registered { get; init; }

    /// <summary>The latest version's submission id.</summary>
    public required Guid SubmissionId { get; init; }

    /// <summary>The latest version's number.</summary>
    public required int Version { get; init; }

    /// <summary>How many versions the unit submitted for the year.</summary>
    public required int VersionCount { get; init; }

    public required SubmissionState State { get; init; }

    public required DateTime SubmittedAt { get; init; }

    /// <summary>全年预算数, 万元.</summary>
    public decimal? Budget { get; init; }

    /// <summary>全年执行数, 万元.</summary>
    public decimal? Executed { get; init; }

    /// <summary>Executed ÷ budget as a fraction, rounded to 6 decimals; null without both or with a zero budget.</summary>
    public decimal? ExecutionRate { get; init; }

    public decimal? Score { get; init; }

    /// <summary>优 / 良 / 中 / 差.</summary>
    public string? Grade { get; init; }

    public required int Errors { get; init; }

    public required int Warnings { get; init; }

    public required int Findings { get; init; }

    /// <summary>Whether an auditor has marked the latest version reviewed.</summary>
    public required bool Reviewed { get; init; }
}

/// <summary>How the per-unit rows are ordered.</summary>
public enum UnitOrder
{
    /// <summary>By unit name, in Chinese collation order (pinyin).</summary>
    Unit,

    /// <summary>Most errors first, then most warnings, then by name.</summary>
    Errors,

    /// <summary>Lowest execution rate first (units without a rate last), then by name.</summary>
    Rate,

    /// <summary>Lowest score first (units without a score last), then by name.</summary>
    Score,
}
