using PerfEval.Web.Auth;

namespace PerfEval.Web.Features.Review;

/// <summary>The viewer of a request to the review endpoints.</summary>
internal static class ReviewViewer
{
    /// <summary>
    /// The signed-in user as a <see cref="Viewer"/>. TEMPORARY: while the service has no sign-in, an anonymous request
    /// is treated as <see cref="Viewer.System"/> (sees every submission, acts as "system"). Once the endpoints require
    /// an authenticated user, replace the body with <c>Viewer.From(context.User)</c>.
    /// </summary>
    public static Viewer Of(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? Viewer.From(context.User) : Viewer.System;
}
