using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages.Submissions;

/// <summary>
/// Where an upload is: queued → processing → done | failed, from <see cref="GetSubmission"/>. The page script polls
/// <c>GET /api/submissions/{id}</c> and updates it in place; without script it refreshes itself.
/// </summary>
public sealed class StatusModel(IMediator mediator) : PageModel
{
    public SubmissionView? Submission { get; private set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Submission = await mediator.Send(new GetSubmission.Query(id, Viewer.From(User)), cancellationToken);
        if (Submission is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
