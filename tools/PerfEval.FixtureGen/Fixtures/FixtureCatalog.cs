using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Fixtures;

/// <summary>All fixtures the generator writes, in order.</summary>
internal static class FixtureCatalog
{
    public static IReadOnlyList<FixtureSpec> All() =>
    [
        CountyEducationBureau2024.Create(),
        CityAgricultureBureau2022.Create(),
        DistrictHealthCommission2025.Create(),
        CountyEducationBureau2024.CreateAutoNumbered(),
        TownshipCivilAffairs2023.Create(),
    ];
}
