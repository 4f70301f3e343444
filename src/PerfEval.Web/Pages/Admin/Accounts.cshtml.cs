using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Features.Accounts;

namespace PerfEval.Web.Pages.Admin;

/// <summary>
/// Accounts (admin) through the <see cref="ManageAccounts"/> handlers: list, create with a one-time password, reset
/// it, disable and enable. A one-time password is shown once, in the answer to the POST that made it, never stored
/// in TempData or cached.
/// </summary>
public sealed class AccountsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ManageAccounts.AccountInfo> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Units { get; private set; } = [];

    public IssuedPassword? Issued { get; private set; }

    public bool IssuedForNewAccount { get; private set; }

    public string? Error { get; private set; }

    // The create form as given, shown back after an error.
    public string? NewUserName { get; private set; }

    public string NewRole { get; private set; } = Roles.Unit;

    public string? NewUnit { get; private set; }

    public string? NewDisplayName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? role, string? unit, string? displayName, CancellationToken cancellationToken)
    {
        NewUserName = userName?.Trim();
        NewRole = role ?? Roles.Unit;
        NewUnit = unit?.Trim();
        NewDisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var request = new ManageAccounts.CreateRequest(NewUserName, role, NewRole == Roles.Unit ? NewUnit : null, NewDisplayName);
        if (ManageAccounts.Invalid(request) is { } invalid)
        {
            return await ShowAsync(invalid, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await mediator.Send(new ManageAccounts.CreateAccount(NewUserName!, NewRole, request.Unit, NewDisplayName), cancellationToken);
        if (result.Issued is null)
        {
            return await ShowAsync(result.Message ?? "账号未能创建。", StatusCodes.Status400BadRequest, cancellationToken);
        }

        Issued = result.Issued;
        IssuedForNewAccount = true;
        NewUserName = null;
        NewUnit = null;
        NewDisplayName = null;
        return await ShowAsync(null, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(string? userName, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ManageAccounts.ResetPassword(userName ?? string.Empty), cancellationToken);
        if (result.Issued is null)
        {
            return await ShowAsync(result.Message ?? "密码未能重置。", StatusCodes.Status404NotFound, cancellationToken);
        }

        Issued = result.Issued;
        return await ShowAsync(null, StatusCodes.Status200OK, cancellationToken);
    }

    public Task<IActionResult> OnPostDisableAsync(string? userName, CancellationToken cancellationToken) =>
        SetDisabledAsync(userName, true, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string? userName, CancellationToken cancellationToken) =>
        SetDisabledAsync(userName, false, cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(string? userName, bool disabled, CancellationToken cancellationToken)
    {
        if (disabled && string.Equals(userName, User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await ShowAsync("不能停用当前登录的账号。", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await mediator.Send(new ManageAccounts.SetDisabled(userName ?? string.Empty, disabled), cancellationToken);
        if (result.Code is not null)
        {
            return await ShowAsync(result.Message ?? "操作未能完成。", StatusCodes.Status404NotFound, cancellationToken);
        }

        TempData["Message"] = disabled ? $"账号“{userName}”已停用，其访问令牌同时失效。" : $"账号“{userName}”已启用。";
        return Redirect("/admin/accounts");
    }

    private async Task<IActionResult> ShowAsync(string? error, int status, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = status;
        // The page may show a one-time password: never kept by a browser or proxy cache.
        Response.Headers.CacheControl = "no-cache, no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await mediator.Send(new ManageAccounts.ListAccounts(), cancellationToken);
        Units = (await mediator.Send(new ManageAccounts.ListOrganisations(), cancellationToken)).Select(o => o.Name).ToList();
    }
}
