using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Review;

/// <summary>
/// <c>POST /api/submissions/{id}/findings/{findingId}/decision</c> with <c>{"action": "confirmed|dismissed|reopened",
/// "comment": "…"}</c>: appends a review event for the finding's fingerprint. <c>{findingId}</c> is the finding's id in
/// the current check or its 16-character fingerprint (which stays the same across re-checks). A dismissal needs a
/// comment; comments are at most 2000 characters.
/// </summary>
public static class DecideFinding
{
    /// <summary>Names the finding by <paramref name="FindingId"/> or by <paramref name="Fingerprint"/> (one of them).</summary>
    public sealed record Command(
        Guid SubmissionId,
        long? FindingId,
        string? Fingerprint,
        ReviewAction Action,
        string? Comment,
        Viewer Viewer) : ICommand<Response>;

    public abstract record Response;

    /// <summary>Recorded: the finding (its id in the current check) and its state now.</summary>
    public sealed record Decided(long EventId, long FindingId, string Fingerprint, FindingState State, string? Comment, string DecidedBy, DateTime DecidedAt)
        : Response;

    /// <summary>No such submission for this viewer, or no such finding in it.</summary>
    public sealed record NotFound(bool Submission) : Response;

    /// <summary>Bad input: a stable code and the reason in Chinese.</summary>
    public sealed record Refused(string Code, string Message) : Response;

    /// <summary>The body of the request.</summary>
    public sealed record DecisionRequest(string? Action, string? Comment);

    public sealed class Handler(PerfEvalDbContext db, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (Triage.StateOf(command.Action) is not { } state)
            {
                return new Refused(ReviewErrorCodes.InvalidAction, ActionHint);
            }

            var comment = Triage.CleanComment(command.Comment, out var problem);
            if (problem is var (code, message))
            {
                return new Refused(code, message);
            }

            if (command.Action == ReviewAction.Dismissed && comment is null)
            {
                return new Refused(ReviewErrorCodes.CommentRequired, "驳回检查结果时请填写说明，写明该结果为何不成立。");
            }

            var visible = await db.Submissions.AsNoTracking()
                .VisibleTo(command.Viewer)
                .AnyAsync(s => s.Id == command.SubmissionId, cancellationToken);
            if (!visible)
            {
                return new NotFound(Submission: true);
            }

            var findings = db.Findings.AsNoTracking().Where(f => f.SubmissionId == command.SubmissionId);
            if (command.FindingId is long id)
            {
                findings = findings.Where(f => f.Id == id);
            }
            else if (command.Fingerprint is { Length: > 0 } fingerprint)
            {
                findings = findings.Where(f => f.Fingerprint == fingerprint);
            }
            else
            {
                return new NotFound(Submission: false);
            }

            var finding = await findings
                .OrderBy(f => f.Ordinal)
                .Select(f => new { f.Id, f.Fingerprint })
                .FirstOrDefaultAsync(cancellationToken);
            if (finding is null)
            {
                return new NotFound(Submission: false);
            }

            var entry = new ReviewEvent
            {
                SubmissionId = command.SubmissionId,
                Fingerprint = finding.Fingerprint,
                Action = command.Action,
                Comment = comment,
                Actor = command.Viewer.UserName,
                At = clock.GetUtcNow().UtcDateTime,
            };
            db.ReviewEvents.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return new Decided(entry.Id, finding.Id, finding.Fingerprint, state, comment, entry.Actor, entry.At);
        }
    }

    internal const string ActionHint = "action 只能是 confirmed（确认）、dismissed（驳回）或 reopened（重新打开）。";

    /// <summary>The wire names of the three decisions.</summary>
    public static ReviewAction? ParseAction(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        "confirmed" => ReviewAction.Confirmed,
        "dismissed" => ReviewAction.Dismissed,
        "reopened" => ReviewAction.Reopened,
        _ => null,
    };

    /// <summary>A route's <c>{findingId}</c>: a 16-character hexadecimal fingerprint, else a positive id.</summary>
    public static bool TryParseFinding(string? value, out long? id, out string? fingerprint)
    {
        id = null;
        fingerprint = null;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 16 && text.All(char.IsAsciiHexDigit))
        {
            fingerprint = text.ToLowerInvariant();
            return true;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            id = number;
            return true;
        }

        return false;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/findings/{findingId}/decision", HandleAsync)
            .WithName(nameof(DecideFinding))
            .WithSummary("对一条检查结果作出判定：确认（confirmed）、驳回（dismissed，须填写说明）或重新打开（reopened）")
            .Accepts<DecisionRequest>("application/json")
            .Produces<Decided>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<Decided>, ProblemHttpResult>> HandleAsync(
        Guid id,
        string findingId,
        DecisionRequest? body,
        HttpContext httpContext,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        if (!TryParseFinding(findingId, out var number, out var fingerprint))
        {
            return Triage.FindingNotFound(id, findingId);
        }

        if (ParseAction(body?.Action) is not { } action)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ReviewErrorCodes.InvalidAction, "判定类型有误", ActionHint);
        }

        var command = new Command(id, number, fingerprint, action, body?.Comment, ReviewViewer.Of(httpContext));
        return await mediator.Send(command, cancellationToken) switch
        {
            Decided decided => TypedResults.Ok(decided),
            NotFound { Submission: true } => Problems.SubmissionNotFound(id),
            NotFound => Triage.FindingNotFound(id, findingId),
            Refused r => Problems.Create(StatusCodes.Status400BadRequest, r.Code, "判定内容有误", r.Message),
            _ => throw new InvalidOperationException("Unknown decision response."),
        };
    }
}
