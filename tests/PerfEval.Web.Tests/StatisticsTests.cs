using System.Net;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Statistics;
using static PerfEval.Web.Tests.StatisticsSeed;

namespace PerfEval.Web.Tests;

/// <summary>The statistics of the seeded year on SQLite.</summary>
public sealed class SqliteStatisticsTests(StatisticsFixture<ServiceFactory> fixture)
    : StatisticsTests<ServiceFactory>(fixture), IClassFixture<StatisticsFixture<ServiceFactory>>;

/// <summary>The same on PostgreSQL (the GroupBy, COUNT(DISTINCT) and NOT EXISTS as Npgsql translates them).</summary>
public sealed class PostgresStatisticsTests(StatisticsFixture<PostgresServiceFactory> fixture)
    : StatisticsTests<PostgresServiceFactory>(fixture), IClassFixture<StatisticsFixture<PostgresServiceFactory>>;

/// <summary><c>GET /api/statistics</c> against figures worked out by hand from <see cref="StatisticsSeed"/>.</summary>
public abstract class StatisticsTests<TFactory>(StatisticsFixture<TFactory> fixture)
    where TFactory : ServiceFactory, new()
{
    private readonly TFactory factory = fixture.Factory;

    [Fact]
    public async Task Counts_units_expected_submitted_and_missing_and_submissions_by_state()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync($"/api/statistics?year={Year}")).GetProperty("overall");

        Assert.Equal(4, overall.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(4, overall.GetProperty("unitsSubmitted").GetInt32());
        Assert.Equal(1, overall.GetProperty("unitsMissing").GetInt32());
        Assert.Equal([Dongtinghu], Strings(overall.GetProperty("missingUnits")));
        Assert.Equal([Unregistered], Strings(overall.GetProperty("unregisteredUnits")));
        var submissions = overall.GetProperty("submissions");
        Assert.Equal(5, submissions.GetProperty("total").GetInt32());
        Assert.Equal(3, submissions.GetProperty("done").GetInt32());
        Assert.Equal(1, submissions.GetProperty("failed").GetInt32());
        Assert.Equal(1, submissions.GetProperty("queued").GetInt32());
        Assert.Equal(0, submissions.GetProperty("processing").GetInt32());
    }

    [Fact]
    public async Task Sums_budgets_and_execution_over_the_latest_versions_only()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync($"/api/statistics?year={Year}")).GetProperty("overall");

        // 安乡 v2 (200.25 / 190.2375) and 北湖 (50.5 / 30.3); 安乡 v1 (100 / 80) and 2022 (999 / 999) do not count.
        Assert.Equal(2, overall.GetProperty("unitsWithFigures").GetInt32());
        Assert.Equal(250.75m, overall.GetProperty("totalBudget").GetDecimal());
        Assert.Equal(220.5375m, overall.GetProperty("totalExecuted").GetDecimal());
        Assert.Equal(0.879511m, overall.GetProperty("executionRate").GetDecimal()); // 220.5375 / 250.75 = 0.87951146…
    }

    [Fact]
    public async Task Gives_mean_median_grades_and_both_distributions()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync($"/api/statistics?year={Year}")).GetProperty("overall");

        Assert.Equal(2, overall.GetProperty("unitsWithScore").GetInt32());
        Assert.Equal(75.25m, overall.GetProperty("meanScore").GetDecimal());   // (92.5 + 58) / 2
        Assert.Equal(75.25m, overall.GetProperty("medianScore").GetDecimal());
        Assert.Equal(
            [("优", 1), ("良", 0), ("中", 0), ("差", 1)],
            overall.GetProperty("grades").EnumerateArray().Select(g => (g.GetProperty("grade").GetString()!, g.GetProperty("count").GetInt32())));
        Assert.Equal(
            [("<60%", 0), ("60%–80%", 1), ("80%–90%", 0), ("90%–95%", 0), ("95%–100%", 1), (">100%", 0)],
            Buckets(overall.GetProperty("executionRateDistribution")));
        Assert.Equal(
            [("<60", 1), ("60–70", 0), ("70–80", 0), ("80–90", 0), ("≥90", 1)],
            Buckets(overall.GetProperty("scoreDistribution")));
    }

    [Fact]
    public async Task Counts_findings_of_latest_versions_by_category_and_rule()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync($"/api/statistics?year={Year}")).GetProperty("overall");

        var findings = overall.GetProperty("findings");
        Assert.Equal((6, 4, 1, 1), (findings.GetProperty("total").GetInt32(), findings.GetProperty("errors").GetInt32(),
            findings.GetProperty("warnings").GetInt32(), findings.GetProperty("infos").GetInt32()));
        Assert.Equal(2, overall.GetProperty("unitsWithErrors").GetInt32());

        var categories = overall.GetProperty("findingsByCategory").EnumerateArray()
            .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("total").GetInt32(), c.GetProperty("errors").GetInt32(),
                c.GetProperty("warnings").GetInt32(), c.GetProperty("infos").GetInt32(), c.GetProperty("units").GetInt32()))
            .ToList();
        Assert.Equal(
            [("total", 2, 2, 0, 0, 1), ("rate", 1, 0, 0, 1, 1), ("score", 1, 1, 0, 0, 1), ("duplicate", 0, 0, 0, 0, 0),
             ("crossref", 1, 1, 0, 0, 1), ("missing", 1, 0, 1, 0, 1), ("structure", 0, 0, 0, 0, 0)],
            categories);
        Assert.Equal("合计不符", overall.GetProperty("findingsByCategory")[0].GetProperty("name").GetString());

        var rules = overall.GetProperty("findingsByRule").EnumerateArray()
            .Select(r => (r.GetProperty("rule").GetString(), r.GetProperty("total").GetInt32(), r.GetProperty("units").GetInt32()))
            .ToList();
        Assert.Equal(
            [("total.fund-parts", 2, 1), ("crossref.report-score", 1, 1), ("missing.deviation-reason", 1, 1),
             ("rate.execution", 1, 1), ("score.level-weights", 1, 1)],
            rules);
        var weights = overall.GetProperty("findingsByRule").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "score.level-weights");
        Assert.Equal("score", weights.GetProperty("category").GetString());
        Assert.Equal(1, weights.GetProperty("errors").GetInt32());
        Assert.True(Api.HasChinese(weights.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Lists_the_units_with_the_most_errors()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync($"/api/statistics?year={Year}&top=5")).GetProperty("overall");

        Assert.Equal(
            [(Beihu, 3), (Anxiang, 1)],
            overall.GetProperty("topUnitsByErrors").EnumerateArray().Select(u => (u.GetProperty("unit").GetString(), u.GetProperty("errors").GetInt32())));
        var one = (await GetAsync($"/api/statistics?year={Year}&top=1")).GetProperty("overall").GetProperty("topUnitsByErrors");
        Assert.Equal(Beihu, Assert.Single(one.EnumerateArray()).GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_unit_row_is_its_latest_version_with_its_version_count()
    {
        factory.SkipUnlessAvailable();
        var units = (await GetAsync($"/api/statistics?year={Year}")).GetProperty("units");
        var rows = units.GetProperty("items").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);

        Assert.Equal(4, units.GetProperty("total").GetInt32());
        var anxiang = rows[Anxiang];
        Assert.Equal(AnxiangV2, anxiang.GetProperty("submissionId").GetGuid());
        Assert.Equal(2, anxiang.GetProperty("version").GetInt32());
        Assert.Equal(2, anxiang.GetProperty("versionCount").GetInt32());
        Assert.Equal("done", anxiang.GetProperty("state").GetString());
        Assert.Equal(200.25m, anxiang.GetProperty("budget").GetDecimal());
        Assert.Equal(190.2375m, anxiang.GetProperty("executed").GetDecimal());
        Assert.Equal(0.95m, anxiang.GetProperty("executionRate").GetDecimal());
        Assert.Equal(92.5m, anxiang.GetProperty("score").GetDecimal());
        Assert.Equal("优", anxiang.GetProperty("grade").GetString());
        Assert.Equal((1, 1, 2), (anxiang.GetProperty("errors").GetInt32(), anxiang.GetProperty("warnings").GetInt32(), anxiang.GetProperty("findings").GetInt32()));
        Assert.True(anxiang.GetProperty("reviewed").GetBoolean());
        Assert.True(anxiang.GetProperty("registered").GetBoolean());

        var beihu = rows[Beihu];
        Assert.Equal(0.6m, beihu.GetProperty("executionRate").GetDecimal());
        Assert.False(beihu.GetProperty("reviewed").GetBoolean());

        var failed = rows[Chenglingji];
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("executionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("grade").ValueKind);

        Assert.False(rows[Unregistered].GetProperty("registered").GetBoolean());
        Assert.Equal("queued", rows[Unregistered].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Orders_units_by_pinyin_errors_rate_or_score_and_pages_them()
    {
        factory.SkipUnlessAvailable();

        // 安 (an) < 北 (bei) < 城 (cheng) by pinyin, although by code point 北 U+5317 < 城 U+57CE < 安 U+5B89.
        var byName = Units(await GetAsync($"/api/statistics?year={Year}")).Where(u => u != Unregistered);
        Assert.Equal([Anxiang, Beihu, Chenglingji], byName);
        Assert.Equal([Beihu, Anxiang], Units(await GetAsync($"/api/statistics?year={Year}&order=errors")).Take(2));
        Assert.Equal([Beihu, Anxiang], Units(await GetAsync($"/api/statistics?year={Year}&order=rate")).Take(2));
        Assert.Equal([Beihu, Anxiang], Units(await GetAsync($"/api/statistics?year={Year}&order=score")).Take(2));

        var page = (await GetAsync($"/api/statistics?year={Year}&order=errors&page=2&pageSize=1")).GetProperty("units");
        Assert.Equal(Anxiang, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("unit").GetString());
        Assert.Equal((2, 1, 4), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()));
        var beyond = (await GetAsync($"/api/statistics?year={Year}&page=9&pageSize=1")).GetProperty("units");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Another_year_sees_only_its_own_submissions()
    {
        factory.SkipUnlessAvailable();
        var report = await GetAsync("/api/statistics?year=2022");
        var overall = report.GetProperty("overall");

        Assert.Equal(2022, report.GetProperty("year").GetInt32());
        Assert.Equal(1, overall.GetProperty("unitsSubmitted").GetInt32());
        Assert.Equal([Beihu, Chenglingji, Dongtinghu], Strings(overall.GetProperty("missingUnits")));
        Assert.Equal(999m, overall.GetProperty("totalBudget").GetDecimal());
        Assert.Equal(1m, overall.GetProperty("executionRate").GetDecimal());
        Assert.Equal(1, overall.GetProperty("findings").GetProperty("total").GetInt32());
        Assert.Equal(1, Buckets(overall.GetProperty("executionRateDistribution")).Single(b => b.Label == "95%–100%").Count);
    }

    [Fact]
    public async Task A_year_without_submissions_has_zeros_and_no_rate()
    {
        factory.SkipUnlessAvailable();
        var overall = (await GetAsync("/api/statistics?year=2030")).GetProperty("overall");

        Assert.Equal(0, overall.GetProperty("unitsSubmitted").GetInt32());
        Assert.Equal(4, overall.GetProperty("unitsMissing").GetInt32());
        Assert.Equal(0, overall.GetProperty("submissions").GetProperty("total").GetInt32());
        Assert.Equal(0m, overall.GetProperty("totalBudget").GetDecimal());
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("executionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("meanScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("medianScore").ValueKind);
        Assert.All(Buckets(overall.GetProperty("scoreDistribution")), b => Assert.Equal(0, b.Count));
        Assert.Empty(overall.GetProperty("topUnitsByErrors").EnumerateArray());
    }

    [Fact]
    public async Task The_handler_gives_every_unit_row_when_no_page_size_is_asked()
    {
        factory.SkipUnlessAvailable();
        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var report = await mediator.Send(new GetStatistics.Query(Year), TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Units.Items.Count);
        Assert.Equal(4, report.Units.Total);
        Assert.Equal(SubmissionState.Done, report.Units.Items.Single(u => u.Unit == Beihu).State);
        Assert.Equal(0.879511m, report.Overall.ExecutionRate);
    }

    [Theory]
    [InlineData("/api/statistics", "invalid-year")]
    [InlineData("/api/statistics?year=", "invalid-year")]
    [InlineData("/api/statistics?year=abc", "invalid-year")]
    [InlineData("/api/statistics?year=1999", "invalid-year")]
    [InlineData("/api/statistics?year=2023&order=size", "invalid-field")]
    [InlineData("/api/statistics?year=2023&top=0", "invalid-field")]
    [InlineData("/api/statistics?year=2023&pageSize=1001", "invalid-field")]
    public async Task A_missing_or_bad_parameter_is_a_400_problem_in_chinese(string url, string code)
    {
        factory.SkipUnlessAvailable();
        using var response = await (await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance)).GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), (int)HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_statistics_and_export_endpoints_in_chinese()
    {
        factory.SkipUnlessAvailable();
        var paths = (await (await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance)).GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/statistics", "/api/statistics/export", "/api/findings/export" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            var get = item.GetProperty("get");
            Assert.True(Api.HasChinese(get.GetProperty("summary").GetString()), path);
            Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "year");
            Assert.True(get.GetProperty("responses").TryGetProperty("400", out _), path);
        }

        Assert.True(paths.GetProperty("/api/statistics").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("application/json", out _));
    }

    private async Task<JsonElement> GetAsync(string url) => await (await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance)).GetJsonAsync(url);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> Units(JsonElement report) =>
        [.. report.GetProperty("units").GetProperty("items").EnumerateArray().Select(u => u.GetProperty("unit").GetString()!)];

    private static List<(string Label, int Count)> Buckets(JsonElement array) =>
        [.. array.EnumerateArray().Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("count").GetInt32()))];
}
