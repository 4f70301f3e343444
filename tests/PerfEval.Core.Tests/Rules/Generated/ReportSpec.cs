using System.Globalization;

namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>One 三级指标 row with its figures as printed.</summary>
internal sealed record IndicatorSpec(string Level2, string Name, string Target, string Actual, decimal Weight, decimal Score, string Deviation)
{
    /// <summary>The unit of a count actual that a report sentence may restate ("326人"), or null.</summary>
    public string? CountUnit { get; init; }
}

/// <summary>A 一级指标 with its stated weight, the way the cell writes it, and its rows.</summary>
internal sealed record LevelSpec(string Name, decimal Weight, string CellText, IReadOnlyList<IndicatorSpec> Items)
{
    public decimal ScoreSum => Items.Sum(i => i.Score);
}

/// <summary>The four columns of a fund row (年初预算数, 全年预算数, 全年执行数) and what the budget execution scores.</summary>
internal sealed record FundSpec(decimal Initial, decimal Budget, decimal Executed, decimal Weight)
{
    /// <summary>执行率 rounded to two decimals (percent).</summary>
    public decimal Rate => Num.Percent(Executed, Budget);

    /// <summary>min(执行率, 100%) × 分值, two decimals.</summary>
    public decimal Score => Math.Min(Weight, Math.Round(Rate * Weight / 100m, 2, MidpointRounding.AwayFromZero));
}

/// <summary>A project's fund source line (当年财政拨款, 上年结转资金, 其他资金): the same three columns.</summary>
internal sealed record FundPart(string Label, decimal Initial, decimal Budget, decimal Executed);

/// <summary>A self-evaluation table: its fund block, indicators and total.</summary>
internal sealed record SelfEvalSpec(FundSpec Fund, IReadOnlyList<LevelSpec> Levels, string GoalExpected, string GoalActual)
{
    public decimal TotalWeight => Fund.Weight + Levels.Sum(l => l.Weight);

    public decimal TotalScore => Fund.Score + Levels.Sum(l => l.ScoreSum);

    public IEnumerable<IndicatorSpec> Indicators => Levels.SelectMany(l => l.Items);
}

internal sealed record ProjectSpec(string Name, string Purpose, string Implementer, SelfEvalSpec Table, IReadOnlyList<FundPart> Parts, decimal? PrevYear)
{
    /// <summary>Project name in the report title: without a trailing 项目, as the forms write "…项目支出绩效自评报告".</summary>
    public string ShortName => Name.EndsWith("项目", StringComparison.Ordinal) ? Name[..^2] : Name;
}

/// <summary>A 基础数据表 amount row: prior year's final, this year's budget, this year's final (null = blank).</summary>
internal sealed record Triple(decimal? Prev, decimal? Budget, decimal? Final)
{
    public static Triple Blank { get; } = new(null, null, null);

    public static Triple Sum(params Triple[] parts) => new(Num.SumOrNull(parts.Select(p => p.Prev)), Num.SumOrNull(parts.Select(p => p.Budget)), Num.SumOrNull(parts.Select(p => p.Final)));

    public decimal? this[int column] => column switch { 0 => Prev, 1 => Budget, _ => Final };
}

/// <summary>Every figure of one generated submission; the composer only prints them.</summary>
internal sealed record ReportSpec
{
    public required int Seed { get; init; }

    public required int Year { get; init; }

    public required string Region { get; init; }

    public required string Unit { get; init; }

    public required bool TrimAmounts { get; init; }

    public required int AuthorizedStaff { get; init; }

    public required int ActualStaff { get; init; }

    public required int Retired { get; init; }

    // 基础数据表
    public required Triple CarPurchase { get; init; }

    public required Triple CarOperation { get; init; }

    public required Triple Abroad { get; init; }

    public required Triple Reception { get; init; }

    public required Triple BusinessWork { get; init; }

    public required Triple Maintenance { get; init; }

    public required Triple Office { get; init; }

    public required Triple Utilities { get; init; }

    public required Triple Meetings { get; init; }

    public required Triple Procurement { get; init; }

    // 部门整体支出
    public required decimal Personnel { get; init; }

    public required SelfEvalSpec Department { get; init; }

    public required decimal GovernmentFund { get; init; }

    public required decimal SpecialAccount { get; init; }

    public required decimal OtherIncome { get; init; }

    public required IReadOnlyList<ProjectSpec> Projects { get; init; }

    // Presentation choices
    public required bool NumberDepartmentIndicators { get; init; }

    public required bool CoverPage { get; init; }

    public required bool SplitReportTitles { get; init; }

    public required bool ScoreBreakdownInSentence { get; init; }

    public required bool ExperienceSection { get; init; }

    /// <summary>Project reports worded like the seed's (投入…共计, 已支付, no per-level score summary).</summary>
    public required bool SeedStyleProjectReports { get; init; }

    /// <summary>Grades written 优秀/良好/中等 instead of 优/良/中.</summary>
    public required bool LongGradeWords { get; init; }

    /// <summary>The project table split over a page break (-1: none), after <see cref="SplitAfter"/> indicators.</summary>
    public required int SplitProject { get; init; }

    public required int SplitAfter { get; init; }

    public required string Filler { get; init; }

    public required string Leader { get; init; }

    public required DateOnly FillDate { get; init; }

    public Triple Car => Triple.Sum(CarPurchase, CarOperation);

    public Triple ThreePublic => Triple.Sum(Car, Abroad, Reception);

    public Triple PublicFunds => Triple.Sum(Office, Utilities, Meetings);

    public Triple Specials => Triple.Sum([.. Projects.Select(p => new Triple(p.PrevYear, p.Table.Fund.Budget, p.Table.Fund.Executed))]);

    public Triple ProjectExpenditure => Triple.Sum(BusinessWork, Maintenance, Specials);

    public decimal BasicExpenditure => Personnel + PublicFunds.Final!.Value;

    public decimal ProjectFinal => ProjectExpenditure.Final!.Value;

    public decimal DeptExecuted => BasicExpenditure + ProjectFinal;

    public decimal GeneralBudget => DeptExecuted - GovernmentFund - SpecialAccount - OtherIncome;

    public decimal ProjectGeneralBudget => ProjectFinal - GovernmentFund - SpecialAccount - OtherIncome;

    public string SpecialFundsLabel => Region[^1] switch { '县' => "县级专项资金", '区' => "区级专项资金", _ => "市级专项资金" };

    public string Government => Region + "人民政府";

    public string Amount(decimal? value) => value is not { } v ? string.Empty : TrimAmounts ? Num.Plain(v) : v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount in a sentence: zero is written out ("0.00万元").</summary>
    public string Wan(decimal? value) => Amount(value ?? 0m) + "万元";
}

/// <summary>Formatting and rounding, as the fixtures do it.</summary>
internal static class Num
{
    public static string Plain(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Score(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static decimal Percent(decimal part, decimal whole) => Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>"97.32%", but exactly 100 is written "100%".</summary>
    public static string PercentText(decimal percent) => percent == 100m ? "100%" : percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Pct(decimal part, decimal whole) => PercentText(Percent(part, whole));

    /// <summary>
    /// True when part/whole lies near a rounding boundary of two decimals (…xx5 in percent), where rounding the
    /// amounts first or not could print another last digit. The generator keeps away from those.
    /// </summary>
    public static bool NearBoundary(decimal part, decimal whole)
    {
        var hundredths = part / whole * 10000m;
        var frac = hundredths - Math.Floor(hundredths);
        return frac is > 0.4m and < 0.6m;
    }

    public static decimal? SumOrNull(IEnumerable<decimal?> values)
    {
        decimal? sum = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                sum = (sum ?? 0m) + x;
            }
        }

        return sum;
    }

    public static string Grade(decimal total) => total switch
    {
        >= 90m => "优",
        >= 80m => "良",
        >= 60m => "中",
        _ => "差",
    };

    public static string Chinese(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n < 10 ? digits[n] : (n / 10 == 1 ? string.Empty : digits[n / 10]) + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]);
    }
}
