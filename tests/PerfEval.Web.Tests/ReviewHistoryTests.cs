using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Data;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Tests;

/// <summary>Decisions and their history on SQLite.</summary>
public sealed class SqliteReviewHistoryTests(ReviewHost<ServiceFactory> host)
    : ReviewHistoryTests<ServiceFactory>(host), IClassFixture<ReviewHost<ServiceFactory>>;

/// <summary>The same on PostgreSQL, when PERFEVAL_TEST_POSTGRES is set.</summary>
public sealed class PostgresReviewHistoryTests(ReviewHost<PostgresServiceFactory> host)
    : ReviewHistoryTests<PostgresServiceFactory>(host), IClassFixture<ReviewHost<PostgresServiceFactory>>;

/// <summary>
/// Triage end to end: decisions append to the history with actor and time, the latest decision on a finding is its
/// state, decisions survive a re-check of the same file, and marking a submission reviewed.
/// </summary>
public abstract class ReviewHistoryTests<TFactory>(ReviewHost<TFactory> host)
    where TFactory : ServiceFactory, new()
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Decisions_are_kept_with_actor_and_time_and_the_latest_one_is_the_state()
    {
        host.Factory.SkipUnlessAvailable();
        var id = await host.UploadSeedAsync("history-unit");
        var zhang = host.Client(ReviewUser.Auditor("张审核"));
        var li = host.Client(ReviewUser.Auditor("李审核"));

        var before = DateTime.UtcNow;
        var initial = await zhang.GetReviewAsync(id);
        var all = initial.Findings();
        Assert.True(all.Count > 10);
        Assert.All(all, f => Assert.Equal("open", f.GetProperty("state").GetString()));
        Assert.Empty(initial.History());
        Assert.Equal(all.Count, initial.GetProperty("counts").GetProperty("open").GetInt32());
        var weights = all.First(f => f.GetProperty("rule").GetString() == "score.level-weights");
        var other = all.First(f => f.GetProperty("rule").GetString() == "total.fund-breakdown");
        var fingerprint = weights.GetProperty("fingerprint").GetString()!;

        var (confirmed, confirmedBody) = await zhang.DecideAsync(id, weights.GetProperty("id").GetInt64(), "confirmed", "  权重与得分确实不符  ");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("confirmed", confirmedBody.GetProperty("state").GetString());
        Assert.Equal("权重与得分确实不符", confirmedBody.GetProperty("comment").GetString());
        Assert.Equal("张审核", confirmedBody.GetProperty("decidedBy").GetString());
        Assert.Equal(fingerprint, confirmedBody.GetProperty("fingerprint").GetString());

        var (dismissed, _) = await li.DecideAsync(id, weights.GetProperty("id").GetInt64(), "dismissed", "该表按新口径填报，不适用此检查");
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var after = DateTime.UtcNow;

        var review = await zhang.GetReviewAsync(id);
        var decided = review.Finding(fingerprint);
        Assert.Equal("dismissed", decided.GetProperty("state").GetString());
        Assert.Equal("该表按新口径填报，不适用此检查", decided.GetProperty("comment").GetString());
        Assert.Equal("李审核", decided.GetProperty("decidedBy").GetString());
        Assert.InRange(decided.GetProperty("decidedAt").GetDateTime(), before - Slack, after + Slack);
        Assert.Equal("open", review.Finding(other.GetProperty("fingerprint").GetString()!).GetProperty("state").GetString());
        Assert.Equal(1, review.GetProperty("counts").GetProperty("dismissed").GetInt32());
        Assert.Equal(0, review.GetProperty("counts").GetProperty("confirmed").GetInt32());
        Assert.Equal(all.Count - 1, review.GetProperty("counts").GetProperty("open").GetInt32());

        // The history keeps both, newest first, with who and when and the finding they speak of.
        var history = review.History();
        Assert.Equal(["dismissed", "confirmed"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(["李审核", "张审核"], history.Select(h => h.GetProperty("actor").GetString()));
        Assert.Equal(["该表按新口径填报，不适用此检查", "权重与得分确实不符"], history.Select(h => h.GetProperty("comment").GetString()));
        Assert.All(history, h =>
        {
            Assert.Equal(fingerprint, h.GetProperty("fingerprint").GetString());
            Assert.Equal(weights.GetProperty("id").GetInt64(), h.GetProperty("findingId").GetInt64());
            Assert.Equal("score.level-weights", h.GetProperty("rule").GetString());
            Assert.InRange(h.GetProperty("at").GetDateTime(), before - Slack, after + Slack);
        });
        Assert.True(history[0].GetProperty("at").GetDateTime() >= history[1].GetProperty("at").GetDateTime());

        // Reopened by fingerprint: open again, a third entry.
        var (reopened, reopenedBody) = await zhang.DecideAsync(id, fingerprint, "reopened");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("open", reopenedBody.GetProperty("state").GetString());
        review = await li.GetReviewAsync(id);
        Assert.Equal("open", review.Finding(fingerprint).GetProperty("state").GetString());
        Assert.Equal("张审核", review.Finding(fingerprint).GetProperty("decidedBy").GetString());
        Assert.Equal(["reopened", "dismissed", "confirmed"], review.History().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(all.Count, review.GetProperty("counts").GetProperty("open").GetInt32());

        // Stored as appended rows, never rewritten.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var rows = await db.ReviewEvents.Where(e => e.SubmissionId == id).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([ReviewAction.Confirmed, ReviewAction.Dismissed, ReviewAction.Reopened], rows.Select(r => r.Action));
        Assert.Equal(["张审核", "李审核", "张审核"], rows.Select(r => r.Actor));
        Assert.Null(rows[2].Comment);
    }

    [Fact]
    public async Task Decisions_survive_a_recheck_of_the_same_file()
    {
        host.Factory.SkipUnlessAvailable();
        var id = await host.UploadSeedAsync("recheck-unit");
        var auditor = host.Client(ReviewUser.Auditor("王审核"));
        var all = (await auditor.GetReviewAsync(id)).Findings();
        var dismissedOne = all.First(f => f.GetProperty("rule").GetString() == "crossref.project-fund");
        var confirmedOne = all.First(f => f.GetProperty("rule").GetString() == "score.weight-total");
        Assert.Equal(HttpStatusCode.OK, (await auditor.DecideAsync(id, dismissedOne.GetProperty("id").GetInt64(), "dismissed", "口径差异，已电话核实")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.DecideAsync(id, confirmedOne.GetProperty("id").GetInt64(), "confirmed")).Response.StatusCode);

        // Check the same file again: the job replaces every finding row (new ids) with the same fingerprints.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SubmissionState.Queued), TestContext.Current.CancellationToken);
            var job = ActivatorUtilities.CreateInstance<ProcessSubmissionJob>(scope.ServiceProvider);
            await job.RunAsync(id, null, TestContext.Current.CancellationToken);
        }

        var review = await auditor.GetReviewAsync(id);
        var again = review.Findings();
        Assert.Equal(all.Select(f => f.GetProperty("fingerprint").GetString()), again.Select(f => f.GetProperty("fingerprint").GetString()));
        Assert.Empty(again.Select(f => f.GetProperty("id").GetInt64()).Intersect(all.Select(f => f.GetProperty("id").GetInt64())));

        var dismissed = review.Finding(dismissedOne.GetProperty("fingerprint").GetString()!);
        Assert.Equal("dismissed", dismissed.GetProperty("state").GetString());
        Assert.Equal("口径差异，已电话核实", dismissed.GetProperty("comment").GetString());
        Assert.Equal("王审核", dismissed.GetProperty("decidedBy").GetString());
        Assert.Equal("confirmed", review.Finding(confirmedOne.GetProperty("fingerprint").GetString()!).GetProperty("state").GetString());
        Assert.Equal(all.Count - 2, review.GetProperty("counts").GetProperty("open").GetInt32());
        Assert.Equal(dismissed.GetProperty("id").GetInt64(), review.History().Single(h => h.GetProperty("action").GetString() == "dismissed").GetProperty("findingId").GetInt64());

        // The old id is gone with its row; the fingerprint still names the finding.
        var (old, oldBody) = await auditor.DecideAsync(id, dismissedOne.GetProperty("id").GetInt64(), "reopened");
        Api.AssertProblem(old, oldBody, 404, "not-found");
        var (byFingerprint, body) = await auditor.DecideAsync(id, dismissedOne.GetProperty("fingerprint").GetString()!, "reopened");
        Assert.Equal(HttpStatusCode.OK, byFingerprint.StatusCode);
        Assert.Equal(dismissed.GetProperty("id").GetInt64(), body.GetProperty("findingId").GetInt64());

        // The document view shows the states too.
        var document = await auditor.GetJsonAsync($"/api/submissions/{id}/document");
        var places = document.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal("open", places.Single(p => p.GetProperty("findingId").GetInt64() == dismissed.GetProperty("id").GetInt64()).GetProperty("state").GetString());
        Assert.Equal("confirmed", places.Single(p => p.GetProperty("fingerprint").GetString() == confirmedOne.GetProperty("fingerprint").GetString()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Marking_a_submission_reviewed_sets_and_clears_its_flag_with_history()
    {
        host.Factory.SkipUnlessAvailable();
        var id = await host.UploadSeedAsync("reviewed-unit");
        var auditor = host.Client(ReviewUser.Auditor("赵审核"));

        var before = DateTime.UtcNow;
        var (marked, markedBody) = await auditor.MarkReviewedAsync(id, "已逐项核对");
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True(markedBody.GetProperty("reviewed").GetBoolean());
        Assert.True(markedBody.GetProperty("changed").GetBoolean());
        Assert.Equal("赵审核", markedBody.GetProperty("reviewedBy").GetString());

        var submission = await auditor.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("赵审核", submission.GetProperty("reviewedBy").GetString());
        Assert.InRange(submission.GetProperty("reviewedAt").GetDateTime(), before - Slack, DateTime.UtcNow + Slack);
        var review = await auditor.GetReviewAsync(id);
        Assert.True(review.GetProperty("reviewed").GetBoolean());
        Assert.Equal("赵审核", review.GetProperty("reviewedBy").GetString());
        var entry = Assert.Single(review.History());
        Assert.Equal("reviewed", entry.GetProperty("action").GetString());
        Assert.Equal("已逐项核对", entry.GetProperty("comment").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("fingerprint").ValueKind);

        // Asking again changes nothing.
        var (_, repeated) = await host.Client(ReviewUser.Auditor("钱审核")).MarkReviewedAsync(id);
        Assert.False(repeated.GetProperty("changed").GetBoolean());
        Assert.Equal("赵审核", repeated.GetProperty("reviewedBy").GetString());
        Assert.Single((await auditor.GetReviewAsync(id)).History());

        var (unmarked, unmarkedBody) = await host.Client(ReviewUser.Auditor("钱审核")).UnmarkReviewedAsync(id);
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        Assert.False(unmarkedBody.GetProperty("reviewed").GetBoolean());
        Assert.True(unmarkedBody.GetProperty("changed").GetBoolean());
        submission = await auditor.GetJsonAsync($"/api/submissions/{id}");
        Assert.False(submission.TryGetProperty("reviewedAt", out var at) && at.ValueKind != System.Text.Json.JsonValueKind.Null);
        review = await auditor.GetReviewAsync(id);
        Assert.False(review.GetProperty("reviewed").GetBoolean());
        Assert.Equal(["unreviewed", "reviewed"], review.History().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(["钱审核", "赵审核"], review.History().Select(h => h.GetProperty("actor").GetString()));
    }
}
