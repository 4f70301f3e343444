using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Pages.Statistics;

/// <summary>
/// A fiscal year's statistics for finance, auditors and admins (<see cref="GetStatistics"/>): the overview figures,
/// the charts, findings by category and rule, the units with the most errors, the per-unit table (paged, sortable) and
/// the download links of the export endpoints. Without <c>year</c>, the latest year with submissions (else last year).
/// </summary>
public sealed class IndexModel(IMediator mediator, PerfEvalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public int Year { get; private set; }

    /// <summary>The years with submissions, newest first, and the shown year.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public UnitOrder Order { get; private set; }

    public StatisticsReport Report { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Report.Units.Total + PageSize - 1) / PageSize);

    public static IReadOnlyList<(UnitOrder Order, string Name, string Label)> Orders { get; } =
    [
        (UnitOrder.Unit, "unit", "按单位名称"),
        (UnitOrder.Errors, "errors", "错误最多在前"),
        (UnitOrder.Rate, "rate", "执行率从低到高"),
        (UnitOrder.Score, "score", "总分从低到高"),
    ];

    public async Task OnGetAsync(int? year, string? order, int? page, CancellationToken cancellationToken)
    {
        var years = await db.Submissions.AsNoTracking().Select(s => s.Year).Distinct().ToListAsync(cancellationToken);
        var fallback = years.Count > 0 ? years.Max() : clock.GetUtcNow().Year - 1;
        Year = year is int y and >= GetStatistics.MinYear and <= GetStatistics.MaxYear ? y : fallback;
        Years = [.. years.Append(Year).Distinct().OrderDescending()];
        Order = Orders.FirstOrDefault(o => o.Name == order).Name is not null ? Orders.First(o => o.Name == order).Order : UnitOrder.Unit;
        var pageNumber = Math.Max(1, page ?? 1);
        Report = await mediator.Send(new GetStatistics.Query(Year, GetStatistics.DefaultTop, Order, pageNumber, PageSize), cancellationToken);
    }

    public string OrderName(UnitOrder order) => Orders.First(o => o.Order == order).Name;

    public string Link(int? page = null, UnitOrder? order = null) =>
        $"/statistics?year={Year}&order={OrderName(order ?? Order)}&page={page ?? Report.Units.Page}";

    public string Export(string what, string format) =>
        what == "statistics" ? $"/api/statistics/export?year={Year}&format={format}" : $"/api/findings/export?year={Year}&format={format}";
}
