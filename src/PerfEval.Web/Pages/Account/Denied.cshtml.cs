using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PerfEval.Web.Pages.Account;

/// <summary>Where the cookie scheme sends a signed-in account that may not open a page.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
