using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Features.Review;

/// <summary>
/// <c>GET /api/submissions/{id}/review</c>: one submission's findings with where each stands (open, confirmed,
/// dismissed: the latest review event for its fingerprint, with comment, who and when), grouped by form and then by
/// rule category in the checker's order; the review history, newest first; and whether the submission is marked
/// reviewed.
/// </summary>
public static class GetSubmissionReview
{
    public sealed record Query(Guid SubmissionId, Viewer Viewer) : IQuery<Response?>;

    public sealed record Response(
        SubmissionView Submission,
        bool Reviewed,
        DateTime? ReviewedAt,
        string? ReviewedBy,
        ReviewCounts Counts,
        IReadOnlyList<FormGroup> Forms,
        IReadOnlyList<HistoryEntry> History);

    public sealed record ReviewCounts(int Total, int Open, int Confirmed, int Dismissed);

    /// <summary>The findings of one form (<c>department-self-eval</c> …; <see cref="FormName"/> tells two projects apart).</summary>
    public sealed record FormGroup(string Form, string? FormName, IReadOnlyList<CategoryGroup> Categories);

    public sealed record CategoryGroup(string Category, IReadOnlyList<FindingReview> Findings);

    /// <summary>A finding as <c>GET …/findings</c> gives it, with its id (for this check run) and its decision.</summary>
    public sealed record FindingReview(
        long Id,
        string Fingerprint,
        string Rule,
        string Severity,
        string Message,
        GetFindings.FindingLocation Location,
        decimal? Expected,
        decimal? Actual,
        JsonElement Related,
        FindingState State,
        string? Comment,
        string? DecidedBy,
        DateTime? DecidedAt);

    /// <summary>One review event. <see cref="FindingId"/>, <see cref="Rule"/> and <see cref="Message"/> name the finding
    /// when the current check still has it; the submission's own events (reviewed, unreviewed) have no fingerprint.</summary>
    public sealed record HistoryEntry(
        long Id,
        ReviewAction Action,
        string? Fingerprint,
        long? FindingId,
        string? Rule,
        string? Message,
        string? Comment,
        string Actor,
        DateTime At);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Response?>
    {
        public async ValueTask<Response?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var submission = await db.Submissions.AsNoTracking()
                .VisibleTo(query.Viewer)
                .Where(s => s.Id == query.SubmissionId)
                .Select(SubmissionView.Projection)
                .FirstOrDefaultAsync(cancellationToken);
            if (submission is null)
            {
                return null;
            }

            var findings = await db.Findings.AsNoTracking()
                .Where(f => f.SubmissionId == query.SubmissionId)
                .OrderBy(f => f.Ordinal)
                .ToListAsync(cancellationToken);
            var events = await db.ReviewEvents.AsNoTracking()
                .Where(e => e.SubmissionId == query.SubmissionId)
                .OrderByDescending(e => e.Id)
                .ToListAsync(cancellationToken);

            var decisions = Triage.Decisions(events);
            var reviews = findings.Select(f => ToReview(f, decisions.DecisionOf(f.Fingerprint))).ToList();
            var forms = reviews
                .Select((r, i) => (Review: r, Finding: findings[i]))
                .GroupBy(x => (x.Finding.Form, x.Finding.FormName))
                .Select(form => new FormGroup(
                    form.Key.Form,
                    form.Key.FormName,
                    form.GroupBy(x => x.Finding.Category, StringComparer.Ordinal)
                        .Select(category => new CategoryGroup(category.Key, category.Select(x => x.Review).ToList()))
                        .ToList()))
                .ToList();

            var byFingerprint = new Dictionary<string, Data.Finding>(StringComparer.Ordinal);
            foreach (var f in findings)
            {
                byFingerprint.TryAdd(f.Fingerprint, f);
            }

            var history = events.Select(e =>
            {
                var finding = e.Fingerprint is { } fp ? byFingerprint.GetValueOrDefault(fp) : null;
                return new HistoryEntry(e.Id, e.Action, e.Fingerprint, finding?.Id, finding?.Rule, finding?.Message, e.Comment, e.Actor, e.At);
            }).ToList();

            var counts = new ReviewCounts(
                reviews.Count,
                reviews.Count(r => r.State == FindingState.Open),
                reviews.Count(r => r.State == FindingState.Confirmed),
                reviews.Count(r => r.State == FindingState.Dismissed));
            return new Response(submission, submission.ReviewedAt is not null, submission.ReviewedAt, submission.ReviewedBy, counts, forms, history);
        }

        private static FindingReview ToReview(Data.Finding f, FindingDecision decision) => new(
            f.Id,
            f.Fingerprint,
            f.Rule,
            f.Severity,
            f.Message,
            new GetFindings.FindingLocation(f.Table, f.Row, f.Column, f.Paragraph, f.Offset, f.Length, f.Excerpt),
            f.Expected,
            f.Actual,
            Wire.Parse(f.RelatedJson),
            decision.State,
            decision.Comment,
            decision.DecidedBy,
            decision.DecidedAt);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/review", HandleAsync)
            .WithName(nameof(GetSubmissionReview))
            .WithSummary("查看一份报送的审核情况：各检查结果的处理状态（待处理、已确认、已驳回）与审核记录")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext httpContext, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, ReviewViewer.Of(httpContext)), cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Problems.SubmissionNotFound(id);
}
