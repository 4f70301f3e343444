using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Fixtures;

/// <summary>Short constructors that keep the fixture specifications readable.</summary>
internal static class Build
{
    public static Indicator I(string secondary, string name, string target, string actual, decimal weight, decimal score, string? deviation = null) =>
        new(secondary, name, target, actual, weight, score, deviation);

    public static IndicatorLevel L(string name, decimal weight, LevelLabelStyle style, params Indicator[] indicators) =>
        new(name, weight, style, indicators);

    public static Triple T(decimal? prev, decimal? budget, decimal? final) => new(prev, budget, final);

    public static FundAmounts F(decimal? initial, decimal? fullYear, decimal? executed) => new(initial, fullYear, executed);

    public static WeightScheme Scheme(decimal budget, params (string, decimal)[] levels) => new(levels, budget);
}
