using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Data;

namespace PerfEval.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token (a link could be triggered by another site); GET asks.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "您已退出登录。";
        return Redirect("/account/login");
    }
}
