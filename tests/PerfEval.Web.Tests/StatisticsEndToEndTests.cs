using Microsoft.Extensions.DependencyInjection;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Rules;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>Real uploads through the job pipeline, then the statistics and the findings export of what the jobs stored.</summary>
public sealed class StatisticsEndToEndTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Unit = "汨罗市残疾人联合会";
    private const string Corrected = "2023-miluo-disabled-federation-corrected.docx";
    private const string Seed = "2023-miluo-disabled-federation.docx";

    [Fact]
    public async Task The_statistics_of_uploaded_reports_are_the_figures_and_findings_the_pipeline_gives_for_the_latest()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            db.Organisations.AddRange(new Organisation { Name = Unit }, new Organisation { Name = "汨罗市财政局" });
            await db.SaveChangesAsync(cancellationToken);
        }

        var client = await factory.ClientAsync();
        var corrected = await File.ReadAllBytesAsync(Api.Sample(Corrected), cancellationToken);
        var seed = await File.ReadAllBytesAsync(Api.Sample(Seed), cancellationToken);
        var (_, first) = await client.UploadAsync(corrected, Corrected, unit: Unit);
        await client.WaitUntilFinishedAsync(first.GetProperty("id").GetString()!);
        var (_, second) = await client.UploadAsync(seed, Seed, unit: Unit);
        Assert.Equal("done", (await client.WaitUntilFinishedAsync(second.GetProperty("id").GetString()!)).GetProperty("state").GetString());

        // What the pipeline itself says of the latest version (the published report, inconsistencies and all).
        var check = Evaluator.Check(seed, Seed);
        var headline = Headline.Of(check.Extraction.Submission);
        Assert.NotNull(headline.Budget);
        Assert.NotNull(headline.Score);

        var report = await client.GetJsonAsync("/api/statistics?year=2023");
        var overall = report.GetProperty("overall");
        Assert.Equal(2, overall.GetProperty("submissions").GetProperty("total").GetInt32());
        Assert.Equal(2, overall.GetProperty("submissions").GetProperty("done").GetInt32());
        Assert.Equal(["汨罗市财政局"], overall.GetProperty("missingUnits").EnumerateArray().Select(e => e.GetString()));

        var row = Assert.Single(report.GetProperty("units").GetProperty("items").EnumerateArray());
        Assert.Equal(second.GetProperty("id").GetGuid(), row.GetProperty("submissionId").GetGuid());
        Assert.Equal(2, row.GetProperty("versionCount").GetInt32());
        Assert.Equal(headline.Budget, row.GetProperty("budget").GetDecimal());
        Assert.Equal(headline.Executed, row.GetProperty("executed").GetDecimal());
        Assert.Equal(headline.Score, row.GetProperty("score").GetDecimal());
        Assert.Equal(headline.Grade, row.GetProperty("grade").GetString());
        Assert.Equal(Math.Round(headline.ExecutionRate!.Value, 6, MidpointRounding.AwayFromZero), row.GetProperty("executionRate").GetDecimal());
        Assert.Equal(headline.Budget, overall.GetProperty("totalBudget").GetDecimal());

        Assert.Equal(check.Findings.Count, overall.GetProperty("findings").GetProperty("total").GetInt32());
        Assert.Equal(check.Findings.Count(f => f.Severity == Severity.Error), row.GetProperty("errors").GetInt32());
        var expectedRules = check.Findings.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count());
        var rules = overall.GetProperty("findingsByRule").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!, r => r.GetProperty("total").GetInt32());
        Assert.Equal(expectedRules.OrderBy(r => r.Key), rules.OrderBy(r => r.Key));

        using var export = await client.GetAsync(new Uri("/api/findings/export?year=2023&format=csv", UriKind.Relative), cancellationToken);
        var rows = ExportReading.Csv(await export.Content.ReadAsByteArrayAsync(cancellationToken));
        Assert.Equal(check.Findings.Count, rows.Count - 1);
        Assert.Equal(check.Findings.Select(f => f.Rule), rows.Skip(1).Select(r => r[5]));
    }
}
