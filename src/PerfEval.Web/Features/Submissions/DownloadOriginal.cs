using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Submissions;

/// <summary><c>GET /api/submissions/{id}/file</c>: the original bytes as uploaded, always as an attachment.</summary>
public static class DownloadOriginal
{
    public sealed record Query(Guid Id, Viewer Viewer) : IQuery<Original?>;

    public sealed record Original(string FileName, string ContentType, byte[] Content);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Original?>
    {
        public async ValueTask<Original?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            return await db.Submissions.AsNoTracking()
                .VisibleTo(query.Viewer)
                .Where(s => s.Id == query.Id)
                .Select(s => new Original(s.FileName, s.ContentType, s.File!.Content))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/file", HandleAsync)
            .WithName(nameof(DownloadOriginal))
            .WithSummary("下载上传的原始文件")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid id, System.Security.Claims.ClaimsPrincipal user, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(id, Viewer.From(user)), cancellationToken) is not { } original)
        {
            return Problems.SubmissionNotFound(id);
        }

        // An uploaded .html must never render in the browser as this site's page.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(original.Content, original.ContentType, original.FileName);
    }
}
