using System.Security.Claims;
using PerfEval.Web.Data;

namespace PerfEval.Web.Auth;

/// <summary>
/// Who is asking, as the handlers need it: the user name (for the history), the role and, for a unit, its
/// organisation. Every query that reads submissions goes through <see cref="VisibleTo"/>, so a unit can never read
/// another unit's submission, file or findings, whatever id it guesses.
/// </summary>
public sealed record Viewer(string UserName, string Role, string? UnitName)
{
    /// <summary>The claim that carries a unit account's organisation.</summary>
    public const string UnitClaim = "perfeval:unit";

    public bool IsUnit => Role == Roles.Unit;

    /// <summary>Reads the viewer from a signed-in principal (cookie or access token).</summary>
    public static Viewer From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name ?? string.Empty;
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? string.Empty;
        return new Viewer(name, role, principal.FindFirst(UnitClaim)?.Value);
    }

    /// <summary>A viewer that sees everything (jobs, the CLI, tests of the handlers).</summary>
    public static Viewer System { get; } = new("system", Roles.Admin, null);
}

public static class ViewerQueries
{
    /// <summary>The submissions this viewer may see: a unit its own organisation's (none if it has no organisation),
    /// every other role all of them.</summary>
    public static IQueryable<Submission> VisibleTo(this IQueryable<Submission> submissions, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsUnit)
        {
            return submissions;
        }

        var unit = viewer.UnitName ?? string.Empty;
        return unit.Length == 0 ? submissions.Where(_ => false) : submissions.Where(s => s.UnitName == unit);
    }
}
