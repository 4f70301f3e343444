using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features;
using PerfEval.Core.Rules;
using StoredFinding = PerfEval.Web.Data.Finding;

namespace PerfEval.Web.Tests;

/// <summary>
/// The service with 10,000 submissions of 40 units over four years written straight into the database (in batches,
/// no files, no jobs), with findings of every rule category on the checked ones with errors. Seeded once per class,
/// on first use, so a PostgreSQL class without a server skips before touching it.
/// </summary>
public sealed class SeededSubmissions<TFactory> : IAsyncDisposable where TFactory : ServiceFactory, new()
{
    public const int Count = 10_000;
    public const int Units = 40;
    private const int BatchSize = 1_000;

    private readonly SemaphoreSlim gate = new(1, 1);

    public TFactory Factory { get; } = new();

    /// <summary>What was written, to compute the expected answers independently of the SQL.</summary>
    public IReadOnlyList<Submission> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, HashSet<string>> CategoriesOf { get; private set; } = new Dictionary<Guid, HashSet<string>>();

    public TimeSpan SeedTime { get; private set; }

    public async Task EnsureSeededAsync()
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Rows.Count > 0)
            {
                return;
            }

            _ = Factory.Services; // starts the service (migrations, first admin) outside the seeding time
            var clock = Stopwatch.StartNew();
            var categories = Enum.GetValues<RuleCategory>().Select(c => Wire.Name(c)).ToArray();
            var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var versions = new Dictionary<(string, int), int>();
            var rows = new List<Submission>(Count);
            var categoriesOf = new Dictionary<Guid, HashSet<string>>();
            for (var i = 0; i < Count; i++)
            {
                var unit = SeededUnits.Name(i % Units);
                var year = 2021 + (i / Units % 4);
                var version = versions[(unit, year)] = versions.GetValueOrDefault((unit, year)) + 1;
                var state = (i % 100) switch
                {
                    < 90 => SubmissionState.Done,
                    < 94 => SubmissionState.Failed,
                    < 97 => SubmissionState.Queued,
                    _ => SubmissionState.Processing,
                };
                var done = state == SubmissionState.Done;
                var submission = new Submission
                {
                    Id = Guid.CreateVersion7(),
                    UnitName = unit,
                    Year = year,
                    FileName = $"{year}年{unit}部门整体支出绩效自评报告（第{version}版）.docx",
                    ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    Size = 40_000 + i,
                    Sha256 = i.ToString("x64", CultureInfo.InvariantCulture),
                    Version = version,
                    State = state,
                    CreatedAt = start.AddMinutes(i),
                    FinishedAt = done ? start.AddMinutes(i).AddSeconds(3) : null,
                    ErrorCode = state == SubmissionState.Failed ? "corrupt-zip" : null,
                    ErrorMessage = state == SubmissionState.Failed ? "文件内容已损坏。" : null,
                    ErrorCount = done ? i % 7 : 0,
                    WarningCount = done ? i % 5 : 0,
                    Score = done ? 60 + (i % 40) : null,
                    UploadedBy = "seed",
                };
                submission.FindingCount = submission.ErrorCount + submission.WarningCount;
                var mine = new HashSet<string>();
                for (var f = 0; f < Math.Min(submission.ErrorCount, 2); f++)
                {
                    var category = categories[(i + (f * 3)) % categories.Length];
                    mine.Add(category);
                    submission.Findings.Add(new StoredFinding
                    {
                        Ordinal = f,
                        Rule = category + ".seeded",
                        Category = category,
                        Severity = "error",
                        Message = "合计数与分项之和不一致。",
                        Form = "department-self-eval",
                        Table = 1,
                        Row = 3 + f,
                        Column = 2,
                        RelatedJson = "[]",
                        Fingerprint = (i * 2 + f).ToString("x16", CultureInfo.InvariantCulture),
                    });
                }

                categoriesOf[submission.Id] = mine;
                rows.Add(submission);
            }

            foreach (var batch in rows.Chunk(BatchSize))
            {
                await using var scope = Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Submissions.AddRange(batch);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            SeedTime = clock.Elapsed;
            Rows = rows;
            CategoriesOf = categoriesOf;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>The names of the seeded units.</summary>
public static class SeededUnits
{
    public static string Name(int n) => $"压测单位{n:00}";
}

/// <summary>The list classes run alone (after the parallel ones), so the times they record are not those of a
/// machine busy with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PagesTimingGroup
{
    public const string Name = "pages-timing";
}

[Collection(PagesTimingGroup.Name)]
public sealed class SqlitePagesListTests(SeededSubmissions<ServiceFactory> data)
    : PagesListTests<ServiceFactory>(data), IClassFixture<SeededSubmissions<ServiceFactory>>;

[Collection(PagesTimingGroup.Name)]
public sealed class PostgresPagesListTests(SeededSubmissions<PostgresServiceFactory> data)
    : PagesListTests<PostgresServiceFactory>(data), IClassFixture<SeededSubmissions<PostgresServiceFactory>>;

/// <summary>The submissions list page over 10,000 submissions: paging, every filter and sort, unit scoping, and the
/// time the server takes (measured once and written to <c>TestResults/pages-list-timings-*.txt</c>; not asserted).</summary>
public abstract class PagesListTests<TFactory>(SeededSubmissions<TFactory> data) where TFactory : ServiceFactory, new()
{
    private static int counter;

    private async Task<PagesClient> ReadyAsync(string role, string? unit = null)
    {
        data.Factory.SkipUnlessAvailable();
        await data.EnsureSeededAsync();
        return await PagesClient.SignedInAsync(data.Factory, $"list-{role}-{Interlocked.Increment(ref counter)}", role, unit);
    }

    private static int Rows(HtmlPage page) => page.Document.QuerySelectorAll("table.submissions tbody tr").Length;

    private static string Summary(HtmlPage page) => page.Document.QuerySelector("[data-testid=list-summary]")?.TextContent ?? string.Empty;

    [Fact]
    public async Task Ten_thousand_submissions_are_listed_fifty_a_page_and_the_server_time_is_recorded()
    {
        using var auditor = await ReadyAsync(Roles.Auditor);
        (await auditor.GetAsync("/submissions?page=2")).Response.Dispose(); // compiles the page and the query once

        var timings = new List<string>();
        async Task<HtmlPage> TimedAsync(string url)
        {
            // Twice: the first answer of a new filter/sort combination includes EF Core compiling its query.
            var elapsed = new double[2];
            HttpResponseMessage? response = null;
            var body = string.Empty;
            for (var run = 0; run < 2; run++)
            {
                response?.Dispose();
                var clock = Stopwatch.StartNew();
                response = await auditor.Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                elapsed[run] = clock.Elapsed.TotalMilliseconds;
            }

            timings.Add(FormattableString.Invariant($"{elapsed[0],8:0.0} ms first, {elapsed[1],7:0.0} ms again  {body.Length,6} chars  GET {url}"));
            return new HtmlPage(response!, await PagesClient.ParseAsync(response!), url);
        }

        var first = await TimedAsync("/submissions");
        var last = await TimedAsync("/submissions?page=200");
        await TimedAsync("/submissions?sort=errors");
        await TimedAsync("/submissions?sort=score&page=100");
        await TimedAsync("/submissions?category=crossref");
        await TimedAsync("/submissions?year=2023&state=done&errors=yes&category=total&sort=unit");
        await TimedAsync("/submissions?unit=" + Uri.EscapeDataString(SeededUnits.Name(7)));
        var report = string.Join(Environment.NewLine,
            [$"{typeof(TFactory).Name}: {SeededSubmissions<TFactory>.Count} submissions seeded in {data.SeedTime.TotalSeconds:0.0} s; "
                + "time to the whole page in process (after one warm-up request of the plain list):", .. timings]);
        TestContext.Current.SendDiagnosticMessage(report);
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"pages-list-timings-{typeof(TFactory).Name}.txt"), report + Environment.NewLine, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(50, Rows(first));
        Assert.Contains("共 10000 份报送", Summary(first), StringComparison.Ordinal);
        Assert.Contains("第 1 / 200 页", first.Document.QuerySelector("nav.pager")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(50, Rows(last));
        Assert.Contains("第 9951–10000 份", Summary(last), StringComparison.Ordinal);
        var newest = data.Rows.MaxBy(r => r.CreatedAt)!;
        Assert.Equal(newest.Id.ToString(), first.Document.QuerySelector("table.submissions tbody tr")?.GetAttribute("data-submission"));
    }

    [Fact]
    public async Task Filters_and_sorts_give_what_the_seeded_rows_say()
    {
        using var auditor = await ReadyAsync(Roles.Auditor);
        var rows = data.Rows;
        var unit = SeededUnits.Name(3);

        var byYearAndErrors = await auditor.GetAsync("/submissions?year=2023&errors=yes");
        var failed = await auditor.GetAsync("/submissions?state=failed");
        var noErrors = await auditor.GetAsync("/submissions?errors=no&state=done");
        var category = await auditor.GetAsync("/submissions?category=duplicate");
        var ofUnit = await auditor.GetAsync("/submissions?unit=" + Uri.EscapeDataString(unit));
        var mostErrors = await auditor.GetAsync("/submissions?sort=errors");
        var lowestScore = await auditor.GetAsync("/submissions?sort=score");
        var bad = await auditor.GetAsync("/submissions?state=finished&category=nonsense&sort=random&year=abcd");

        Assert.Contains($"共 {rows.Count(r => r.Year == 2023 && r.State == SubmissionState.Done && r.ErrorCount > 0)} 份", Summary(byYearAndErrors), StringComparison.Ordinal);
        Assert.Contains($"共 {rows.Count(r => r.State == SubmissionState.Failed)} 份", Summary(failed), StringComparison.Ordinal);
        Assert.Contains($"共 {rows.Count(r => r.State == SubmissionState.Done && r.ErrorCount == 0)} 份", Summary(noErrors), StringComparison.Ordinal);
        Assert.Contains($"共 {data.CategoriesOf.Count(c => c.Value.Contains("duplicate"))} 份", Summary(category), StringComparison.Ordinal);
        Assert.Contains($"共 {rows.Count(r => r.UnitName == unit)} 份", Summary(ofUnit), StringComparison.Ordinal);
        Assert.All(ofUnit.Document.QuerySelectorAll("table.submissions tbody tr"), r => Assert.Contains(unit, r.TextContent, StringComparison.Ordinal));
        Assert.Contains("failed", failed.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=state]")?.Value, StringComparison.Ordinal);
        Assert.Equal(rows.Max(r => r.ErrorCount).ToString(CultureInfo.InvariantCulture),
            mostErrors.Document.QuerySelector("table.submissions tbody tr td.num")?.TextContent);
        Assert.Equal(rows.Where(r => r.Score is not null).Min(r => r.Score)!.Value.ToString("0.##", CultureInfo.InvariantCulture),
            lowestScore.Document.QuerySelectorAll("table.submissions tbody tr")[0].QuerySelectorAll("td.num")[2].TextContent);
        Assert.Contains("共 10000 份", Summary(bad), StringComparison.Ordinal);
        Assert.Equal(4, bad.Document.QuerySelectorAll("p.notice").Length);
        var next = mostErrors.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/submissions?sort=errors&page=2", next);
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_submissions_whatever_it_asks_for()
    {
        var unit = SeededUnits.Name(11);
        using var clerk = await ReadyAsync(Roles.Unit, unit);

        var list = await clerk.GetAsync("/submissions");
        var other = await clerk.GetAsync("/submissions?unit=" + Uri.EscapeDataString(SeededUnits.Name(12)));

        Assert.Contains($"共 {data.Rows.Count(r => r.UnitName == unit)} 份", Summary(list), StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector("input[name=unit]"));
        Assert.DoesNotContain(list.Document.QuerySelectorAll("table.submissions th"), th => th.TextContent == "单位");
        Assert.Equal(Summary(list), Summary(other));
    }
}
