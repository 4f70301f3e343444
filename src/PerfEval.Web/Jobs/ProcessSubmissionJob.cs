using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Web.Data;
using PerfEval.Web.Features;
using StoredFinding = PerfEval.Web.Data.Finding;

namespace PerfEval.Web.Jobs;

/// <summary>
/// Reads and checks one stored submission and stores its forms and findings. Safe to run twice (Hangfire may): a
/// finished submission is left alone, and results are replaced in one transaction that first locks the submission's
/// row, so two runs at once leave one set. A file the reader refuses ends as <c>failed</c> with the reader's message
/// at once; anything else (database busy or gone) is thrown for Hangfire to retry with back-off.
/// </summary>
public sealed partial class ProcessSubmissionJob(PerfEvalDbContext db, TimeProvider clock, ILogger<ProcessSubmissionJob> logger)
{
    /// <summary>Retries after the first attempt for faults that may pass (Hangfire's back-off spaces them out).</summary>
    public const int RetryAttempts = 5;

    private const string ProcessingErrorMessage =
        "处理该文件时发生内部错误，多次重试后仍未成功。请稍后重新上传；如仍失败，请联系管理员。";

    /// <summary>Enqueues the job for a submission whose bytes are already stored.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, Guid submissionId)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return jobs.Enqueue<ProcessSubmissionJob>(j => j.RunAsync(submissionId, null, CancellationToken.None));
    }

    [AutomaticRetry(Attempts = RetryAttempts, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisplayName("Process submission {0}")]
    public async Task RunAsync(Guid submissionId, PerformContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(submissionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsLastAttempt(context))
        {
            Log.LastAttemptFailed(logger, submissionId, ex);
            await TryRecordFailureAsync(submissionId, ApiErrorCodes.Internal, ProcessingErrorMessage);
            throw;
        }
    }

    private async Task ProcessAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only a submission still queued or processing is claimed: a run that finished in the meantime wins. Claiming
        // first (and asking why only when nothing was claimed) saves a round trip on every job.
        var submission = await ClaimAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (submission is null)
        {
            var state = await db.Submissions.AsNoTracking()
                .Where(s => s.Id == id)
                .Select(s => (SubmissionState?)s.State)
                .FirstOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                Log.Missing(logger, id);
            }
            else
            {
                Log.AlreadyFinished(logger, id, state.Value);
            }

            return;
        }

        var bytes = submission.Content;

        CheckResult result;
        try
        {
            result = Evaluator.Check(bytes, submission.FileName);
        }
        catch (DocumentReadException ex)
        {
            // Unreadable now means unreadable on every retry: record the reader's message and do not throw.
            Log.Unreadable(logger, id, ex.Code);
            await RecordFailureAsync(id, ex.Code, ex.Message, cancellationToken);
            return;
        }

        await StoreResultsAsync(id, result, cancellationToken);
        Log.Done(logger, id, result.Findings.Count);
    }

    /// <summary>The file of a claimed submission (null when nothing was claimed).</summary>
    private sealed record ClaimedFile(string FileName, byte[] Content);

    /// <summary>
    /// Sets the submission to processing (with its start time and one more attempt) when it is still queued or
    /// processing, and returns its file name and bytes; null when nothing was claimed. On PostgreSQL this is one
    /// statement (<c>UPDATE … RETURNING</c> with the bytes read by a subquery), elsewhere an update and a query.
    /// </summary>
    private async Task<ClaimedFile?> ClaimAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var processing = Data.Configurations.SubmissionConfiguration.StateName(SubmissionState.Processing);
            var queued = Data.Configurations.SubmissionConfiguration.StateName(SubmissionState.Queued);
            var rows = await db.Database.SqlQuery<ClaimedFile>($"""
                UPDATE "Submissions" AS s
                SET "State" = {processing}, "StartedAt" = {now}, "Attempts" = s."Attempts" + 1
                WHERE s."Id" = {id} AND s."State" IN ({queued}, {processing})
                RETURNING s."FileName" AS "FileName",
                    (SELECT f."Content" FROM "StoredFiles" AS f WHERE f."SubmissionId" = s."Id") AS "Content"
                """).ToListAsync(cancellationToken);
            return rows.Count == 0 ? null : rows[0];
        }

        var claimed = await db.Submissions
            .Where(s => s.Id == id && (s.State == SubmissionState.Queued || s.State == SubmissionState.Processing))
            .ExecuteUpdateAsync(
                u => u.SetProperty(s => s.State, SubmissionState.Processing)
                    .SetProperty(s => s.StartedAt, now)
                    .SetProperty(s => s.Attempts, s => s.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        return await db.Submissions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new ClaimedFile(s.FileName, s.File!.Content))
            .FirstAsync(cancellationToken);
    }

    private async Task StoreResultsAsync(Guid id, CheckResult result, CancellationToken cancellationToken)
    {
        var findings = result.Findings;
        var forms = result.Extraction.Submission.Forms;
        var headline = Headline.Of(result.Extraction.Submission);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // SaveChanges inside this transaction would otherwise wrap its batch in a savepoint (two more round trips) so
        // that a failed batch could be undone alone; here a failure rolls back the whole transaction anyway.
        db.Database.AutoSavepointsEnabled = false;

        void SetDone(UpdateSettersBuilder<Data.Submission> u) => u
            .SetProperty(s => s.State, SubmissionState.Done)
            .SetProperty(s => s.FinishedAt, now)
            .SetProperty(s => s.CheckedAt, now)
            .SetProperty(s => s.Budget, headline.Budget)
            .SetProperty(s => s.Executed, headline.Executed)
            .SetProperty(s => s.Score, headline.Score)
            .SetProperty(s => s.Grade, headline.Grade)
            .SetProperty(s => s.ErrorCode, (string?)null)
            .SetProperty(s => s.ErrorMessage, (string?)null)
            .SetProperty(s => s.FindingCount, findings.Count)
            .SetProperty(s => s.ErrorCount, findings.Count(f => f.Severity == Severity.Error))
            .SetProperty(s => s.WarningCount, findings.Count(f => f.Severity == Severity.Warning))
            .SetProperty(s => s.StatedYear, result.Extraction.Submission.Year)
            .SetProperty(s => s.StatedUnitName, Truncate(result.Extraction.Submission.UnitName, 200));

        // The first statement locks the submission row: a concurrent run of the same job waits here until this
        // transaction commits. Results are only ever stored together with CheckedAt, so a submission never checked
        // before has none and the first run skips the deletes; a re-check, or a run that waited for a concurrent one
        // (its update then finds CheckedAt set), replaces what is there.
        var first = await db.Submissions.Where(s => s.Id == id && s.CheckedAt == null).ExecuteUpdateAsync(SetDone, cancellationToken);
        if (first == 0)
        {
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(SetDone, cancellationToken);
            await DeleteResultsAsync(id, cancellationToken);
        }

        db.ExtractedForms.AddRange(forms.Select((f, i) => new ExtractedForm
        {
            SubmissionId = id,
            Ordinal = i,
            Kind = Wire.Name(f.Kind),
            Title = f.Title,
            Name = FormName(f),
            Json = JsonSerializer.Serialize(f, JsonOutput.Compact),
        }));
        db.Findings.AddRange(findings.Select((f, i) => ToStored(id, i, f)));
        db.StoredDocuments.Add(new StoredDocument
        {
            SubmissionId = id,
            Json = JsonSerializer.Serialize(result.Extraction.Document.Blocks, JsonOutput.Compact),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task RecordFailureAsync(Guid id, string code, string message, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.State, SubmissionState.Failed)
                .SetProperty(s => s.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(s => s.ErrorCode, code)
                .SetProperty(s => s.ErrorMessage, Truncate(message, 2000))
                .SetProperty(s => s.FindingCount, 0)
                .SetProperty(s => s.ErrorCount, 0)
                .SetProperty(s => s.WarningCount, 0),
            cancellationToken);
        await DeleteResultsAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task TryRecordFailureAsync(Guid id, string code, string message)
    {
        try
        {
            db.ChangeTracker.Clear();
            await RecordFailureAsync(id, code, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database itself may be what failed; Hangfire still records the job as failed.
            Log.CouldNotRecordFailure(logger, id, ex);
        }
    }

    private async Task DeleteResultsAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.Findings.Where(f => f.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ExtractedForms.Where(f => f.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.StoredDocuments.Where(d => d.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static StoredFinding ToStored(Guid submissionId, int ordinal, Core.Rules.Finding f) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        Rule = f.Rule,
        Category = Wire.Name(f.Category),
        Severity = Wire.Name(f.Severity),
        Message = f.Message,
        Form = Wire.Name(f.Form),
        FormName = f.FormName,
        Table = f.Location.Table,
        Row = f.Location.Row,
        Column = f.Location.Column,
        Paragraph = f.Location.Paragraph,
        Offset = f.Location.Offset,
        Length = f.Location.Length,
        Excerpt = f.Location.Excerpt,
        Expected = f.Expected,
        Actual = f.Actual,
        RelatedJson = JsonSerializer.Serialize(f.Related, JsonOutput.Compact),
        Fingerprint = f.Fingerprint,
    };

    private static string? FormName(Form form) => form switch
    {
        SelfEvalForm s => s.Name,
        ReportForm r => r.Subject,
        _ => null,
    };

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];

    private static bool IsLastAttempt(PerformContext? context) =>
        context is not null && context.GetJobParameter<int>("RetryCount") >= RetryAttempts;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} failed on its last attempt")]
        public static partial void LastAttemptFailed(ILogger logger, Guid submissionId, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} does not exist; nothing to do")]
        public static partial void Missing(ILogger logger, Guid submissionId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} is already {State}; nothing to do")]
        public static partial void AlreadyFinished(ILogger logger, Guid submissionId, SubmissionState state);

        [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} cannot be read: {Code}")]
        public static partial void Unreadable(ILogger logger, Guid submissionId, string code);

        [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} done: {Count} findings")]
        public static partial void Done(ILogger logger, Guid submissionId, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the failure of submission {SubmissionId}")]
        public static partial void CouldNotRecordFailure(ILogger logger, Guid submissionId, Exception exception);
    }
}
