using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Submissions;

/// <summary><c>GET /api/submissions/{id}</c>: state, timestamps and finding counts of one submission.</summary>
public static class GetSubmission
{
    public sealed record Query(Guid Id, Viewer Viewer) : IQuery<SubmissionView?>;

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, SubmissionView?>
    {
        public async ValueTask<SubmissionView?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            return await db.Submissions.AsNoTracking()
                .VisibleTo(query.Viewer)
                .Where(s => s.Id == query.Id)
                .Select(SubmissionView.Projection)
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync)
            .WithName(nameof(GetSubmission))
            .WithSummary("查看一份报送的处理状态")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SubmissionView>, ProblemHttpResult>> HandleAsync(
        Guid id, System.Security.Claims.ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new Query(id, Viewer.From(user)), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.SubmissionNotFound(id);
}
