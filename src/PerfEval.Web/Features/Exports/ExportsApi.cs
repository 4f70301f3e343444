namespace PerfEval.Web.Features.Exports;

/// <summary>The export endpoints, <c>/api/statistics/export</c> and <c>/api/findings/export</c> (finance, auditor and
/// admin; not units).</summary>
public static class ExportsApi
{
    /// <summary>Maps the group; the statistics authorization policy is added to the returned group.</summary>
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Exports");
        ExportStatistics.Map(group);
        ExportFindings.Map(group);
        return group;
    }
}
