using PerfEval.Web.Auth;

namespace PerfEval.Web.Features.Review;

/// <summary>The review endpoints, under <c>/api/submissions/{id}/…</c>.</summary>
public static class ReviewApi
{
    /// <summary>
    /// Maps the review endpoints. Every handler takes the <c>Viewer</c> and reads submissions only through
    /// <c>VisibleTo</c>; on top, <c>GET …/review</c> (it carries the history) is for auditor, finance and admin,
    /// <c>GET …/document</c> for every role (a unit its own), and deciding or marking reviewed for auditors.
    /// </summary>
    public static RouteGroupBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var reading = app.MapGroup("/api/submissions").WithTags("Review");
        GetSubmissionReview.Map(reading).RequireAuthorization(Policies.ReadReviews);
        GetDocumentView.Map(reading).RequireAuthorization(Policies.ReadSubmissions);
        var deciding = app.MapGroup("/api/submissions").WithTags("Review").RequireAuthorization(Policies.Review);
        DecideFinding.Map(deciding);
        MarkReviewed.Map(deciding);
        return deciding;
    }
}
