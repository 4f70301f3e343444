namespace PerfEval.Web.Features.Statistics;

/// <summary>The <c>/api/statistics</c> endpoint group (finance, auditor and admin; not units).</summary>
public static class StatisticsApi
{
    /// <summary>Maps the group; the statistics authorization policy is added to the returned group.</summary>
    public static RouteGroupBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics");
        GetStatistics.Map(group);
        return group;
    }
}
