using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Web.Data;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Tests;

/// <summary>Upload → Hangfire job → stored results → read through the API, end to end on SQLite.</summary>
public sealed class SqliteSubmissionProcessingTests(ServiceFactory factory)
    : SubmissionProcessingTests<ServiceFactory>(factory), IClassFixture<ServiceFactory>;

/// <summary>The same on PostgreSQL (EF Core Npgsql and Hangfire.PostgreSql), when PERFEVAL_TEST_POSTGRES is set.</summary>
public sealed class PostgresSubmissionProcessingTests(PostgresServiceFactory factory)
    : SubmissionProcessingTests<PostgresServiceFactory>(factory), IClassFixture<PostgresServiceFactory>;

/// <summary>Upload → Hangfire job → stored results → read through the API, end to end.</summary>
public abstract class SubmissionProcessingTests<TFactory>(TFactory factory)
    where TFactory : ServiceFactory
{
    private const string Seed = "2023-miluo-disabled-federation.docx";
    private const string Corrected = "2023-miluo-disabled-federation-corrected.docx";

    [Fact]
    public async Task Processes_the_seed_report_and_serves_its_findings_forms_and_file()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);

        var (response, receipt) = await client.UploadAsync(bytes, Seed, unit: "汨罗市残疾人联合会", note: "首次报送");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = receipt.GetProperty("id").GetString()!;
        Assert.Equal($"/api/submissions/{id}", receipt.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/submissions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", receipt.GetProperty("state").GetString());

        var submission = await client.WaitUntilFinishedAsync(id);
        Assert.Equal("done", submission.GetProperty("state").GetString());
        Assert.Equal("汨罗市残疾人联合会", submission.GetProperty("unit").GetString());
        Assert.Equal(2023, submission.GetProperty("year").GetInt32());
        Assert.Equal(1, submission.GetProperty("version").GetInt32());
        Assert.Equal("首次报送", submission.GetProperty("note").GetString());
        Assert.Equal(bytes.Length, submission.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), submission.GetProperty("sha256").GetString());
        Assert.True(submission.GetProperty("startedAt").GetDateTime() >= submission.GetProperty("createdAt").GetDateTime());
        Assert.True(submission.GetProperty("finishedAt").GetDateTime() >= submission.GetProperty("startedAt").GetDateTime());

        // The same findings the pipeline gives for the bytes, in the same order, with the documented shape.
        var expected = Evaluator.Check(bytes, Seed).Findings;
        var findings = (await client.GetJsonAsync($"/api/submissions/{id}/findings")).GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(expected.Select(f => f.Fingerprint), findings.Select(f => f.GetProperty("fingerprint").GetString()));
        Assert.Equal(findings.Count, submission.GetProperty("findingCount").GetInt32());
        Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == "error"), submission.GetProperty("errorCount").GetInt32());
        Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == "warning"), submission.GetProperty("warningCount").GetInt32());

        var weights = findings.First(f => f.GetProperty("rule").GetString() == "score.level-weights");
        Assert.Equal("error", weights.GetProperty("severity").GetString());
        Assert.Equal("score", weights.GetProperty("category").GetString());
        Assert.Equal("department-self-eval", weights.GetProperty("form").GetString());
        Assert.Equal(2, weights.GetProperty("location").GetProperty("table").GetInt32());
        Assert.Equal(30, weights.GetProperty("expected").GetDecimal());
        Assert.Equal(36, weights.GetProperty("actual").GetDecimal());
        Assert.True(weights.GetProperty("related").GetArrayLength() > 0);
        Assert.True(Api.HasChinese(weights.GetProperty("message").GetString()));

        var forms = (await client.GetJsonAsync($"/api/submissions/{id}/forms")).GetProperty("forms").EnumerateArray().ToList();
        Assert.Equal(5, forms.Count);
        Assert.Equal("basic-data", forms[0].GetProperty("kind").GetString());
        Assert.Equal("basic-data", forms[0].GetProperty("data").GetProperty("$type").GetString());

        using var file = await client.GetAsync(new Uri($"/api/submissions/{id}/file", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Seed, file.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_corrected_seed_ends_done_without_errors()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Corrected), TestContext.Current.CancellationToken);

        var (_, receipt) = await client.UploadAsync(bytes, Corrected, unit: "corrected-unit");
        var submission = await client.WaitUntilFinishedAsync(receipt.GetProperty("id").GetString()!);

        Assert.Equal("done", submission.GetProperty("state").GetString());
        Assert.Equal(0, submission.GetProperty("errorCount").GetInt32());
        var findings = await client.GetJsonAsync($"/api/submissions/{receipt.GetProperty("id").GetString()}/findings");
        Assert.DoesNotContain(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task The_same_bytes_from_the_same_unit_return_the_existing_submission()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);

        var (first, firstBody) = await client.UploadAsync(bytes, Seed, unit: "dedupe-unit");
        var (second, secondBody) = await client.UploadAsync(bytes, "renamed.docx", unit: "dedupe-unit");
        var (other, otherBody) = await client.UploadAsync(bytes, Seed, unit: "another-unit");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody.GetProperty("id").GetString(), secondBody.GetProperty("id").GetString());
        Assert.True(secondBody.GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.NotEqual(firstBody.GetProperty("id").GetString(), otherBody.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_new_file_from_the_same_unit_and_year_is_the_next_version_and_the_first_stays_readable()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var seed = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var corrected = await File.ReadAllBytesAsync(Api.Sample(Corrected), TestContext.Current.CancellationToken);

        var (_, v1) = await client.UploadAsync(seed, Seed, unit: "versioned-unit");
        var (_, v2) = await client.UploadAsync(corrected, Corrected, unit: "versioned-unit");
        var (_, otherYear) = await client.UploadAsync(corrected, Corrected, year: 2024, unit: "versioned-unit");

        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        // Same bytes, same unit: the existing submission, whatever year is claimed.
        Assert.Equal(v2.GetProperty("id").GetString(), otherYear.GetProperty("id").GetString());

        var first = await client.WaitUntilFinishedAsync(v1.GetProperty("id").GetString()!);
        var second = await client.WaitUntilFinishedAsync(v2.GetProperty("id").GetString()!);
        Assert.True(first.GetProperty("errorCount").GetInt32() > 0);
        Assert.Equal(0, second.GetProperty("errorCount").GetInt32());

        var list = await client.GetJsonAsync("/api/submissions?unit=versioned-unit&year=2023");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(v2.GetProperty("id").GetString(), list.GetProperty("items")[0].GetProperty("id").GetString());
        var withErrors = await client.GetJsonAsync("/api/submissions?unit=versioned-unit&hasErrors=true");
        Assert.Equal(v1.GetProperty("id").GetString(), Assert.Single(withErrors.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var clean = await client.GetJsonAsync("/api/submissions?unit=versioned-unit&hasErrors=false&state=done");
        Assert.Equal(v2.GetProperty("id").GetString(), Assert.Single(clean.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var paged = await client.GetJsonAsync("/api/submissions?unit=versioned-unit&pageSize=1&page=2");
        Assert.Equal(v1.GetProperty("id").GetString(), Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_truncated_docx_ends_failed_with_the_readers_message_without_retries()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var seed = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var truncated = seed[..(seed.Length * 6 / 10)];
        var refusal = Assert.Throws<DocumentReadException>(() => Evaluator.Check(truncated, "interrupted.docx"));

        var (response, receipt) = await client.UploadAsync(truncated, "interrupted.docx", unit: "truncated-unit");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submission = await client.WaitUntilFinishedAsync(receipt.GetProperty("id").GetString()!);
        Assert.Equal("failed", submission.GetProperty("state").GetString());
        Assert.Equal(refusal.Code, submission.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(refusal.Message, submission.GetProperty("error").GetProperty("message").GetString());
        Assert.True(Api.HasChinese(refusal.Message));
        Assert.Empty((await client.GetJsonAsync($"/api/submissions/{receipt.GetProperty("id").GetString()}/findings")).GetProperty("findings").EnumerateArray());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var stored = await db.Submissions.SingleAsync(s => s.Id == Guid.Parse(receipt.GetProperty("id").GetString()!), TestContext.Current.CancellationToken);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Running_the_job_again_and_twice_at_once_leaves_one_set_of_results()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var (_, receipt) = await client.UploadAsync(bytes, Seed, unit: "idempotent-unit");
        var id = Guid.Parse(receipt.GetProperty("id").GetString()!);
        var done = await client.WaitUntilFinishedAsync(id.ToString());
        var count = done.GetProperty("findingCount").GetInt32();

        // A finished submission is left alone by a repeated job.
        await RunJobAsync(id);
        Assert.Equal(count, await CountFindingsAsync(id));

        // Put it back as if a worker had died mid-way, then let two workers run it at once.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(
                u => u.SetProperty(s => s.State, SubmissionState.Processing), TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(RunJobAsync(id), RunJobAsync(id));

        Assert.Equal(count, await CountFindingsAsync(id));
        var after = await client.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("done", after.GetProperty("state").GetString());
        Assert.Equal(count, after.GetProperty("findingCount").GetInt32());
        var forms = await client.GetJsonAsync($"/api/submissions/{id}/forms");
        Assert.Equal(5, forms.GetProperty("forms").GetArrayLength());
    }

    [Fact]
    public async Task Many_uploads_for_one_unit_at_once_are_all_kept_with_distinct_versions()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var text = await File.ReadAllBytesAsync(Api.Sample("2023-miluo-disabled-federation.txt"), TestContext.Current.CancellationToken);

        // 24 different files for the same unit and year, all sent at once: each must be stored as its own version.
        var uploads = Enumerable.Range(0, 24).Select(async i =>
        {
            var bytes = text.Concat(System.Text.Encoding.ASCII.GetBytes($"\ncopy {i}\n")).ToArray();
            var (response, receipt) = await client.UploadAsync(bytes, $"copy-{i}.txt", unit: "concurrent-unit");
            return (response.StatusCode, Version: response.IsSuccessStatusCode ? receipt.GetProperty("version").GetInt32() : 0);
        });
        var results = await Task.WhenAll(uploads);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, 24), results.Select(r => r.Version).Order());
    }

    [Fact]
    public async Task Two_first_runs_at_once_store_one_set_of_results()
    {
        factory.SkipUnlessAvailable();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var expected = Evaluator.Check(bytes, Seed).Findings.Count;

        // Stored but never enqueued, so no Hangfire worker touches it: two workers then take its job at the same time,
        // both on the first-run path (nothing stored yet).
        var id = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            db.Submissions.Add(new Submission
            {
                Id = id,
                UnitName = "first-run-race-unit",
                Year = 2023,
                FileName = Seed,
                ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                Version = 1,
                State = SubmissionState.Queued,
                CreatedAt = DateTime.UtcNow,
                File = new StoredFile { Content = bytes },
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(RunJobAsync(id), RunJobAsync(id));

        Assert.Equal(expected, await CountFindingsAsync(id));
        var after = await client.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("done", after.GetProperty("state").GetString());
        Assert.Equal(expected, after.GetProperty("findingCount").GetInt32());
        var forms = await client.GetJsonAsync($"/api/submissions/{id}/forms");
        Assert.Equal(5, forms.GetProperty("forms").GetArrayLength());
    }

    private async Task RunJobAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ProcessSubmissionJob>(scope.ServiceProvider);
        await job.RunAsync(id, null, TestContext.Current.CancellationToken);
    }

    private async Task<int> CountFindingsAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        return await db.Findings.CountAsync(f => f.SubmissionId == id, TestContext.Current.CancellationToken);
    }
}
