using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Accounts;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages;

/// <summary>
/// The home page for each role: a unit its own submissions, an auditor the checked submissions with errors, the
/// finance bureau the statistics and the newest submissions, an admin the accounts.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int RecentCount = 20;

    public Viewer Viewer { get; private set; } = Viewer.System;

    public ListSubmissions.Page? Submissions { get; private set; }

    public IReadOnlyList<ManageAccounts.AccountInfo> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Viewer = Viewer.From(User);
        var query = Viewer.Role switch
        {
            // Checked and with at least one error: what an auditor has to look at, the newest first.
            Roles.Auditor => new ListSubmissions.Query(null, null, SubmissionState.Done, true, 1, RecentCount),
            _ => new ListSubmissions.Query(null, null, null, null, 1, RecentCount),
        };
        Submissions = await mediator.Send(query with { Viewer = Viewer, Sort = "newest" }, cancellationToken);
        if (Viewer.Role == Roles.Admin)
        {
            Accounts = await mediator.Send(new ManageAccounts.ListAccounts(), cancellationToken);
        }
    }
}
