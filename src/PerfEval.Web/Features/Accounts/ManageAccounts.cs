using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Accounts;

/// <summary>
/// <c>/api/admin/…</c> (admin): accounts (create with a one-time password, reset it, disable, enable) and the list of
/// organisations expected to submit (a unit account's organisation is added to it on creation).
/// </summary>
public static class ManageAccounts
{
    public const int MaxUnitLength = 200;

    public sealed record AccountInfo(string UserName, string Role, string? Unit, string? DisplayName, bool Disabled, bool MustChangePassword, DateTime CreatedAt);

    public sealed record CreateRequest(string? UserName, string? Role, string? Unit, string? DisplayName);

    public sealed record OrganisationInfo(int Id, string Name, DateTime CreatedAt);

    public sealed record OrganisationRequest(string? Name);

    public sealed record ListAccounts : IQuery<IReadOnlyList<AccountInfo>>;

    public sealed record CreateAccount(string UserName, string Role, string? Unit, string? DisplayName) : ICommand<AccountResult>;

    public sealed record ResetPassword(string UserName) : ICommand<AccountResult>;

    public sealed record SetDisabled(string UserName, bool Disabled) : ICommand<AccountResult>;

    public sealed record ListOrganisations : IQuery<IReadOnlyList<OrganisationInfo>>;

    public sealed record AddOrganisation(string Name) : ICommand<OrganisationInfo>;

    /// <summary>Either the issued one-time password (create/reset), a plain success, or why not (code + Chinese).</summary>
    public sealed record AccountResult(IssuedPassword? Issued, string? Code, string? Message)
    {
        public static AccountResult Ok { get; } = new(null, null, null);
    }

    public sealed class Handlers(PerfEvalDbContext db, UserManager<AppUser> users, AccountBootstrap accounts, TimeProvider clock, AccessTokenCache tokenCache) :
        IQueryHandler<ListAccounts, IReadOnlyList<AccountInfo>>,
        ICommandHandler<CreateAccount, AccountResult>,
        ICommandHandler<ResetPassword, AccountResult>,
        ICommandHandler<SetDisabled, AccountResult>,
        IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationInfo>>,
        ICommandHandler<AddOrganisation, OrganisationInfo>
    {
        public async ValueTask<IReadOnlyList<AccountInfo>> Handle(ListAccounts query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var rows = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId into urs
                              from ur in urs.DefaultIfEmpty()
                              join r in db.Roles on ur.RoleId equals r.Id into rs
                              from r in rs.DefaultIfEmpty()
                              orderby u.UserName
                              select new { u.UserName, Role = r == null ? null : r.Name, u.UnitName, u.DisplayName, u.LockoutEnd, u.MustChangePassword, u.CreatedAt })
                .ToListAsync(cancellationToken);
            return rows.Select(u => new AccountInfo(u.UserName!, u.Role ?? string.Empty, u.UnitName, u.DisplayName,
                u.LockoutEnd > now, u.MustChangePassword, u.CreatedAt)).ToList();
        }

        public async ValueTask<AccountResult> Handle(CreateAccount command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (await users.FindByNameAsync(command.UserName) is not null)
            {
                return new AccountResult(null, ApiErrorCodes.Conflict, $"用户名“{command.UserName}”已被使用。");
            }

            try
            {
                return new AccountResult(await accounts.CreateOrResetAsync(command.UserName, command.Role, command.Unit, command.DisplayName), null, null);
            }
            catch (AccountException ex)
            {
                return new AccountResult(null, ApiErrorCodes.InvalidField, ex.Message);
            }
        }

        public async ValueTask<AccountResult> Handle(ResetPassword command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (await users.FindByNameAsync(command.UserName) is null)
            {
                return NotFound(command.UserName);
            }

            var issued = await accounts.CreateOrResetAsync(command.UserName, Roles.Unit, null, null);
            return new AccountResult(issued, null, null);
        }

        public async ValueTask<AccountResult> Handle(SetDisabled command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await users.FindByNameAsync(command.UserName);
            if (user is null)
            {
                return NotFound(command.UserName);
            }

            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, command.Disabled ? DateTimeOffset.MaxValue : null);
            if (command.Disabled)
            {
                // A disabled account's tokens stop working at once (the handler also checks the lockout).
                var now = clock.GetUtcNow().UtcDateTime;
                await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), cancellationToken);
                await users.UpdateSecurityStampAsync(user);
            }

            // The user manager already dropped the cached token look-ups for the lockout; again after the revocation,
            // which it does not see.
            tokenCache.Invalidate();

            return AccountResult.Ok;
        }

        public async ValueTask<IReadOnlyList<OrganisationInfo>> Handle(ListOrganisations query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new OrganisationInfo(o.Id, o.Name, o.CreatedAt)).ToListAsync(cancellationToken);

        public async ValueTask<OrganisationInfo> Handle(AddOrganisation command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            await accounts.EnsureOrganisationAsync(command.Name);
            return await db.Organisations.AsNoTracking().Where(o => o.Name == command.Name)
                .Select(o => new OrganisationInfo(o.Id, o.Name, o.CreatedAt)).FirstAsync(cancellationToken);
        }

        private static AccountResult NotFound(string userName) =>
            new(null, ApiErrorCodes.NotFound, $"账号“{userName}”不存在。");
    }

    /// <summary>Validates a new account's fields; null when they are fine.</summary>
    public static string? Invalid(CreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length > 64)
        {
            return "请填写用户名（不超过 64 个字符，可用字母、数字和 - . _ @）。";
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return "角色只能是 unit（报送单位）、auditor（审核人员）、finance（财政局）或 admin（系统管理员）。";
        }

        if (request.Role == Roles.Unit && (string.IsNullOrWhiteSpace(request.Unit) || request.Unit.Trim().Length > MaxUnitLength))
        {
            return $"报送单位账号必须填写所属单位名称（不超过 {MaxUnitLength} 个字）。";
        }

        return request.DisplayName is { Length: > 100 } ? "显示名称不能超过 100 个字。" : null;
    }

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/users", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListAccounts(), ct)))
            .WithName("ListAccounts").WithSummary("列出全部账号");
        group.MapPost("/users", CreateAsync).WithName("CreateAccount").WithSummary("创建账号，返回一次性密码（只显示这一次）")
            .Produces<IssuedPassword>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/users/{userName}/password-reset", async (string userName, IMediator m, CancellationToken ct) =>
                ToResult(await m.Send(new ResetPassword(userName), ct)))
            .WithName("ResetPassword").WithSummary("重置账号密码，返回新的一次性密码").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/users/{userName}/disable", async (string userName, IMediator m, CancellationToken ct) =>
                ToResult(await m.Send(new SetDisabled(userName, true), ct)))
            .WithName("DisableAccount").WithSummary("停用账号（其令牌同时失效）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/users/{userName}/enable", async (string userName, IMediator m, CancellationToken ct) =>
                ToResult(await m.Send(new SetDisabled(userName, false), ct)))
            .WithName("EnableAccount").WithSummary("启用账号").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/organisations", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListOrganisations(), ct)))
            .WithName("ListOrganisations").WithSummary("列出应报送的单位");
        group.MapPost("/organisations", AddOrganisationAsync).WithName("AddOrganisation").WithSummary("添加应报送的单位")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Results<Created<IssuedPassword>, ProblemHttpResult>> CreateAsync(
        CreateRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } message)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "账号信息有误", message);
        }

        var result = await mediator.Send(
            new CreateAccount(request.UserName!.Trim(), request.Role!, request.Unit?.Trim(), request.DisplayName?.Trim()), cancellationToken);
        return result.Issued is { } issued
            ? TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(issued.UserName)}", issued)
            : Problem(result);
    }

    private static async Task<Results<Ok<OrganisationInfo>, ProblemHttpResult>> AddOrganisationAsync(
        OrganisationRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxUnitLength)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "单位名称有误", $"请填写单位名称（不超过 {MaxUnitLength} 个字）。");
        }

        return TypedResults.Ok(await mediator.Send(new AddOrganisation(name), cancellationToken));
    }

    private static IResult ToResult(AccountResult result) =>
        result.Code is null ? (result.Issued is { } issued ? TypedResults.Ok(issued) : TypedResults.NoContent()) : Problem(result);

    private static ProblemHttpResult Problem(AccountResult result) => result.Code switch
    {
        ApiErrorCodes.NotFound => Problems.Create(StatusCodes.Status404NotFound, result.Code, "找不到该账号", result.Message!),
        ApiErrorCodes.Conflict => Problems.Create(StatusCodes.Status409Conflict, result.Code, "用户名已被使用", result.Message!),
        _ => Problems.Create(StatusCodes.Status400BadRequest, result.Code!, "账号信息有误", result.Message!),
    };
}
