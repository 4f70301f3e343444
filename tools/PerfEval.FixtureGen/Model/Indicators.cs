namespace PerfEval.FixtureGen.Model;

/// <summary>Helpers over an indicator table.</summary>
internal static class Indicators
{
    /// <summary>All indicator rows in table order with their first-level indicator.</summary>
    public static IEnumerable<(IndicatorLevel Level, Indicator Indicator)> Flatten(IReadOnlyList<IndicatorLevel> levels) =>
        levels.SelectMany(l => l.Indicators.Select(i => (l, i)));

    /// <summary>
    /// The 三级指标 text as written in the table. When <paramref name="numbered"/> is set, rows of a 二级 group
    /// with more than one row are numbered "1、", "2、" … within the group, as the seed numbers its 数量指标 rows.
    /// </summary>
    public static IReadOnlyList<string> DisplayNames(IReadOnlyList<IndicatorLevel> levels, bool numbered)
    {
        var names = new List<string>();
        foreach (var level in levels)
        {
            var items = level.Indicators;
            var k = 0;
            for (var i = 0; i < items.Count; i++)
            {
                k = i > 0 && items[i - 1].Secondary == items[i].Secondary ? k + 1 : 1;
                var groupSize = items.Count(x => x.Secondary == items[i].Secondary);
                names.Add(numbered && groupSize > 1 ? $"{k}、{items[i].Name}" : items[i].Name);
            }
        }

        return names;
    }
}
