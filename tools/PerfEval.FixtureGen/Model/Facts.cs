namespace PerfEval.FixtureGen.Model;

/// <summary>Figures of one project table derived from its fund rows and indicators.</summary>
internal sealed record ProjectFacts(ProjectSpec Spec, FundAmounts Total, decimal Rate, decimal BudgetScore, decimal IndicatorScore, decimal TotalScore)
{
    public string Grade => Money.Grade(TotalScore);

    public decimal Executed => Total.Executed ?? 0m;

    public decimal FullYear => Total.FullYear ?? 0m;
}

/// <summary>Everything a fixture states that is computed rather than typed in: sums, rates, scores, grades.</summary>
internal sealed class FixtureFacts
{
    public FixtureFacts(FixtureSpec spec)
    {
        Spec = spec;
        var b = spec.BasicData;
        Projects = spec.Projects.Select(Project).ToList();
        CarTotal = Triple.Sum([b.CarPurchase, b.CarOperation]);
        SanGong = Triple.Sum([CarTotal, b.Abroad, b.Reception]);
        SpecialRows =
        [
            .. Projects.Select(p => (p.Spec.Name, new Triple(p.Spec.PrevYearFinal, p.Total.FullYear, p.Total.Executed), p.Spec.Narrative.Purpose)),
            .. b.ExtraSpecials.Select(s => (s.Name, s.Amounts, s.Purpose)),
        ];
        Specials = Triple.Sum(SpecialRows.Select(r => r.Amounts));
        ProjectExpenditure = Triple.Sum([b.BusinessWork, b.OperationMaintenance, Specials]);
        PublicExpense = Triple.Sum([b.Office, b.UtilitiesTravel, b.MeetingTraining]);

        var d = spec.Department;
        PublicFinal = PublicExpense.Final ?? 0m;
        BasicExpenditure = d.PersonnelExpense + PublicFinal;
        ProjectFinal = ProjectExpenditure.Final ?? 0m;
        DeptExecuted = BasicExpenditure + ProjectFinal;
        DeptRate = Money.Percent(DeptExecuted, d.FullYearBudget);
        DeptBudgetScore = Money.ExecutionScore(DeptRate, spec.Scheme.BudgetExecutionWeight);
        DeptIndicatorScore = d.Levels.Sum(l => l.ScoreSum);
        DeptTotal = DeptBudgetScore + DeptIndicatorScore;
        GeneralBudgetIncome = DeptExecuted - (d.GovernmentFundIncome ?? 0m) - (d.SpecialAccountIncome ?? 0m) - (d.OtherIncome ?? 0m);
        StaffControlRate = Money.Percent(b.ActualStaff, b.AuthorizedStaff);
    }

    public FixtureSpec Spec { get; }

    public IReadOnlyList<ProjectFacts> Projects { get; }

    public Triple CarTotal { get; }

    public Triple SanGong { get; }

    public IReadOnlyList<(string Name, Triple Amounts, string Purpose)> SpecialRows { get; }

    public Triple Specials { get; }

    public Triple ProjectExpenditure { get; }

    public Triple PublicExpense { get; }

    public decimal PublicFinal { get; }

    public decimal BasicExpenditure { get; }

    public decimal ProjectFinal { get; }

    public decimal DeptExecuted { get; }

    public decimal DeptRate { get; }

    public decimal DeptBudgetScore { get; }

    public decimal DeptIndicatorScore { get; }

    public decimal DeptTotal { get; }

    public string DeptGrade => Money.Grade(DeptTotal);

    public decimal GeneralBudgetIncome { get; }

    public decimal StaffControlRate { get; }

    /// <summary>Project expenditure financed by the general public budget (everything but the 政府性基金 income).</summary>
    public decimal ProjectGeneralBudget => ProjectFinal - (Spec.Department.GovernmentFundIncome ?? 0m);

    private ProjectFacts Project(ProjectSpec p)
    {
        FundAmounts?[] parts = [p.CurrentYear, p.CarryOver, p.Other];
        var present = parts.Where(x => x is not null).Select(x => x!).ToList();
        var total = new FundAmounts(
            Money.SumOrNull(present.Select(x => x.Initial)),
            Money.SumOrNull(present.Select(x => x.FullYear)),
            Money.SumOrNull(present.Select(x => x.Executed)));
        var rate = Money.Percent(total.Executed ?? 0m, total.FullYear ?? 1m);
        var budgetScore = Money.ExecutionScore(rate, Spec.Scheme.BudgetExecutionWeight);
        var indicatorScore = p.Levels.Sum(l => l.ScoreSum);
        return new ProjectFacts(p, total, rate, budgetScore, indicatorScore, budgetScore + indicatorScore);
    }
}
