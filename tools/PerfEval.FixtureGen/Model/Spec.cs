namespace PerfEval.FixtureGen.Model;

/// <summary>Three amounts of one row of the basic-data table: last year's final accounts, this year's budget, this year's final accounts. Null = blank cell.</summary>
internal sealed record Triple(decimal? PrevYear, decimal? Budget, decimal? Final)
{
    public static Triple Blank { get; } = new(null, null, null);

    public static Triple Zero { get; } = new(0m, 0m, 0m);

    /// <summary>Adds row by row; a column stays blank only when every part is blank.</summary>
    public static Triple Sum(IEnumerable<Triple> parts)
    {
        var list = parts.ToList();
        return new Triple(Money.SumOrNull(list.Select(p => p.PrevYear)), Money.SumOrNull(list.Select(p => p.Budget)), Money.SumOrNull(list.Select(p => p.Final)));
    }
}

/// <summary>How the label of a first-level indicator (一级指标) is written in its cell.</summary>
internal enum LevelLabelStyle
{
    /// <summary>"效益指标(30分)" in one paragraph.</summary>
    Inline,

    /// <summary>"产出指标" / "(30分)" in two paragraphs.</summary>
    TwoLine,

    /// <summary>"成本指标" / "（20分）" in two paragraphs, full-width parentheses.</summary>
    TwoLineFullWidth,

    /// <summary>"满意度指标（10分）" in one paragraph, full-width parentheses.</summary>
    InlineFullWidth,
}

/// <summary>One third-level indicator row (三级指标) with its second-level group (二级指标).</summary>
internal sealed record Indicator(
    string Secondary,
    string Name,
    string Target,
    string Actual,
    decimal Weight,
    decimal Score,
    string? Deviation = null);

/// <summary>A first-level indicator (一级指标) with its stated weight and its rows in table order.</summary>
internal sealed record IndicatorLevel(string Name, decimal Weight, LevelLabelStyle Style, IReadOnlyList<Indicator> Indicators)
{
    public string CellText => Style switch
    {
        LevelLabelStyle.Inline => $"{Name}({Money.Score(Weight)}分)",
        LevelLabelStyle.TwoLine => $"{Name}\n({Money.Score(Weight)}分)",
        LevelLabelStyle.TwoLineFullWidth => $"{Name}\n（{Money.Score(Weight)}分）",
        LevelLabelStyle.InlineFullWidth => $"{Name}（{Money.Score(Weight)}分）",
        _ => throw new InvalidOperationException(Style.ToString()),
    };

    public decimal ScoreSum => Indicators.Sum(i => i.Score);

    public decimal WeightSum => Indicators.Sum(i => i.Weight);
}

/// <summary>The weights a fixture's forms use: first-level weights in order plus the budget-execution weight in the fund row.</summary>
internal sealed record WeightScheme(IReadOnlyList<(string Level, decimal Weight)> Levels, decimal BudgetExecutionWeight)
{
    public string Describe() => string.Join('/', Levels.Select(l => $"{l.Level.Replace("指标", string.Empty, StringComparison.Ordinal)}{Money.Score(l.Weight)}")) + $" + 预算执行{Money.Score(BudgetExecutionWeight)}";
}

/// <summary>One special-fund row of the basic-data table that is not backed by a project table.</summary>
internal sealed record SpecialFundRow(string Name, Triple Amounts, string Purpose);

/// <summary>附件1 基础数据表.</summary>
internal sealed record BasicDataSpec(
    int AuthorizedStaff,
    int ActualStaff,
    Triple CarPurchase,
    Triple CarOperation,
    Triple Abroad,
    Triple Reception,
    Triple BusinessWork,
    Triple OperationMaintenance,
    IReadOnlyList<SpecialFundRow> ExtraSpecials,
    Triple Office,
    Triple UtilitiesTravel,
    Triple MeetingTraining,
    Triple Procurement,
    Triple BudgetAdjustment,
    string SavingMeasures);

/// <summary>One fund row amount set (年初预算数, 全年预算数, 全年执行数). Null = blank cell.</summary>
internal sealed record FundAmounts(decimal? Initial, decimal? FullYear, decimal? Executed);

/// <summary>附件3 项目支出绩效自评表 for one project, plus what its narrative report needs.</summary>
internal sealed record ProjectSpec(
    string Name,
    string Supervisor,
    string Implementer,
    decimal PrevYearFinal,
    FundAmounts CurrentYear,
    FundAmounts? CarryOver,
    FundAmounts? Other,
    string GoalExpected,
    string GoalActual,
    IReadOnlyList<IndicatorLevel> Levels,
    ProjectNarrative Narrative);

/// <summary>The free text of a project report; the figures are filled in from the table data.</summary>
internal sealed record ProjectNarrative(
    string Purpose,
    string Basis,
    string Management,
    string Process,
    IReadOnlyList<(string Phrase, Indicator Indicator)> Outputs,
    string Benefits,
    IReadOnlyList<string> Suggestions);

/// <summary>附件2 部门整体支出绩效自评表: the figures that are not derived from the basic data.</summary>
internal sealed record DepartmentSpec(
    decimal InitialBudget,
    decimal FullYearBudget,
    decimal PersonnelExpense,
    decimal? GovernmentFundIncome,
    decimal? SpecialAccountIncome,
    decimal? OtherIncome,
    string GoalExpected,
    string GoalActual,
    IReadOnlyList<IndicatorLevel> Levels);

/// <summary>The free text of the department report; figures are filled in from the table data.</summary>
internal sealed record DepartmentNarrative(
    IReadOnlyList<string> Functions,
    string Institutions,
    string StaffExtra,
    IReadOnlyList<(string Title, string Body)> KeyWork,
    string FundManagement,
    IReadOnlyList<string> Organization,
    IReadOnlyList<string> Supervision,
    IReadOnlyList<(string Title, string Body)> Performance,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Measures,
    IReadOnlyList<(string Title, string Body)>? Experience);

/// <summary>Who signed the forms and when.</summary>
internal sealed record Signatures(string Preparer, string Phone, string Head, DateOnly FillDate);

/// <summary>Layout switches that make fixtures differ in the ways real submissions differ.</summary>
internal sealed record FixtureOptions
{
    /// <summary>Report headings use Word automatic numbering instead of typed numbers.</summary>
    public bool AutoNumbering { get; init; }

    /// <summary>Also write the .txt export.</summary>
    public bool WriteTxt { get; init; } = true;

    /// <summary>Split the indicator table of project [Project] into two Word tables after indicator row [AfterIndicator] (0-based, across levels).</summary>
    public (int Project, int AfterIndicator)? SplitProjectTable { get; init; }

    /// <summary>
    /// When set, the department report starts with a cover page like the seed's: 附件4, a two-paragraph title using this short unit name
    /// ("2024年度县教育局整体支出" / "绩效自评报告"), the 盖章 line and the date, then a page break.
    /// </summary>
    public string? ReportCoverUnit { get; init; }

    /// <summary>Report titles are broken over two paragraphs ("…整体支出" / "绩效自评报告").</summary>
    public bool SplitReportTitle { get; init; }

    /// <summary>Write one project report per project.</summary>
    public bool ProjectReports { get; init; } = true;

    /// <summary>Paragraphs of the merged 绩效指标 cell in the department table (the seed has blank paragraphs around it).</summary>
    public IReadOnlyList<string> DepartmentIndicatorCell { get; init; } = ["绩效指标"];

    /// <summary>Paragraphs of the merged 绩效指标 cell in project tables.</summary>
    public IReadOnlyList<string> ProjectIndicatorCell { get; init; } = ["", "绩效指标"];

    /// <summary>Number the third-level indicator names "1、…" in the department table (as the seed does).</summary>
    public bool NumberDepartmentIndicators { get; init; }
}

/// <summary>One fixture: everything needed to write its .docx, .txt and .expected.json.</summary>
internal sealed record FixtureSpec(
    string Name,
    string Unit,
    string ReportUnit,
    string Government,
    int Year,
    string SpecialFundsLabel,
    Signatures Signatures,
    WeightScheme Scheme,
    BasicDataSpec BasicData,
    DepartmentSpec Department,
    IReadOnlyList<ProjectSpec> Projects,
    DepartmentNarrative Narrative,
    FixtureOptions Options)
{
    public FixtureSpec WithName(string name, FixtureOptions options) => this with { Name = name, Options = options };
}
