using PerfEval.Web.Auth;

namespace PerfEval.Web.Features.Review;

/// <summary>The viewer of a request to the review endpoints.</summary>
internal static class ReviewViewer
{
    /// <summary>The signed-in user as a <see cref="Viewer"/> (every review endpoint requires a sign-in).</summary>
    public static Viewer Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Viewer.From(context.User);
    }
}
