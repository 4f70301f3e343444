using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Review;

/// <summary>
/// <c>POST /api/submissions/{id}/reviewed</c> (optional body <c>{"comment": "…"}</c>) marks a checked submission
/// reviewed; <c>DELETE</c> opens it for review again. Each change appends a review event and sets or clears
/// <c>Submission.ReviewedAt</c>/<c>ReviewedBy</c> in the same transaction; asking for the state it already has changes
/// nothing.
/// </summary>
public static class MarkReviewed
{
    public sealed record Command(Guid SubmissionId, bool Reviewed, string? Comment, Viewer Viewer) : ICommand<Response>;

    public abstract record Response;

    /// <summary>The submission's review flag now; <see cref="Changed"/> false when it already was so.</summary>
    public sealed record Marked(Guid SubmissionId, bool Reviewed, DateTime? ReviewedAt, string? ReviewedBy, bool Changed) : Response;

    public sealed record NotFound : Response;

    /// <summary>Refused: a stable code, the HTTP status and the reason in Chinese.</summary>
    public sealed record Refused(int Status, string Code, string Message) : Response;

    /// <summary>The optional body of the POST.</summary>
    public sealed record ReviewedRequest(string? Comment);

    public sealed class Handler(PerfEvalDbContext db, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var comment = Triage.CleanComment(command.Comment, out var problem);
            if (problem is var (code, message))
            {
                return new Refused(StatusCodes.Status400BadRequest, code, message);
            }

            var submission = await db.Submissions
                .VisibleTo(command.Viewer)
                .FirstOrDefaultAsync(s => s.Id == command.SubmissionId, cancellationToken);
            if (submission is null)
            {
                return new NotFound();
            }

            if (command.Reviewed == (submission.ReviewedAt is not null))
            {
                return new Marked(submission.Id, command.Reviewed, submission.ReviewedAt, submission.ReviewedBy, Changed: false);
            }

            if (command.Reviewed && submission.State != SubmissionState.Done)
            {
                return new Refused(StatusCodes.Status409Conflict, ReviewErrorCodes.NotDone,
                    "该报送尚未完成检查（或检查失败），不能标记为已审核。");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            submission.ReviewedAt = command.Reviewed ? now : null;
            submission.ReviewedBy = command.Reviewed ? command.Viewer.UserName : null;
            db.ReviewEvents.Add(new ReviewEvent
            {
                SubmissionId = submission.Id,
                Action = command.Reviewed ? ReviewAction.Reviewed : ReviewAction.Unreviewed,
                Comment = comment,
                Actor = command.Viewer.UserName,
                At = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new Marked(submission.Id, command.Reviewed, submission.ReviewedAt, submission.ReviewedBy, Changed: true);
        }
    }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/{id:guid}/reviewed", MarkAsync)
            .WithName(nameof(MarkReviewed))
            .WithSummary("将报送标记为已审核（可附说明）")
            .Accepts<ReviewedRequest>(isOptional: true, "application/json")
            .Produces<Marked>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id:guid}/reviewed", UnmarkAsync)
            .WithName("UnmarkReviewed")
            .WithSummary("取消报送的已审核标记，重新进入审核")
            .Produces<Marked>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Marked>, ProblemHttpResult>> MarkAsync(
        Guid id, HttpContext httpContext, IMediator mediator, CancellationToken cancellationToken, ReviewedRequest? body = null) =>
        Answer(id, await mediator.Send(new Command(id, true, body?.Comment, ReviewViewer.Of(httpContext)), cancellationToken));

    private static async Task<Results<Ok<Marked>, ProblemHttpResult>> UnmarkAsync(
        Guid id, HttpContext httpContext, IMediator mediator, CancellationToken cancellationToken) =>
        Answer(id, await mediator.Send(new Command(id, false, null, ReviewViewer.Of(httpContext)), cancellationToken));

    private static Results<Ok<Marked>, ProblemHttpResult> Answer(Guid id, Response response) => response switch
    {
        Marked marked => TypedResults.Ok(marked),
        NotFound => Problems.SubmissionNotFound(id),
        Refused r => Problems.Create(r.Status, r.Code, r.Status == StatusCodes.Status409Conflict ? "暂不能标记为已审核" : "请求内容有误", r.Message),
        _ => throw new InvalidOperationException("Unknown response."),
    };
}
