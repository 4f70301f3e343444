using PerfEval.Core.Rules.CrossReferences;
using PerfEval.Core.Rules.Duplicates;
using PerfEval.Core.Rules.Missing;
using PerfEval.Core.Rules.Rates;
using PerfEval.Core.Rules.Scores;
using PerfEval.Core.Rules.Structure;
using PerfEval.Core.Rules.Totals;

namespace PerfEval.Core.Rules;

/// <summary>Every rule, in the order their findings are listed. Registering a rule is one line here and one row in RULES.md.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new BasicDataPartsRule(),
        new FundPartsRule(),
        new FundBreakdownRule(),
        new NarrativePartsRule(),
        new ExecutionRateRule(),
        new ExecutionAbove100Rule(),
        new ControlRateRule(),
        new NarrativeShareRule(),
        new NarrativeGrowthRule(),
        new LevelWeightsRule(),
        new WeightTotalRule(),
        new ScoreTotalRule(),
        new ScoreAboveWeightRule(),
        new BudgetExecutionScoreRule(),
        new GradeBandRule(),
        new DuplicateIndicatorRule(),
        new ReusedIndicatorTextRule(),
        new ReportScoreRule(),
        new ProjectFundRule(),
        new DepartmentAmountsRule(),
        new IndicatorValuesRule(),
        new BlankIndicatorValueRule(),
        new BlankFundScoreRule(),
        new DeviationReasonRule(),
        new UnmeasurableTargetRule(),
        new ActualAsRangeRule(),
        new SectionNumberingRule(),
        new MissingFormRule(),
    ];
}
