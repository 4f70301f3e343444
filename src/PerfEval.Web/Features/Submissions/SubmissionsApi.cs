namespace PerfEval.Web.Features.Submissions;

/// <summary>The <c>/api/submissions</c> endpoint group.</summary>
public static class SubmissionsApi
{
    /// <summary>
    /// Maps the group. Accounts and roles are not built yet, so the group is anonymous; an authorization policy is
    /// added here per group (and per endpoint where a role differs) once they are.
    /// </summary>
    public static RouteGroupBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Submissions");
        UploadSubmission.Map(group);
        ListSubmissions.Map(group);
        GetSubmission.Map(group);
        GetFindings.Map(group);
        GetForms.Map(group);
        DownloadOriginal.Map(group);
        return group;
    }
}
