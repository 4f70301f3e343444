using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Review;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages.Submissions;

/// <summary>
/// One submission: the document as the unit wrote it with its flagged places (<see cref="GetDocumentView"/>), the
/// findings beside it grouped by form and category, the extracted typed values (<see cref="GetForms"/>) and, for
/// auditor, finance and admin, the decisions and the review history (<see cref="GetSubmissionReview"/>). A unit sees
/// its findings without decisions (<see cref="GetFindings"/>). Auditors decide findings and mark the submission reviewed
/// through the page handlers, which send the same commands as the API.
/// </summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public Guid Id { get; private set; }

    public SubmissionView? Submission { get; private set; }

    /// <summary>The review (decisions, history); null for a unit.</summary>
    public GetSubmissionReview.Response? Review { get; private set; }

    public GetDocumentView.Response? Document { get; private set; }

    public IReadOnlyList<GetForms.FormView> Forms { get; private set; } = [];

    public IReadOnlyList<FindingFormGroup> Groups { get; private set; } = [];

    public int FindingTotal { get; private set; }

    /// <summary>Whether the viewer may decide findings and mark the submission reviewed (auditors).</summary>
    public bool CanReview { get; private set; }

    /// <summary>A refused decision: the finding it was about (null for the reviewed form) and the reason in Chinese.</summary>
    public (long? FindingId, string Message)? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, long findingId, string? decision, string? comment, CancellationToken cancellationToken)
    {
        if (!await MayReviewAsync())
        {
            return Forbid();
        }

        if (DecideFinding.ParseAction(decision) is not { } action)
        {
            return await RefusedAsync(id, findingId, "请选择确认、驳回或重新打开。", cancellationToken);
        }

        var response = await mediator.Send(new DecideFinding.Command(id, findingId, null, action, comment, Viewer.From(User)), cancellationToken);
        switch (response)
        {
            case DecideFinding.Decided:
                TempData["Message"] = action switch
                {
                    ReviewAction.Confirmed => "已确认该检查结果。",
                    ReviewAction.Dismissed => "已驳回该检查结果。",
                    _ => "已重新打开该检查结果。",
                };
                return Redirect($"/submissions/{id}#finding-{findingId}");
            case DecideFinding.Refused refused:
                return await RefusedAsync(id, findingId, refused.Message, cancellationToken);
            default:
                return NotFoundPage(id);
        }
    }

    public async Task<IActionResult> OnPostReviewedAsync(Guid id, bool reviewed, string? comment, CancellationToken cancellationToken)
    {
        if (!await MayReviewAsync())
        {
            return Forbid();
        }

        var response = await mediator.Send(new MarkReviewed.Command(id, reviewed, comment, Viewer.From(User)), cancellationToken);
        switch (response)
        {
            case MarkReviewed.Marked:
                TempData["Message"] = reviewed ? "已标记为已审核。" : "已取消已审核标记。";
                return Redirect($"/submissions/{id}");
            case MarkReviewed.Refused refused:
                return await RefusedAsync(id, null, refused.Message, cancellationToken);
            default:
                return NotFoundPage(id);
        }
    }

    private PageResult NotFoundPage(Guid id)
    {
        Id = id;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(Guid id, long? findingId, string message, CancellationToken cancellationToken)
    {
        Refusal = (findingId, message);
        if (!await LoadAsync(id, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> MayReviewAsync() => (await authorization.AuthorizeAsync(User, Policies.Review)).Succeeded;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var viewer = Viewer.From(User);
        CanReview = await MayReviewAsync();
        var findings = new List<FindingItem>();
        if (viewer.IsUnit)
        {
            Submission = await mediator.Send(new GetSubmission.Query(id, viewer), cancellationToken);
            if (Submission is null)
            {
                return false;
            }

            Document = await mediator.Send(new GetDocumentView.Query(id, viewer), cancellationToken);
            var listed = (await mediator.Send(new GetFindings.Query(id, viewer), cancellationToken))?.Findings ?? [];
            var places = Document?.Places ?? [];
            for (var i = 0; i < listed.Count; i++)
            {
                var f = listed[i];
                var place = i < places.Count && places[i].Fingerprint == f.Fingerprint ? places[i] : null;
                findings.Add(new FindingItem(place?.FindingId ?? -(i + 1), f.Form, f.FormName, f.Category, f.Severity, f.Rule, f.Message,
                    f.Location, null, null, null, null, place?.PlaceId, place?.RelatedPlaceIds ?? []));
            }
        }
        else
        {
            Review = await mediator.Send(new GetSubmissionReview.Query(id, viewer), cancellationToken);
            if (Review is null)
            {
                return false;
            }

            Submission = Review.Submission;
            Document = await mediator.Send(new GetDocumentView.Query(id, viewer), cancellationToken);
            var places = (Document?.Places ?? []).ToDictionary(p => p.FindingId);
            foreach (var form in Review.Forms)
            {
                foreach (var category in form.Categories)
                {
                    foreach (var f in category.Findings)
                    {
                        var place = places.GetValueOrDefault(f.Id);
                        findings.Add(new FindingItem(f.Id, form.Form, form.FormName, category.Category, f.Severity, f.Rule, f.Message,
                            f.Location, f.State, f.Comment, f.DecidedBy, f.DecidedAt, place?.PlaceId, place?.RelatedPlaceIds ?? []));
                    }
                }
            }
        }

        FindingTotal = findings.Count;
        Groups = findings
            .GroupBy(f => (f.Form, f.FormName))
            .Select(form => new FindingFormGroup(
                form.Key.Form,
                form.Key.FormName,
                form.GroupBy(f => f.Category, StringComparer.Ordinal)
                    .Select(c => new FindingCategoryGroup(c.Key, c.ToList()))
                    .ToList()))
            .ToList();
        Forms = (await mediator.Send(new GetForms.Query(id, viewer), cancellationToken))?.Forms ?? [];
        return true;
    }
}

/// <summary>The findings of one form, by category.</summary>
public sealed record FindingFormGroup(string Form, string? FormName, IReadOnlyList<FindingCategoryGroup> Categories);

public sealed record FindingCategoryGroup(string Category, IReadOnlyList<FindingItem> Findings);

/// <summary>A finding as the page shows it: its text, its decision (null for a unit) and the element ids of its place
/// and of the places it refers to in the rendered document.</summary>
public sealed record FindingItem(
    long Id,
    string Form,
    string? FormName,
    string Category,
    string Severity,
    string Rule,
    string Message,
    GetFindings.FindingLocation Location,
    FindingState? State,
    string? Comment,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? PlaceId,
    IReadOnlyList<string> RelatedPlaceIds);
