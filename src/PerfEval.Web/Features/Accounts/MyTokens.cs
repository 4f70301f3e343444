using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Accounts;

/// <summary><c>/api/tokens</c>: the signed-in account lists, creates and revokes its own access tokens (an admin may
/// revoke anyone's).</summary>
public static class MyTokens
{
    public sealed record TokenInfo(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public sealed record CreateRequest(string? Name, int? ExpiresInDays);

    public sealed record ListQuery(string UserId) : IQuery<IReadOnlyList<TokenInfo>>;

    public sealed record CreateCommand(string UserId, string Name, int? ExpiresInDays) : ICommand<IssueToken.TokenCreated>;

    /// <summary>True when the token existed, was the caller's (or the caller is an admin) and is now revoked.</summary>
    public sealed record RevokeCommand(Guid Id, string UserId, bool IsAdmin) : ICommand<bool>;

    public sealed class ListHandler(PerfEvalDbContext db) : IQueryHandler<ListQuery, IReadOnlyList<TokenInfo>>
    {
        public async ValueTask<IReadOnlyList<TokenInfo>> Handle(ListQuery query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            return await db.AccessTokens.AsNoTracking()
                .Where(t => t.UserId == query.UserId)
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new TokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
                .ToListAsync(cancellationToken);
        }
    }

    public sealed class CreateHandler(PerfEvalDbContext db, TimeProvider clock) : ICommandHandler<CreateCommand, IssueToken.TokenCreated>
    {
        public async ValueTask<IssueToken.TokenCreated> Handle(CreateCommand command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            return await IssueToken.CreateAsync(db, clock, command.UserId, command.Name, command.ExpiresInDays, cancellationToken);
        }
    }

    public sealed class RevokeHandler(PerfEvalDbContext db, TimeProvider clock, AccessTokenCache tokenCache) : ICommandHandler<RevokeCommand, bool>
    {
        public async ValueTask<bool> Handle(RevokeCommand command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var now = clock.GetUtcNow().UtcDateTime;
            var tokens = db.AccessTokens.Where(t => t.Id == command.Id);
            if (!command.IsAdmin)
            {
                tokens = tokens.Where(t => t.UserId == command.UserId);
            }

            var found = await tokens.AnyAsync(cancellationToken);
            await tokens.Where(t => t.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), cancellationToken);

            // The next request with the token is refused in this process; other processes stop it within their
            // cache's lifetime (PerfEval:Auth:TokenCacheSeconds).
            tokenCache.Invalidate();
            return found;
        }
    }

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync).WithName("ListTokens").WithSummary("列出我的个人访问令牌");
        group.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("创建个人访问令牌（令牌只显示这一次）")
            .Produces<IssueToken.TokenCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken").WithSummary("撤销个人访问令牌")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private static async Task<Ok<IReadOnlyList<TokenInfo>>> ListAsync(ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListQuery(UserId(user)), cancellationToken));

    private static async Task<Results<Created<IssueToken.TokenCreated>, ProblemHttpResult>> CreateAsync(
        CreateRequest request, ClaimsPrincipal user, UserManager<AppUser> users, IMediator mediator, CancellationToken cancellationToken)
    {
        if (IssueToken.Validate(request?.Name, request?.ExpiresInDays) is { } problem)
        {
            return problem;
        }

        var account = await users.GetUserAsync(user);
        if (account is null || account.MustChangePassword)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.PasswordChangeRequired, "请先修改初始密码",
                "该账号仍在使用一次性密码。请先设置新密码，再创建访问令牌。");
        }

        var created = await mediator.Send(new CreateCommand(account.Id, request!.Name!.Trim(), request.ExpiresInDays), cancellationToken);
        return TypedResults.Created($"/api/tokens/{created.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new RevokeCommand(id, UserId(user), user.IsInRole(Roles.Admin)), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "找不到该令牌", "该令牌不存在，或不属于当前账号。");
}
