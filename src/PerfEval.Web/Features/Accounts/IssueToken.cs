using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Accounts;

/// <summary>
/// <c>POST /api/auth/token</c> (anonymous; JSON user name, password, token name): gives an API client a personal access
/// token for its account. Wrong passwords count towards the lockout; a one-time password must be changed first.
/// </summary>
public static class IssueToken
{
    public const int MaxNameLength = 100;

    public sealed record Request(string? UserName, string? Password, string? Name, int? ExpiresInDays);

    public sealed record Command(string UserName, string Password, string Name, int? ExpiresInDays) : ICommand<Response>;

    public abstract record Response;

    public sealed record Issued(TokenCreated Token) : Response;

    public sealed record Refused(int Status, string Code, string Title, string Message) : Response;

    /// <summary>The token itself is in this answer only; it cannot be shown again.</summary>
    public sealed record TokenCreated(Guid Id, string Name, string Token, DateTime CreatedAt, DateTime? ExpiresAt);

    public sealed class Handler(
        PerfEvalDbContext db,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await users.FindByNameAsync(command.UserName);
            if (user is null)
            {
                return BadCredentials();
            }

            var check = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                return new Refused(StatusCodes.Status403Forbidden, ApiErrorCodes.AccountLocked, "账号已锁定",
                    "密码连续输错次数过多或账号已被停用。请 15 分钟后再试，或联系系统管理员。");
            }

            if (!check.Succeeded)
            {
                return BadCredentials();
            }

            if (user.MustChangePassword)
            {
                return new Refused(StatusCodes.Status403Forbidden, ApiErrorCodes.PasswordChangeRequired, "请先修改初始密码",
                    "该账号仍在使用一次性密码。请先登录网页（或调用 POST /api/auth/password）设置新密码，再创建访问令牌。");
            }

            return new Issued(await CreateAsync(db, clock, user.Id, command.Name, command.ExpiresInDays, cancellationToken));
        }

        private static Refused BadCredentials() =>
            new(StatusCodes.Status401Unauthorized, ApiErrorCodes.BadCredentials, "用户名或密码错误", "用户名或密码错误，请检查后重试。");
    }

    /// <summary>Stores a new token's hash for an account and returns the token (shown once).</summary>
    public static async Task<TokenCreated> CreateAsync(
        PerfEvalDbContext db, TimeProvider clock, string userId, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var token = AccessTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new AccessToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Hash = AccessTokens.Hash(token),
            Prefix = AccessTokens.Shown(token),
            CreatedAt = now,
            ExpiresAt = expiresInDays is int days ? now.AddDays(days) : null,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenCreated(row.Id, row.Name, token, row.CreatedAt, row.ExpiresAt);
    }

    /// <summary>Checks a token request's name and lifetime; null when they are fine.</summary>
    public static ProblemHttpResult? Validate(string? name, int? expiresInDays)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "令牌名称有误",
                $"请为令牌起一个名称（1 到 {MaxNameLength} 个字），说明它用在哪里，例如“报送脚本”。");
        }

        if (expiresInDays is < 1 or > 3650)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "有效期有误",
                "expiresInDays 应在 1 到 3650 天之间；不填则长期有效（可随时撤销）。");
        }

        return null;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapPost("/token", HandleAsync)
            .AllowAnonymous()
            .WithName(nameof(IssueToken))
            .WithSummary("用用户名和密码换取个人访问令牌（API 客户端使用）")
            .Produces<TokenCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<TokenCreated>, ProblemHttpResult>> HandleAsync(
        Request request, IMediator mediator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "缺少用户名或密码", "请提供 userName 和 password。");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? "API" : request.Name;
        if (Validate(name, request.ExpiresInDays) is { } problem)
        {
            return problem;
        }

        var response = await mediator.Send(
            new Command(request.UserName.Trim(), request.Password, name.Trim(), request.ExpiresInDays), cancellationToken);
        return response switch
        {
            Issued i => TypedResults.Created($"/api/tokens/{i.Token.Id}", i.Token),
            Refused r => Problems.Create(r.Status, r.Code, r.Title, r.Message),
            _ => throw new InvalidOperationException("Unknown token response."),
        };
    }
}
