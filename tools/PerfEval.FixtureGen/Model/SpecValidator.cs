namespace PerfEval.FixtureGen.Model;

/// <summary>
/// Refuses to write a fixture whose figures are not internally consistent: weights, scores, deviations, rates,
/// sums and shares. The fixtures are meant to be the "clean" baseline, so every rule the checker enforces must hold here.
/// </summary>
internal static class SpecValidator
{
    public static void Validate(FixtureFacts f)
    {
        var errors = new List<string>();
        var s = f.Spec;
        var scheme = s.Scheme;

        if (scheme.BudgetExecutionWeight + scheme.Levels.Sum(l => l.Weight) != 100m)
        {
            errors.Add("weight scheme does not add up to 100");
        }

        CheckLevels("department", s.Department.Levels, errors, scheme);
        foreach (var p in f.Projects)
        {
            CheckLevels(p.Spec.Name, p.Spec.Levels, errors, scheme);
            if (p.Total.FullYear is null || p.Total.Executed is null)
            {
                errors.Add($"{p.Spec.Name}: 全年预算数 and 全年执行数 are required");
            }

            CheckScore(p.Spec.Name, p.Executed, p.FullYear, p.Rate, scheme.BudgetExecutionWeight, p.BudgetScore, errors);
            foreach (var (_, ind) in p.Spec.Narrative.Outputs)
            {
                if (!Indicators.Flatten(p.Spec.Levels).Any(x => ReferenceEquals(x.Indicator, ind)))
                {
                    errors.Add($"{p.Spec.Name}: narrative output refers to an indicator not in the table: {ind.Name}");
                }
            }
        }

        var d = s.Department;
        CheckScore("department", f.DeptExecuted, d.FullYearBudget, f.DeptRate, scheme.BudgetExecutionWeight, f.DeptBudgetScore, errors);
        if (f.GeneralBudgetIncome <= 0m)
        {
            errors.Add("general-budget income would be negative");
        }

        if (f.DeptExecuted > d.FullYearBudget || d.InitialBudget > d.FullYearBudget * 1.2m)
        {
            errors.Add("department budget figures are implausible");
        }

        SharesAddUp("基本支出 shares", f.BasicExpenditure, [d.PersonnelExpense, f.PublicFinal], errors);
        SharesAddUp("income shares", f.DeptExecuted, [f.GeneralBudgetIncome, d.GovernmentFundIncome, d.SpecialAccountIncome, d.OtherIncome], errors);
        SharesAddUp("project funding shares", f.ProjectFinal, [f.ProjectGeneralBudget, d.GovernmentFundIncome], errors);

        foreach (var (name, amounts, _) in f.SpecialRows)
        {
            if (amounts.Final > amounts.Budget)
            {
                errors.Add($"{name}: final exceeds budget");
            }
        }

        if (f.ProjectExpenditure.Budget is null || f.ProjectExpenditure.Final > f.ProjectExpenditure.Budget)
        {
            errors.Add("project expenditure final exceeds budget");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Fixture {s.Name} is inconsistent:\n  " + string.Join("\n  ", errors));
        }
    }

    private static void CheckLevels(string what, IReadOnlyList<IndicatorLevel> levels, List<string> errors, WeightScheme scheme)
    {
        if (!levels.Select(l => (l.Name, l.Weight)).SequenceEqual(scheme.Levels))
        {
            errors.Add($"{what}: levels do not follow the weight scheme {scheme.Describe()}");
        }

        foreach (var level in levels)
        {
            if (level.WeightSum != level.Weight)
            {
                errors.Add($"{what}/{level.Name}: indicator weights add to {level.WeightSum}, stated {level.Weight}");
            }

            var seen = new HashSet<string>();
            string? previous = null;
            foreach (var ind in level.Indicators)
            {
                if (ind.Secondary != previous && !seen.Add(ind.Secondary))
                {
                    errors.Add($"{what}/{level.Name}: 二级指标 {ind.Secondary} is not contiguous");
                }

                previous = ind.Secondary;
                if (ind.Score < 0m || ind.Score > ind.Weight)
                {
                    errors.Add($"{what}/{ind.Name}: score {ind.Score} outside 0..{ind.Weight}");
                }

                if (ind.Score < ind.Weight && string.IsNullOrWhiteSpace(ind.Deviation))
                {
                    errors.Add($"{what}/{ind.Name}: 得分 < 分值 but no 偏差原因");
                }

                if (ind.Score == ind.Weight && ind.Deviation is not null)
                {
                    errors.Add($"{what}/{ind.Name}: full score but a 偏差原因 is filled");
                }

                if (decimal.Round(ind.Score, 2) != ind.Score || decimal.Round(ind.Weight, 2) != ind.Weight)
                {
                    errors.Add($"{what}/{ind.Name}: more than two decimals");
                }
            }
        }
    }

    /// <summary>The execution score must not depend on whether the rate is rounded before multiplying.</summary>
    private static void CheckScore(string what, decimal executed, decimal budget, decimal rate, decimal weight, decimal score, List<string> errors)
    {
        var exact = Math.Min(weight, Math.Round(executed / budget * weight, 2, MidpointRounding.AwayFromZero));
        if (exact != score)
        {
            errors.Add($"{what}: execution score {score} from the rounded rate {rate}% differs from {exact} from the exact rate");
        }

        if (rate > 100m)
        {
            errors.Add($"{what}: execution rate above 100%");
        }
    }

    private static void SharesAddUp(string what, decimal whole, IEnumerable<decimal?> parts, List<string> errors)
    {
        var present = parts.Where(p => p is > 0m).Select(p => p!.Value).ToList();
        if (present.Sum() != whole)
        {
            errors.Add($"{what}: parts add to {present.Sum()}, whole is {whole}");
        }

        var shares = present.Sum(p => Money.Percent(p, whole));
        if (shares != 100m)
        {
            errors.Add($"{what}: rounded shares add to {shares}%");
        }
    }
}
