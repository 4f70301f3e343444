using System.Globalization;
using System.Xml.Linq;
using PerfEval.Web.Charts;
using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Tests;

/// <summary>The server-side SVG charts: well-formed, accessible, escaped, drawn to scale.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    private static readonly (string, double)[] Rates = [("<60%", 2), ("60%–80%", 5), ("80%–90%", 0), ("95%–100%", 10)];

    [Fact]
    public void A_bar_chart_is_well_formed_svg_with_an_accessible_title_and_description()
    {
        var svg = XDocument.Parse(Svg.BarChart(Rates, "预算执行率分布", new ChartOptions { Id = "rates", Unit = "个单位" })).Root!;

        Assert.Equal(S + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("rates-title rates-desc", (string?)svg.Attribute("aria-labelledby"));
        var title = svg.Element(S + "title")!;
        Assert.Equal("rates-title", (string?)title.Attribute("id"));
        Assert.Equal("预算执行率分布", title.Value);
        Assert.Equal("<60%：2个单位；60%–80%：5个单位；80%–90%：0个单位；95%–100%：10个单位。", svg.Element(S + "desc")!.Value);
        Assert.Empty(svg.Descendants(S + "script"));
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void Bars_are_drawn_to_scale_with_their_labels_values_and_tooltips()
    {
        var svg = XDocument.Parse(Svg.Histogram(Rates, "分布")).Root!;

        var bars = svg.Descendants(S + "g").Where(g => (string?)g.Attribute("class") == "pe-bar").ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal(["<60%：2", "60%–80%：5", "80%–90%：0", "95%–100%：10"], bars.Select(b => b.Element(S + "title")!.Value));
        Assert.Equal(["<60%", "60%–80%", "80%–90%", "95%–100%"], bars.Select(b => Text(b, "pe-label")));
        Assert.Equal(["2", "5", "0", "10"], bars.Select(b => Text(b, "pe-value")));

        var heights = bars.Select(b => Number(b.Element(S + "rect")!, "height")).ToList();
        Assert.Equal(0, heights[2]);
        Assert.Equal(heights[3] / 5, heights[0], 3);
        Assert.Equal(heights[3] / 2, heights[1], 3);
        // Bars stand on one baseline, left to right in the given order.
        var bottoms = bars.Select(b => Number(b.Element(S + "rect")!, "y") + Number(b.Element(S + "rect")!, "height")).ToList();
        Assert.All(bottoms, b => Assert.Equal(bottoms[0], b, 3));
        var xs = bars.Select(b => Number(b.Element(S + "rect")!, "x")).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.True(xs.Max() + Number(bars[^1].Element(S + "rect")!, "width") <= 640);
    }

    [Fact]
    public void Text_is_escaped_so_markup_in_labels_and_titles_stays_text()
    {
        const string evil = "<script>alert('x')</script>&\"";
        var charts = new[]
        {
            Svg.BarChart([(evil, 3)], evil),
            Svg.Histogram([(evil, 3)], evil),
            Svg.HorizontalBarChart([(evil, 3)], evil, new ChartOptions { Width = 2000 }),
        };

        foreach (var text in charts)
        {
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            var svg = XDocument.Parse(text).Root!;
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
            Assert.Equal(evil, svg.Element(S + "title")!.Value);
            Assert.Contains(svg.Descendants(S + "text"), t => t.Value == evil);
            Assert.Contains(svg.Descendants(S + "title"), t => t.Value == evil + "：3");
        }
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped_and_ids_stay_valid()
    {
        var text = Svg.BarChart([("单位\u0001名\uFFFF", 1)], "标题\u0000", new ChartOptions { Id = "bad id\"><x" });

        var svg = XDocument.Parse(text).Root!;
        Assert.Equal("标题", svg.Element(S + "title")!.Value);
        Assert.Contains(svg.Descendants(S + "text"), t => t.Value == "单位名");
        var id = (string)svg.Element(S + "title")!.Attribute("id")!;
        Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*-title$", id);
    }

    [Fact]
    public void A_chart_without_data_says_so()
    {
        foreach (var text in new[] { Svg.BarChart([], "无数据"), Svg.HorizontalBarChart([], "无数据") })
        {
            var svg = XDocument.Parse(text).Root!;
            Assert.Equal("暂无数据", svg.Element(S + "desc")!.Value);
            Assert.Contains(svg.Descendants(S + "text"), t => t.Value == "暂无数据");
            Assert.Empty(svg.Descendants(S + "rect"));
        }
    }

    [Fact]
    public void All_zero_values_draw_flat_bars_without_dividing_by_zero()
    {
        var svg = XDocument.Parse(Svg.BarChart([("优", 0), ("良", 0)], "等级")).Root!;

        Assert.All(svg.Descendants(S + "rect"), r => Assert.Equal(0, Number(r, "height")));
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_value_is_refused(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Svg.BarChart([("x", value)], "t"));

    [Fact]
    public void Long_labels_are_cut_on_the_bar_but_whole_in_its_tooltip()
    {
        var label = new string('长', 60);
        var svg = XDocument.Parse(Svg.BarChart([(label, 1), ("短", 2), ("中", 3), ("末", 4)], "t", new ChartOptions { Width = 400 })).Root!;

        var bar = svg.Descendants(S + "g").First(g => (string?)g.Attribute("class") == "pe-bar");
        Assert.EndsWith("…", Text(bar, "pe-label"), StringComparison.Ordinal);
        Assert.True(Text(bar, "pe-label").Length < label.Length);
        Assert.Equal(label + "：1", bar.Element(S + "title")!.Value);
    }

    [Fact]
    public void A_horizontal_chart_grows_with_its_bars_and_scales_them_to_the_largest()
    {
        var bars = new (string, double)[] { ("合计不符", 12), ("比率计算", 3), ("前后不一致", 6) };
        var svg = XDocument.Parse(Svg.HorizontalBarChart(bars, "检查问题按类别")).Root!;

        var rects = svg.Descendants(S + "rect").ToList();
        Assert.Equal(3, rects.Count);
        Assert.Equal(Number(rects[0], "width") / 4, Number(rects[1], "width"), 3);
        Assert.Equal(Number(rects[0], "width") / 2, Number(rects[2], "width"), 3);
        Assert.True(Number(svg, "height") < Number(XDocument.Parse(Svg.HorizontalBarChart([.. bars, .. bars], "t")).Root!, "height"));
    }

    [Fact]
    public void The_statistics_charts_draw_the_overview_distributions()
    {
        var overview = new StatisticsOverview
        {
            UnitsExpected = 3,
            UnitsSubmitted = 3,
            UnitsMissing = 0,
            MissingUnits = [],
            UnregisteredUnits = [],
            Submissions = new SubmissionCounts(3, 0, 0, 3, 0),
            UnitsWithFigures = 3,
            TotalBudget = 300,
            TotalExecuted = 270,
            UnitsWithScore = 3,
            Grades = [new("优", 2), new("良", 1), new("中", 0), new("差", 0)],
            UnitsWithErrors = 1,
            Findings = new FindingCounts(4, 3, 1, 0),
            ExecutionRateDistribution = Buckets.Count(Buckets.ExecutionRate, [0.5m, 0.95m, 1.00m]),
            ScoreDistribution = Buckets.Count(Buckets.Score, [59.99m, 90m, 100m]),
            FindingsByCategory = [new("total", "合计不符", 3, 3, 0, 0, 1), new("missing", "填报缺漏", 1, 0, 1, 0, 1)],
            FindingsByRule = [],
            TopUnitsByErrors = [],
        };

        var rates = XDocument.Parse(StatisticsCharts.ExecutionRates(overview)).Root!;
        var scores = XDocument.Parse(StatisticsCharts.Scores(overview)).Root!;
        var grades = XDocument.Parse(StatisticsCharts.Grades(overview)).Root!;
        var categories = XDocument.Parse(StatisticsCharts.FindingsByCategory(overview)).Root!;

        Assert.Contains("<60%：1个单位", rates.Element(S + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("95%–100%：2个单位", rates.Element(S + "desc")!.Value, StringComparison.Ordinal); // 100% is fully executed, not >100%
        Assert.Contains("≥90：2个单位", scores.Element(S + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("<60：1个单位", scores.Element(S + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("优：2个单位", grades.Element(S + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal("合计不符：3条；填报缺漏：1条。", categories.Element(S + "desc")!.Value);
        // Ids differ, so the four can sit in one page.
        Assert.Equal(4, new[] { rates, scores, grades, categories }.Select(c => (string?)c.Element(S + "title")!.Attribute("id")).Distinct().Count());
    }

    [Theory]
    [InlineData("0.5999", "<60%")]
    [InlineData("0.6", "60%–80%")]
    [InlineData("0.9499", "90%–95%")]
    [InlineData("0.95", "95%–100%")]
    [InlineData("1", "95%–100%")]
    [InlineData("1.0001", ">100%")]
    public void An_execution_rate_falls_in_one_bucket(string rate, string bucket)
    {
        var counts = Buckets.Count(Buckets.ExecutionRate, [decimal.Parse(rate, CultureInfo.InvariantCulture)]);
        Assert.Equal(bucket, Assert.Single(counts, c => c.Count == 1).Label);
    }

    private static string Text(XElement bar, string cls) =>
        bar.Elements(S + "text").Single(t => (string?)t.Attribute("class") == cls).Value;

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
