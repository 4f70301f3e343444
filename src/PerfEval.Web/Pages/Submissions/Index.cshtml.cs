using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Accounts;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages.Submissions;

/// <summary>
/// The submissions list through <see cref="ListSubmissions"/>: filters (year, unit, state, errors, rule category),
/// the handler's sort orders and 50 a page. A unit sees only its own (the handler scopes by <see cref="Viewer"/>).
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    public Viewer Viewer { get; private set; } = Viewer.System;

    public ListSubmissions.Page Result { get; private set; } = new([], 1, PageSize, 0);

    public List<string> Problems { get; } = [];

    public IReadOnlyList<string> Units { get; private set; } = [];

    // The filters as given (shown back in the form, kept in the paging links).
    public string? Year { get; private set; }

    public string? Unit { get; private set; }

    public string? State { get; private set; }

    public string? Errors { get; private set; }

    public string? Category { get; private set; }

    public string Sort { get; private set; } = "newest";

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? year, string? unit, string? state, string? errors, string? category, string? sort,
        [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        Viewer = Viewer.From(User);
        Year = year?.Trim();
        Unit = Viewer.IsUnit ? null : unit?.Trim();
        State = state?.Trim();
        Errors = errors?.Trim();
        Category = category?.Trim();
        Sort = string.IsNullOrWhiteSpace(sort) ? "newest" : sort.Trim();

        int? wantedYear = null;
        if (!string.IsNullOrEmpty(Year))
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                wantedYear = y;
            }
            else
            {
                Problems.Add("年度应为四位数字（如 2023），已忽略该条件。");
                Year = null;
            }
        }

        SubmissionState? wantedState = null;
        if (!string.IsNullOrEmpty(State))
        {
            wantedState = Display.States.Cast<SubmissionState?>().FirstOrDefault(s => Display.StateName(s!.Value) == State);
            if (wantedState is null)
            {
                Problems.Add("状态条件无效，已忽略。");
                State = null;
            }
        }

        bool? hasErrors = Errors switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
        if (hasErrors is null)
        {
            Errors = null;
        }

        if (!string.IsNullOrEmpty(Category) && Display.Categories.All(c => c.Name != Category))
        {
            Problems.Add("问题类别无效，已忽略。");
            Category = null;
        }

        if (!ListSubmissions.Sorts.Contains(Sort))
        {
            Problems.Add("排序方式无效，已按最新上传排序。");
            Sort = "newest";
        }

        // "page" is also the route value naming the Razor page, hence the explicit query binding.
        var number = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        var query = new ListSubmissions.Query(wantedYear, string.IsNullOrEmpty(Unit) ? null : Unit, wantedState, hasErrors, number, PageSize)
        {
            Viewer = Viewer,
            Category = string.IsNullOrEmpty(Category) ? null : Category,
            Sort = Sort,
        };
        Result = await mediator.Send(query, cancellationToken);
        if (!Viewer.IsUnit)
        {
            Units = (await mediator.Send(new ManageAccounts.ListOrganisations(), cancellationToken)).Select(o => o.Name).ToList();
        }
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int pageNumber)
    {
        var values = new Dictionary<string, string?>
        {
            ["year"] = Year,
            ["unit"] = Unit,
            ["state"] = State,
            ["errors"] = Errors,
            ["category"] = Category,
            ["sort"] = Sort == "newest" ? null : Sort,
            ["page"] = pageNumber == 1 ? null : pageNumber.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/submissions",
            values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
