using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;
using PerfEval.Web.Data.Configurations;

namespace PerfEval.Web.Features.Submissions;

/// <summary>
/// <c>GET /api/submissions?year=&amp;unit=&amp;state=&amp;hasErrors=&amp;page=&amp;pageSize=</c>: the newest first, a
/// page at a time.
/// </summary>
public static class ListSubmissions
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record Query(int? Year, string? Unit, SubmissionState? State, bool? HasErrors, int Page, int PageSize)
        : IQuery<Page>;

    public sealed record Page(IReadOnlyList<SubmissionView> Items, int PageNumber, int PageSize, int Total);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var submissions = db.Submissions.AsNoTracking();
            if (query.Year is int year)
            {
                submissions = submissions.Where(s => s.Year == year);
            }

            if (query.Unit is { } unit)
            {
                submissions = submissions.Where(s => s.UnitName == unit);
            }

            if (query.State is SubmissionState state)
            {
                submissions = submissions.Where(s => s.State == state);
            }

            if (query.HasErrors is bool hasErrors)
            {
                submissions = hasErrors
                    ? submissions.Where(s => s.State == SubmissionState.Done && s.ErrorCount > 0)
                    : submissions.Where(s => s.State == SubmissionState.Done && s.ErrorCount == 0);
            }

            var total = await submissions.CountAsync(cancellationToken);
            var items = await submissions
                .OrderByDescending(s => s.CreatedAt)
                .ThenByDescending(s => s.Id)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .Select(SubmissionView.Projection)
                .ToListAsync(cancellationToken);
            return new Page(items, query.Page, query.PageSize, total);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/", HandleAsync)
            .WithName(nameof(ListSubmissions))
            .WithSummary("按年度、单位、状态、是否有错误筛选报送")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<Page>, ProblemHttpResult>> HandleAsync(
        IMediator mediator,
        CancellationToken cancellationToken,
        int? year = null,
        string? unit = null,
        string? state = null,
        bool? hasErrors = null,
        int page = 1,
        int pageSize = DefaultPageSize)
    {
        SubmissionState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (state.Trim().ToLowerInvariant() is not ("queued" or "processing" or "done" or "failed"))
            {
                return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                    "state 只能是 queued、processing、done 或 failed。");
            }

            wanted = SubmissionConfiguration.ParseState(state.Trim().ToLowerInvariant());
        }

        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                $"page 从 1 开始；pageSize 在 1 到 {MaxPageSize} 之间。");
        }

        var query = new Query(year, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), wanted, hasErrors, page, pageSize);
        return TypedResults.Ok(await mediator.Send(query, cancellationToken));
    }
}
