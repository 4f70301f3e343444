namespace PerfEval.Web.Features.Submissions;

/// <summary>The <c>/api/submissions</c> endpoint group.</summary>
public static class SubmissionsApi
{
    /// <summary>
    /// Maps the group: every role reads (a unit only its own organisation's, enforced in each query through
    /// <see cref="Auth.ViewerQueries.VisibleTo"/>); units and admins upload.
    /// </summary>
    public static RouteGroupBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Submissions").RequireAuthorization(Auth.Policies.ReadSubmissions);
        UploadSubmission.Map(group).RequireAuthorization(Auth.Policies.Upload);
        ListSubmissions.Map(group);
        GetSubmission.Map(group);
        GetFindings.Map(group);
        GetForms.Map(group);
        DownloadOriginal.Map(group);
        RecheckSubmissions.Map(group);
        return group;
    }
}
