using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
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

    /// <summary>The orders a list can be sorted in.</summary>
    public static IReadOnlyList<string> Sorts { get; } = ["newest", "oldest", "errors", "unit", "score"];

    public sealed record Query(int? Year, string? Unit, SubmissionState? State, bool? HasErrors, int Page, int PageSize)
        : IQuery<Page>
    {
        public Viewer Viewer { get; init; } = Viewer.System;

        /// <summary>Only submissions with at least one finding of this rule category (<c>totals</c>, <c>rates</c>, …).</summary>
        public string? Category { get; init; }

        /// <summary>Only submissions an auditor has (true) or has not yet (false) marked reviewed.</summary>
        public bool? Reviewed { get; init; }

        /// <summary>One of <see cref="Sorts"/>; newest first by default.</summary>
        public string Sort { get; init; } = "newest";
    }

    public sealed record Page(IReadOnlyList<SubmissionView> Items, int PageNumber, int PageSize, int Total);

    public sealed class Handler(PerfEvalDbContext db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var submissions = db.Submissions.AsNoTracking().VisibleTo(query.Viewer);
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

            if (query.Reviewed is bool reviewed)
            {
                submissions = reviewed ? submissions.Where(s => s.ReviewedAt != null) : submissions.Where(s => s.ReviewedAt == null);
            }

            if (query.Category is { } category)
            {
                submissions = submissions.Where(s => db.Findings.Any(f => f.Category == category && f.SubmissionId == s.Id));
            }

            var total = await submissions.CountAsync(cancellationToken);
            IOrderedQueryable<Submission> ordered = query.Sort switch
            {
                "oldest" => submissions.OrderBy(s => s.CreatedAt),
                "errors" => submissions.OrderByDescending(s => s.ErrorCount).ThenByDescending(s => s.WarningCount).ThenByDescending(s => s.CreatedAt),
                "unit" => submissions.OrderBy(s => s.UnitName).ThenByDescending(s => s.Year).ThenByDescending(s => s.Version),
                "score" => submissions.OrderBy(s => s.Score == null).ThenBy(s => s.Score).ThenByDescending(s => s.CreatedAt),
                _ => submissions.OrderByDescending(s => s.CreatedAt),
            };
            var items = await ordered
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
            .WithSummary("按年度、单位、状态、是否有错误、问题类别筛选报送，可排序、分页")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<Page>, ProblemHttpResult>> HandleAsync(
        IMediator mediator,
        System.Security.Claims.ClaimsPrincipal user,
        CancellationToken cancellationToken,
        int? year = null,
        string? unit = null,
        string? state = null,
        bool? hasErrors = null,
        string? category = null,
        bool? reviewed = null,
        string? sort = null,
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

        sort = string.IsNullOrWhiteSpace(sort) ? "newest" : sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                $"sort 只能是 {string.Join("、", Sorts)}。");
        }

        var query = new Query(year, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), wanted, hasErrors, page, pageSize)
        {
            Viewer = Viewer.From(user),
            Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToLowerInvariant(),
            Reviewed = reviewed,
            Sort = sort,
        };
        return TypedResults.Ok(await mediator.Send(query, cancellationToken));
    }
}
