using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Data;

namespace PerfEval.Web.Pages.Account;

/// <summary>
/// Sign-in with user name and password (the cookie of the pages). Wrong passwords count towards the lockout (5 tries,
/// 15 minutes); a disabled account is locked out for good. An account with a one-time password goes to the password
/// page first.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public string? UserName { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        return User.Identity?.IsAuthenticated == true ? LocalRedirect(Safe(returnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        UserName = userName?.Trim();
        if (string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(password))
        {
            Error = "请填写用户名和密码。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = "该账号已被锁定：密码连续输错 5 次后锁定 15 分钟，请稍后再试；如账号已被停用，请联系系统管理员。";
            return Page();
        }

        if (!result.Succeeded)
        {
            Error = "用户名或密码错误，请检查后重试。连续输错 5 次，账号将被锁定 15 分钟。";
            return Page();
        }

        var user = await users.FindByNameAsync(UserName);
        if (user?.MustChangePassword == true)
        {
            return Redirect(PageServices.PasswordPath + "?returnUrl=" + Uri.EscapeDataString(Safe(returnUrl)));
        }

        return LocalRedirect(Safe(returnUrl));
    }

    /// <summary>Only a path of this site; anything else goes to the home page.</summary>
    internal static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
