using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages.Submissions;

/// <summary>
/// One submission: what was uploaded and the findings as a plain list (<see cref="GetSubmission"/>,
/// <see cref="GetFindings"/>). The document view with highlighted cells, triage and the typed values are added here
/// when the review features land.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public Guid Id { get; private set; }

    public SubmissionView? Submission { get; private set; }

    public IReadOnlyList<GetFindings.FindingView> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var viewer = Viewer.From(User);
        Submission = await mediator.Send(new GetSubmission.Query(id, viewer), cancellationToken);
        if (Submission is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Findings = (await mediator.Send(new GetFindings.Query(id, viewer), cancellationToken))?.Findings ?? [];
        return Page();
    }
}
