using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Statistics;

/// <summary>The submissions that speak for their unit in a year's statistics: each unit's highest version.</summary>
internal static class LatestVersions
{
    /// <summary>
    /// Each unit's latest submission for the year, as SQL (NOT EXISTS on the unique (UnitName, Year, Version) index),
    /// so it can be joined, grouped and counted by the database.
    /// </summary>
    public static IQueryable<Submission> Of(PerfEvalDbContext db, int year) =>
        db.Submissions.AsNoTracking().Where(s => s.Year == year
            && !db.Submissions.Any(o => o.UnitName == s.UnitName && o.Year == year && o.Version > s.Version));
}
