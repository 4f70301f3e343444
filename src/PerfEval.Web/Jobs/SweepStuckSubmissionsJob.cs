using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;

namespace PerfEval.Web.Jobs;

/// <summary>
/// A recurring safety net: a submission whose bytes were stored but whose job never reached the queue (the job storage
/// was down at that moment) would wait forever. Every few minutes, submissions still <c>queued</c> long after upload
/// get their job enqueued again. A duplicate is harmless: the job is idempotent.
/// </summary>
public sealed partial class SweepStuckSubmissionsJob(
    PerfEvalDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<SweepStuckSubmissionsJob> logger)
{
    public const string RecurringId = "sweep-stuck-submissions";

    /// <summary>How long a submission may stay queued before the sweep enqueues it again.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    public static void Schedule(IRecurringJobManager recurring)
    {
        ArgumentNullException.ThrowIfNull(recurring);
        recurring.AddOrUpdate<SweepStuckSubmissionsJob>(RecurringId, j => j.RunAsync(CancellationToken.None), "*/10 * * * *");
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    [DisplayName("Re-enqueue submissions stuck in queued")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - StuckAfter;
        var stuck = await db.Submissions.AsNoTracking()
            .Where(s => s.State == SubmissionState.Queued && s.CreatedAt < before && (s.StartedAt == null || s.StartedAt < before))
            .OrderBy(s => s.CreatedAt)
            .Select(s => s.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var id in stuck)
        {
            ProcessSubmissionJob.Enqueue(jobs, id);
        }

        if (stuck.Count > 0)
        {
            Log.Requeued(logger, stuck.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} submissions were stuck in queued; their jobs were enqueued again")]
        public static partial void Requeued(ILogger logger, int count);
    }
}
