using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Accounts;

/// <summary>
/// <c>POST /api/auth/password</c> (anonymous; user name, current and new password): replaces a password, including
/// a one-time one. The sign-in page's "change password" step uses the same handler.
/// </summary>
public static class ChangePassword
{
    public sealed record Request(string? UserName, string? CurrentPassword, string? NewPassword);

    public sealed record Command(string UserName, string CurrentPassword, string NewPassword) : ICommand<Result>;

    /// <summary>Null <see cref="Code"/> when the password was changed; otherwise why not, in Chinese.</summary>
    public sealed record Result(string? Code, string? Message)
    {
        public bool Succeeded => Code is null;
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await users.FindByNameAsync(command.UserName);
            if (user is null)
            {
                return new Result(ApiErrorCodes.BadCredentials, "用户名或当前密码错误。");
            }

            var check = await signIn.CheckPasswordSignInAsync(user, command.CurrentPassword, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                return new Result(ApiErrorCodes.AccountLocked, "密码连续输错次数过多或账号已被停用。请 15 分钟后再试，或联系系统管理员。");
            }

            if (!check.Succeeded)
            {
                return new Result(ApiErrorCodes.BadCredentials, "用户名或当前密码错误。");
            }

            if (command.NewPassword == command.CurrentPassword)
            {
                return new Result(ApiErrorCodes.InvalidField, "新密码不能与当前密码相同。");
            }

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (!changed.Succeeded)
            {
                return new Result(ApiErrorCodes.InvalidField, string.Join("；", changed.Errors.Select(e => e.Description)));
            }

            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            return new Result(null, null);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapPost("/password", HandleAsync)
            .AllowAnonymous()
            .WithName(nameof(ChangePassword))
            .WithSummary("修改密码（含首次登录修改一次性密码）")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Request request, IMediator mediator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "信息不完整", "请提供 userName、currentPassword 和 newPassword。");
        }

        var result = await mediator.Send(new Command(request.UserName.Trim(), request.CurrentPassword, request.NewPassword), cancellationToken);
        return result.Code switch
        {
            null => TypedResults.NoContent(),
            ApiErrorCodes.BadCredentials => Problems.Create(StatusCodes.Status401Unauthorized, result.Code, "用户名或密码错误", result.Message!),
            ApiErrorCodes.AccountLocked => Problems.Create(StatusCodes.Status403Forbidden, result.Code, "账号已锁定", result.Message!),
            _ => Problems.Create(StatusCodes.Status400BadRequest, result.Code, "新密码不符合要求", result.Message!),
        };
    }
}
