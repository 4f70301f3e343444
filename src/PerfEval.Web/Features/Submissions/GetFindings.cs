using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Submissions;

/// <summary>
/// <c>GET /api/submissions/{id}/findings</c>: the stored findings in the checker's order, in the shape of
/// <c>perfeval check</c>'s JSON. Empty until the submission is <c>done</c>.
/// </summary>
public static class GetFindings
{
    public sealed record Query(Guid Id, Viewer Viewer) : IQuery<Response?>;

    public sealed record Response(Guid SubmissionId, SubmissionState State, IReadOnlyList<FindingView> Findings);

    public sealed record FindingLocation(int? Table, int? Row, int? Column, int? Paragraph, int? Offset, int? Length, string? Excerpt);

    public sealed record FindingView(
        string Rule,
        string Category,
        string Severity,
        string Message,
        string Form,
        string? FormName,
        FindingLocation Location,
        decimal? Expected,
        decimal? Actual,
        JsonElement Related,
        string Fingerprint);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Response?>
    {
        public async ValueTask<Response?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var state = await db.Submissions.AsNoTracking()
                .VisibleTo(query.Viewer)
                .Where(s => s.Id == query.Id)
                .Select(s => (SubmissionState?)s.State)
                .FirstOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                return null;
            }

            var rows = await db.Findings.AsNoTracking()
                .Where(f => f.SubmissionId == query.Id)
                .OrderBy(f => f.Ordinal)
                .ToListAsync(cancellationToken);
            var findings = rows.Select(f => new FindingView(
                f.Rule,
                f.Category,
                f.Severity,
                f.Message,
                f.Form,
                f.FormName,
                new FindingLocation(f.Table, f.Row, f.Column, f.Paragraph, f.Offset, f.Length, f.Excerpt),
                f.Expected,
                f.Actual,
                Wire.Parse(f.RelatedJson),
                f.Fingerprint)).ToList();
            return new Response(query.Id, state.Value, findings);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/findings", HandleAsync)
            .WithName(nameof(GetFindings))
            .WithSummary("查看一份报送的检查结果")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, System.Security.Claims.ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, Viewer.From(user)), cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Problems.SubmissionNotFound(id);
}
