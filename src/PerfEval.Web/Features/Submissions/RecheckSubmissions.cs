using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Features.Submissions;

/// <summary>
/// <c>POST /api/submissions/recheck?year=</c> (auditor, admin): re-runs the checks on every finished submission of the
/// year (or of all years without one) in a background batch, after the rules have changed. Answers 202 with how many
/// submissions the batch will take up.
/// </summary>
public static class RecheckSubmissions
{
    public sealed record Command(int? Year) : ICommand<Batch>;

    public sealed record Batch(string JobId, int? Year, int Submissions);

    public sealed class Handler(PerfEvalDbContext db, IBackgroundJobClient jobs) : ICommandHandler<Command, Batch>
    {
        public async ValueTask<Batch> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var finished = db.Submissions.Where(s => s.State == SubmissionState.Done || s.State == SubmissionState.Failed);
            if (command.Year is int year)
            {
                finished = finished.Where(s => s.Year == year);
            }

            var count = await finished.CountAsync(cancellationToken);
            return new Batch(RecheckSubmissionsJob.Enqueue(jobs, command.Year), command.Year, count);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapPost("/recheck", HandleAsync)
            .RequireAuthorization(Policies.Recheck)
            .WithName(nameof(RecheckSubmissions))
            .WithSummary("规则更新后，对某年度（或全部）已处理的报送重新检查")
            .Produces<Batch>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Accepted<Batch>, ProblemHttpResult>> HandleAsync(
        IMediator mediator, CancellationToken cancellationToken, int? year = null)
    {
        if (year is < 2000 or > 2100)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidYear, "年度填写有误", "year 应为四位年度（如 2023），不填则重新检查全部年度。");
        }

        var accepted = await mediator.Send(new Command(year), cancellationToken);
        return TypedResults.Accepted((string?)null, accepted);
    }
}
