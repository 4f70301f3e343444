using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;

namespace PerfEval.Web.Jobs;

/// <summary>
/// Re-runs reading and checking on stored submissions (after the rules change): every finished submission of a year,
/// or of all years, goes back to <c>queued</c> and gets its own <see cref="ProcessSubmissionJob"/>. Findings are
/// replaced when each job stores its results; triage decisions are keyed by finding fingerprint and so stay attached
/// to the findings the re-check gives again.
/// </summary>
public sealed partial class RecheckSubmissionsJob(PerfEvalDbContext db, IBackgroundJobClient jobs, ILogger<RecheckSubmissionsJob> logger)
{
    private const int BatchSize = 500;

    public static string Enqueue(IBackgroundJobClient jobs, int? year)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Enqueue<RecheckSubmissionsJob>(j => j.RunAsync(year, CancellationToken.None));
    }

    [AutomaticRetry(Attempts = 3)]
    [DisplayName("Re-check submissions of year {0}")]
    public async Task RunAsync(int? year, CancellationToken cancellationToken)
    {
        var finished = db.Submissions.Where(s => s.State == SubmissionState.Done || s.State == SubmissionState.Failed);
        if (year is int y)
        {
            finished = finished.Where(s => s.Year == y);
        }

        // Batches by id, so a re-run after a crash picks up where this one stopped (those already queued are skipped).
        var count = 0;
        var after = Guid.Empty;
        while (true)
        {
            var ids = await finished.Where(s => s.Id.CompareTo(after) > 0).OrderBy(s => s.Id).Select(s => s.Id)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            foreach (var id in ids)
            {
                var requeued = await db.Submissions
                    .Where(s => s.Id == id && (s.State == SubmissionState.Done || s.State == SubmissionState.Failed))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SubmissionState.Queued), cancellationToken);
                if (requeued > 0)
                {
                    ProcessSubmissionJob.Enqueue(jobs, id);
                    count++;
                }
            }

            after = ids[^1];
        }

        Log.Requeued(logger, count, year);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Re-check: {Count} submissions queued again (year {Year})")]
        public static partial void Requeued(ILogger logger, int count, int? year);
    }
}
