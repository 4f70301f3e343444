using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Charts;

/// <summary>The statistics page's charts, drawn from a report's overview.</summary>
public static class StatisticsCharts
{
    /// <summary>How many units fall in each execution-rate bucket (&lt;60% … &gt;100%).</summary>
    public static string ExecutionRates(StatisticsOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return Svg.Histogram(
            [.. overview.ExecutionRateDistribution.Select(b => (b.Label, (double)b.Count))],
            "预算执行率分布",
            new ChartOptions { Id = "chart-execution-rate", LabelAxis = "执行率", ValueAxis = "单位数", Unit = "个单位" });
    }

    /// <summary>How many units fall in each score bucket (&lt;60 … ≥90).</summary>
    public static string Scores(StatisticsOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return Svg.Histogram(
            [.. overview.ScoreDistribution.Select(b => (b.Label, (double)b.Count))],
            "自评得分分布",
            new ChartOptions { Id = "chart-score", LabelAxis = "自评得分", ValueAxis = "单位数", Unit = "个单位" });
    }

    /// <summary>How many units have each grade, 优 to 差.</summary>
    public static string Grades(StatisticsOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return Svg.BarChart(
            [.. overview.Grades.Select(g => (g.Grade, (double)g.Count))],
            "自评等级分布",
            new ChartOptions { Id = "chart-grade", Width = 420, LabelAxis = "等级", ValueAxis = "单位数", Unit = "个单位" });
    }

    /// <summary>Findings of the latest versions by category, as horizontal bars (the category names are long).</summary>
    public static string FindingsByCategory(StatisticsOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return Svg.HorizontalBarChart(
            [.. overview.FindingsByCategory.Select(c => (c.Name, (double)c.Total))],
            "检查问题按类别",
            new ChartOptions { Id = "chart-findings-category", Unit = "条" });
    }
}
