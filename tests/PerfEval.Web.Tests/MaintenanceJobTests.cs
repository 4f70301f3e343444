using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Tests;

public sealed class SqliteMaintenanceJobTests(ServiceFactory factory)
    : MaintenanceJobTests<ServiceFactory>(factory), IClassFixture<ServiceFactory>;

public sealed class PostgresMaintenanceJobTests(PostgresServiceFactory factory)
    : MaintenanceJobTests<PostgresServiceFactory>(factory), IClassFixture<PostgresServiceFactory>;

/// <summary>What the job stores besides findings (headline figures, the document model), the re-check batch after a
/// rules change, and the sweep for submissions whose job never reached the queue.</summary>
public abstract class MaintenanceJobTests<TFactory>(TFactory factory)
    where TFactory : ServiceFactory
{
    private const string Seed = "2023-miluo-disabled-federation.docx";

    [Fact]
    public async Task The_job_stores_the_headline_figures_and_the_document_model()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var (_, receipt) = await client.UploadAsync(bytes, Seed, unit: "headline-unit");

        var submission = await client.WaitUntilFinishedAsync(receipt.GetProperty("id").GetString()!);

        // The seed's 部门整体支出绩效自评表: 年度资金总额 全年预算数 581.79, 全年执行数 1005.67 (万元); 总分 得分 98 → 优.
        Assert.Equal(581.79m, submission.GetProperty("budget").GetDecimal());
        Assert.Equal(1005.67m, submission.GetProperty("executed").GetDecimal());
        Assert.Equal(98m, submission.GetProperty("score").GetDecimal());
        Assert.Equal("优", submission.GetProperty("grade").GetString());
        Assert.Equal("test-admin", submission.GetProperty("uploadedBy").GetString());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var id = Guid.Parse(receipt.GetProperty("id").GetString()!);
        var json = await db.StoredDocuments.Where(d => d.SubmissionId == id).Select(d => d.Json).SingleAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        var blocks = document.RootElement.EnumerateArray().ToList();
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "table");
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "paragraph"
            && b.GetProperty("text").GetString()!.Contains("绩效自评", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recheck_after_a_rules_change_restores_the_current_findings()
    {
        factory.SkipUnlessAvailable();
        var admin = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var (_, receipt) = await admin.UploadAsync(bytes, Seed, year: 2031, unit: "recheck-unit");
        var id = receipt.GetProperty("id").GetString()!;
        var before = await admin.WaitUntilFinishedAsync(id);
        var expectedCount = before.GetProperty("findingCount").GetInt32();

        // As if the findings had come from older rules: one gone, counts stale.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            var guid = Guid.Parse(id);
            var first = await db.Findings.Where(f => f.SubmissionId == guid).OrderBy(f => f.Ordinal).Select(f => f.Id).FirstAsync(TestContext.Current.CancellationToken);
            await db.Findings.Where(f => f.Id == first).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.Submissions.Where(s => s.Id == guid).ExecuteUpdateAsync(u => u.SetProperty(s => s.FindingCount, 0), TestContext.Current.CancellationToken);
        }

        var auditor = await factory.ClientAsync(Roles.Auditor);
        using var response = await auditor.PostAsync(new Uri("/api/submissions/recheck?year=2031", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var batch = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, batch.GetProperty("submissions").GetInt32());
        var after = await WaitForRecheckAsync(admin, id, before.GetProperty("checkedAt").GetDateTime());
        Assert.Equal(expectedCount, after.GetProperty("findingCount").GetInt32());
        var findings = (await admin.GetJsonAsync($"/api/submissions/{id}/findings")).GetProperty("findings");
        Assert.Equal(expectedCount, findings.GetArrayLength());
    }

    [Fact]
    public async Task A_submission_whose_job_never_reached_the_queue_is_picked_up_by_the_sweep()
    {
        factory.SkipUnlessAvailable();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var id = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            db.Submissions.Add(new Submission
            {
                Id = id,
                UnitName = "stuck-unit",
                Year = 2023,
                FileName = Seed,
                ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                Version = 1,
                State = SubmissionState.Queued,
                CreatedAt = DateTime.UtcNow.AddHours(-1),
                File = new StoredFile { Content = bytes },
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            // A fresh one (uploaded a moment ago) is left to its own job.
            await ActivatorUtilities.CreateInstance<SweepStuckSubmissionsJob>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
        }

        var submission = await (await factory.ClientAsync()).WaitUntilFinishedAsync(id.ToString());
        Assert.Equal("done", submission.GetProperty("state").GetString());
        Assert.True(submission.GetProperty("findingCount").GetInt32() > 0);
    }

    private static async Task<JsonElement> WaitForRecheckAsync(HttpClient client, string id, DateTime previousCheck)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var submission = await client.GetJsonAsync($"/api/submissions/{id}");
            if (submission.GetProperty("state").GetString() == "done"
                && submission.GetProperty("checkedAt").GetDateTime() > previousCheck)
            {
                return submission;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the re-check did not finish within 60 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
