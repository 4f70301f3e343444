using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Submissions;

/// <summary>
/// <c>GET /api/submissions/{id}/forms</c>: the typed forms recognised in the document, each with its values in the
/// shape of <c>perfeval extract</c>'s <c>forms</c>. Empty until the submission is <c>done</c>.
/// </summary>
public static class GetForms
{
    public sealed record Query(Guid Id, Viewer Viewer) : IQuery<Response?>;

    public sealed record Response(Guid SubmissionId, SubmissionState State, IReadOnlyList<FormView> Forms);

    public sealed record FormView(string Kind, string Title, string? Name, JsonElement Data);

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

            var rows = await db.ExtractedForms.AsNoTracking()
                .Where(f => f.SubmissionId == query.Id)
                .OrderBy(f => f.Ordinal)
                .ToListAsync(cancellationToken);
            return new Response(query.Id, state.Value, rows.Select(f => new FormView(f.Kind, f.Title, f.Name, Wire.Parse(f.Json))).ToList());
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/forms", HandleAsync)
            .WithName(nameof(GetForms))
            .WithSummary("查看一份报送中识别出的表单及其数值")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, System.Security.Claims.ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, Viewer.From(user)), cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Problems.SubmissionNotFound(id);
}
