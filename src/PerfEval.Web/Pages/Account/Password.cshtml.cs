using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Accounts;

namespace PerfEval.Web.Pages.Account;

/// <summary>Changes the signed-in account's password through <see cref="ChangePassword"/> (the API's handler), then
/// renews the sign-in cookie (a password change renews the security stamp).</summary>
public sealed class PasswordModel(IMediator mediator, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool MustChange { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            await signIn.SignOutAsync();
            return Redirect("/account/login");
        }

        MustChange = user.MustChangePassword;
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            Error = "请填写当前密码和新密码。";
            return Page();
        }

        if (newPassword != confirmPassword)
        {
            Error = "两次输入的新密码不一致。";
            return Page();
        }

        var result = await mediator.Send(new ChangePassword.Command(user.UserName!, currentPassword, newPassword), cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Message;
            return Page();
        }

        var changed = await users.FindByIdAsync(user.Id);
        if (changed is not null)
        {
            await signIn.RefreshSignInAsync(changed);
        }

        TempData["Message"] = "密码已修改。";
        return LocalRedirect(LoginModel.Safe(returnUrl));
    }
}
