using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PerfEval.Web.Pages.Statistics;

/// <summary>Placeholder: the statistics page replaces this once <c>Features/Statistics</c> is merged.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
