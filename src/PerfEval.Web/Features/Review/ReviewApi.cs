namespace PerfEval.Web.Features.Review;

/// <summary>The review endpoints, under <c>/api/submissions/{id}/…</c>.</summary>
public static class ReviewApi
{
    /// <summary>
    /// Maps the review endpoints. No authorization is attached here: every handler takes the <c>Viewer</c> and reads
    /// submissions only through <c>VisibleTo</c>. Intended policies: <c>GET …/review</c> read-reviews (it carries the
    /// history); <c>GET …/document</c> read-submissions; the decision and <c>…/reviewed</c> review.
    /// </summary>
    public static RouteGroupBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Review");
        GetSubmissionReview.Map(group);
        GetDocumentView.Map(group);
        DecideFinding.Map(group);
        MarkReviewed.Map(group);
        return group;
    }
}
