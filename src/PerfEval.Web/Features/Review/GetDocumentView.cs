using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Rendering;

namespace PerfEval.Web.Features.Review;

/// <summary>
/// <c>GET /api/submissions/{id}/document</c>: the submission's document drawn as the unit wrote it (an HTML fragment,
/// see <see cref="DocumentHtml"/> for its ids and classes) and, per finding, the element ids of its place and of the
/// places it refers to, so a page can scroll to a finding and to the other side of a cross-reference.
/// </summary>
public static class GetDocumentView
{
    public sealed record Query(Guid SubmissionId, Viewer Viewer) : IQuery<Response?>;

    /// <summary><see cref="Available"/> is false (and <see cref="Html"/> empty) until the submission is checked, or when
    /// it failed.</summary>
    public sealed record Response(Guid SubmissionId, SubmissionState State, bool Available, string Html, IReadOnlyList<FindingPlace> Places);

    /// <summary>Where one finding is drawn. <see cref="PlaceId"/> is null when the finding names no place in the
    /// document (a missing form); <see cref="RelatedPlaceIds"/> leaves out its own place. <see cref="State"/> is the
    /// reviewers' decision, null for a unit (the review itself is for auditors, finance and admins).</summary>
    public sealed record FindingPlace(
        long FindingId,
        string Fingerprint,
        string Severity,
        FindingState? State,
        string? PlaceId,
        IReadOnlyList<string> RelatedPlaceIds);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Response?>
    {
        public async ValueTask<Response?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var state = await db.Submissions.AsNoTracking()
                .VisibleTo(query.Viewer)
                .Where(s => s.Id == query.SubmissionId)
                .Select(s => (SubmissionState?)s.State)
                .FirstOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                return null;
            }

            var json = await db.StoredDocuments.AsNoTracking()
                .Where(d => d.SubmissionId == query.SubmissionId)
                .Select(d => d.Json)
                .FirstOrDefaultAsync(cancellationToken);
            if (json is null)
            {
                return new Response(query.SubmissionId, state.Value, false, string.Empty, []);
            }

            var findings = await db.Findings.AsNoTracking()
                .Where(f => f.SubmissionId == query.SubmissionId)
                .OrderBy(f => f.Ordinal)
                .ToListAsync(cancellationToken);
            var decisions = query.Viewer.IsUnit
                ? null
                : Triage.Decisions(await db.ReviewEvents.AsNoTracking()
                    .Where(e => e.SubmissionId == query.SubmissionId && e.Fingerprint != null)
                    .ToListAsync(cancellationToken));

            var flagged = findings.Select(f => new FlaggedFinding(
                f.Id,
                f.Severity,
                new Place(f.Table, f.Row, f.Column, f.Paragraph, f.Offset, f.Length),
                RelatedPlaces.Parse(f.RelatedJson))).ToList();
            var rendered = DocumentHtml.Render(DocumentJson.Parse(json), flagged);
            var places = findings.Select((f, i) => new FindingPlace(
                f.Id,
                f.Fingerprint,
                f.Severity,
                decisions?.DecisionOf(f.Fingerprint).State,
                rendered.Places[i].PlaceId,
                rendered.Places[i].RelatedPlaceIds)).ToList();
            return new Response(query.SubmissionId, state.Value, true, rendered.Html, places);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/document", HandleAsync)
            .WithName(nameof(GetDocumentView))
            .WithSummary("按原样查看报送文档（HTML 片段），并给出每条检查结果在文档中的位置")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext httpContext, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, ReviewViewer.Of(httpContext)), cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Problems.SubmissionNotFound(id);
}
