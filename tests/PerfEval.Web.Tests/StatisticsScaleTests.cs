using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Tests;

/// <summary>
/// A year of 10,000 submissions (4,000-odd units, up to four versions each, about 8 findings each) in SQLite: the
/// statistics and the exports must give what the same data gives counted in memory, and the test reports how long
/// they take (a measurement printed to the test output, not a timed assertion). Run it alone to see the figures:
/// <c>dotnet test --project tests/PerfEval.Web.Tests -c Release --filter-class "*StatisticsScaleTests*" --output Detailed</c>.
/// </summary>
public sealed class StatisticsScaleTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const int Year = 2023;
    private const int Submissions = 10_000;
    private const int Organisations = 5_000;

    private static readonly string[] Categories = ["total", "rate", "score", "duplicate", "crossref", "missing", "structure"];
    private static readonly string[] Severities = ["error", "error", "warning", "info"];

    [Fact]
    public async Task Ten_thousand_submissions_give_the_figures_counted_in_memory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var data = Generate();
        await SeedAsync(data, cancellationToken);
        var seeded = clock.Elapsed;
        var latest = data.Where(s => s.Year == Year).GroupBy(s => s.UnitName).Select(g => g.MaxBy(s => s.Version)!).ToList();
        var latestFindings = latest.SelectMany(s => s.Findings).ToList();

        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var (report, statisticsTime) = await TimeAsync(() => mediator.Send(new GetStatistics.Query(Year, PageSize: 100), cancellationToken).AsTask());

        var overall = report.Overall;
        Assert.Equal(Submissions, overall.Submissions.Total);
        Assert.Equal(latest.Count, overall.UnitsSubmitted);
        Assert.Equal(Organisations - latest.Count, overall.UnitsMissing);
        var withFigures = latest.Where(s => s.Budget is not null && s.Executed is not null).ToList();
        Assert.Equal(withFigures.Sum(s => s.Budget!.Value), overall.TotalBudget);
        Assert.Equal(withFigures.Sum(s => s.Executed!.Value), overall.TotalExecuted);
        Assert.Equal(Math.Round(withFigures.Sum(s => s.Executed!.Value) / withFigures.Sum(s => s.Budget!.Value), 6), overall.ExecutionRate);
        Assert.Equal(["优", "良", "中", "差"], overall.Grades.Select(g => g.Grade));
        Assert.Equal(overall.Grades.Select(g => latest.Count(s => s.Grade == g.Grade)), overall.Grades.Select(g => g.Count));
        Assert.Equal(latestFindings.Count, overall.Findings.Total);
        Assert.Equal(latestFindings.Count(f => f.Severity == "error"), overall.Findings.Errors);
        Assert.Equal(
            Categories.Select(c => (c, latestFindings.Count(f => f.Category == c), latest.Count(s => s.Findings.Any(f => f.Category == c)))),
            overall.FindingsByCategory.Select(c => (c.Category, c.Total, c.Units)));
        Assert.Equal(latest.Max(s => s.ErrorCount), overall.TopUnitsByErrors[0].Errors);
        Assert.Equal(100, report.Units.Items.Count);
        Assert.Equal(latest.Count, report.Units.Total);

        var client = await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance);
        var (json, apiTime) = await TimeAsync(() => client.GetByteArrayAsync(new Uri($"/api/statistics?year={Year}", UriKind.Relative), cancellationToken));
        var (csv, csvTime) = await TimeAsync(() => client.GetByteArrayAsync(new Uri($"/api/findings/export?year={Year}&format=csv", UriKind.Relative), cancellationToken));
        var (xlsx, xlsxTime) = await TimeAsync(() => client.GetByteArrayAsync(new Uri($"/api/findings/export?year={Year}&format=xlsx", UriKind.Relative), cancellationToken));
        var (unitsXlsx, unitsTime) = await TimeAsync(() => client.GetByteArrayAsync(new Uri($"/api/statistics/export?year={Year}&format=xlsx", UriKind.Relative), cancellationToken));

        Assert.Equal(latestFindings.Count + 1, ExportReading.Csv(csv).Count);
        Assert.Equal(latestFindings.Count + 1, ExportReading.Xlsx(xlsx).Single().Rows.Count);
        Assert.Equal(latest.Count + 1, ExportReading.Xlsx(unitsXlsx).Single(s => s.Name == "分单位").Rows.Count);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"""
            SQLite, {data.Count:N0} submissions ({Submissions:N0} in {Year}, {latest.Count:N0} units), {data.Sum(s => s.Findings.Count):N0} findings ({latestFindings.Count:N0} of latest versions); seeded in {seeded.TotalSeconds:F1} s
            GetStatistics (handler, page of 100): {statisticsTime}
            GET /api/statistics: {apiTime} ({json.Length / 1024.0:F0} KiB)
            GET /api/findings/export csv: {csvTime} ({csv.Length / 1024.0 / 1024.0:F1} MiB)
            GET /api/findings/export xlsx: {xlsxTime} ({xlsx.Length / 1024.0 / 1024.0:F1} MiB)
            GET /api/statistics/export xlsx: {unitsTime} ({unitsXlsx.Length / 1024.0:F0} KiB)
            """));
    }

    /// <summary>Runs the call once to warm up, then five times: the median and the range of the elapsed time, and the
    /// median processor time of the whole test process (on a busy machine the elapsed time says more about the
    /// neighbours than about the code).</summary>
    private static async Task<(T Result, string Time)> TimeAsync<T>(Func<Task<T>> call)
    {
        var result = await call();
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 5; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        return (result, string.Create(CultureInfo.InvariantCulture,
            $"median {times[2]:F0} ms elapsed (min {times[0]:F0}, max {times[4]:F0}), {cpu[2]:F0} ms processor"));
    }

    /// <summary>A seeded generator: units with 1–4 versions until the year has 10,000 submissions, 2,000 more in the
    /// year before; most done with figures, some failed or queued; 0–16 findings each.</summary>
    private static List<Submission> Generate()
    {
        var random = new Random(20231);
        var submissions = new List<Submission>();
        var t0 = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (year, count) in new[] { (Year, Submissions), (Year - 1, 2_000) })
        {
            var made = 0;
            for (var unit = 0; made < count; unit++)
            {
                var versions = Math.Min(random.Next(1, 5), count - made);
                for (var version = 1; version <= versions; version++, made++)
                {
                    var state = random.Next(20) switch { 0 => SubmissionState.Failed, 1 => SubmissionState.Queued, _ => SubmissionState.Done };
                    var budget = state == SubmissionState.Done ? Math.Round((decimal)random.Next(10_000, 5_000_000) / 100m, 2) : (decimal?)null;
                    var executed = budget is decimal b ? Math.Round(b * random.Next(40, 110) / 100m, 2) : (decimal?)null;
                    var score = state == SubmissionState.Done ? random.Next(500, 1001) / 10m : (decimal?)null;
                    var findings = state == SubmissionState.Done
                        ? Enumerable.Range(0, random.Next(0, 17)).Select(i => new Finding
                        {
                            Ordinal = i,
                            Rule = $"{Categories[i % Categories.Length]}.rule-{random.Next(3)}",
                            Category = Categories[i % Categories.Length],
                            Severity = Severities[random.Next(Severities.Length)],
                            Message = $"第{i + 1}处问题：合计数与分项之和不符，相差{random.Next(1, 99)}万元。",
                            Form = "department-self-eval",
                            Table = 2,
                            Row = random.Next(1, 30),
                            Column = random.Next(1, 9),
                            Excerpt = "年度资金总额",
                            Expected = random.Next(1, 1000),
                            Actual = random.Next(1, 1000),
                            RelatedJson = "[]",
                            Fingerprint = $"{made:D8}{i:D8}",
                        }).ToList()
                        : [];
                    submissions.Add(new Submission
                    {
                        Id = Guid.CreateVersion7(),
                        UnitName = $"第{unit + 1:D4}号预算单位",
                        Year = year,
                        Version = version,
                        FileName = "report.docx",
                        ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Sha256 = $"{year}{unit:D6}{version:D2}".PadLeft(64, '0'),
                        State = state,
                        CreatedAt = t0.AddMinutes(made),
                        Budget = budget,
                        Executed = executed,
                        Score = score,
                        Grade = PerfEval.Core.Evaluation.Headline.GradeOf(score),
                        FindingCount = findings.Count,
                        ErrorCount = findings.Count(f => f.Severity == "error"),
                        WarningCount = findings.Count(f => f.Severity == "warning"),
                        Findings = findings,
                    });
                }
            }
        }

        return submissions;
    }

    /// <summary>Writes the rows with prepared INSERTs in one transaction, the values in the form EF Core's SQLite
    /// provider stores them (GUIDs as upper-case text, decimals and times as text): a hundred times faster than
    /// SaveChanges for 100,000 rows, which is what a measurement needs.</summary>
    private async Task SeedAsync(List<Submission> data, CancellationToken cancellationToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        db.Organisations.AddRange(Enumerable.Range(1, Organisations).Select(i => new Organisation { Name = $"第{i:D4}号预算单位", CreatedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync(cancellationToken);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var submission = Command(connection, transaction, "Submissions",
            "Id", "UnitName", "Year", "FileName", "ContentType", "Size", "Sha256", "Version", "State", "CreatedAt", "Attempts",
            "FindingCount", "ErrorCount", "WarningCount", "Budget", "Executed", "Score", "Grade");
        await using var finding = Command(connection, transaction, "Findings",
            "SubmissionId", "Ordinal", "Rule", "Category", "Severity", "Message", "Form", "Table", "Row", "Column", "Excerpt",
            "Expected", "Actual", "RelatedJson", "Fingerprint");
        foreach (var s in data)
        {
            var id = s.Id.ToString().ToUpperInvariant();
            await RunAsync(submission, cancellationToken, id, s.UnitName, s.Year, s.FileName, s.ContentType, 0, s.Sha256, s.Version,
                s.State.ToString().ToLowerInvariant(), s.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), 1,
                s.FindingCount, s.ErrorCount, s.WarningCount, Text(s.Budget), Text(s.Executed), Text(s.Score), s.Grade);
            foreach (var f in s.Findings)
            {
                await RunAsync(finding, cancellationToken, id, f.Ordinal, f.Rule, f.Category, f.Severity, f.Message, f.Form, f.Table, f.Row,
                    f.Column, f.Excerpt, Text(f.Expected), Text(f.Actual), f.RelatedJson, f.Fingerprint);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names are constants of this test
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
#pragma warning restore CA2100
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
