using Hangfire.Dashboard;

namespace PerfEval.Web.Auth;

/// <summary>The Hangfire dashboard is for admins only (it can delete and re-run jobs).</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
