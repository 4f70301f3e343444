using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Features.Exports;

/// <summary>
/// <c>GET /api/statistics/export?year=&amp;format=csv|xlsx</c>: a year's statistics as a file — a summary (汇总: the
/// overall figures, the distributions, findings by category and rule, the units with the most errors, the units
/// missing) and one row per submitting unit (分单位). XLSX has the two sheets; CSV has them as two sections.
/// </summary>
public static class ExportStatistics
{
    public const string SummarySheet = "汇总";
    public const string UnitsSheet = "分单位";

    /// <summary>The column headers of the per-unit sheet.</summary>
    public static IReadOnlyList<string> UnitColumns { get; } =
    [
        "单位", "在单位名录中", "最新版本", "版本数", "状态", "全年预算数（万元）", "全年执行数（万元）", "执行率",
        "自评得分", "等级", "错误", "警告", "问题总数", "已审核", "报送编号",
    ];

    public static string FileName(int year, ExportFormat format) => $"{year}年度预算绩效自评统计{ExportFormats.Extension(format)}";

    /// <summary>The name for clients that cannot read a UTF-8 file name.</summary>
    public static string AsciiFileName(int year, ExportFormat format) => $"perfeval-statistics-{year}{ExportFormats.Extension(format)}";

    /// <summary>The two sheets of a report (all its unit rows: ask <see cref="GetStatistics"/> without a page size).</summary>
    public static IReadOnlyList<ExportSheet> Sheets(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new ExportSheet(SummarySheet, [30, 16, 26, 12, 10, 10, 10, 12], Summary(report).ToAsyncEnumerable(), HeaderRow: false),
            new ExportSheet(UnitsSheet, [30, 8, 8, 8, 10, 16, 16, 10, 10, 6, 6, 6, 8, 8, 38], Units(report).ToAsyncEnumerable(), HeaderRow: true),
        ];
    }

    private static IEnumerable<IReadOnlyList<ExportCell>> Summary(StatisticsReport report)
    {
        var o = report.Overall;
        yield return [ExportCell.Head("项目"), ExportCell.Head("数值")];
        yield return [ExportCell.Of("年度"), ExportCell.Of(report.Year)];
        yield return [ExportCell.Of("应报单位数（单位名录）"), ExportCell.Of(o.UnitsExpected)];
        yield return [ExportCell.Of("已报送单位数"), ExportCell.Of(o.UnitsSubmitted)];
        yield return [ExportCell.Of("未报送单位数"), ExportCell.Of(o.UnitsMissing)];
        yield return [ExportCell.Of("报送份数（含各版本）"), ExportCell.Of(o.Submissions.Total)];
        yield return [ExportCell.Of("其中：已完成"), ExportCell.Of(o.Submissions.Done)];
        yield return [ExportCell.Of("其中：处理失败"), ExportCell.Of(o.Submissions.Failed)];
        yield return [ExportCell.Of("其中：排队中"), ExportCell.Of(o.Submissions.Queued)];
        yield return [ExportCell.Of("其中：处理中"), ExportCell.Of(o.Submissions.Processing)];
        yield return [ExportCell.Of("有预算执行数据的单位数"), ExportCell.Of(o.UnitsWithFigures)];
        yield return [ExportCell.Of("全年预算数合计（万元）"), ExportCell.Amount(o.TotalBudget)];
        yield return [ExportCell.Of("全年执行数合计（万元）"), ExportCell.Amount(o.TotalExecuted)];
        yield return [ExportCell.Of("总体执行率"), ExportCell.Percent(o.ExecutionRate)];
        yield return [ExportCell.Of("有自评得分的单位数"), ExportCell.Of(o.UnitsWithScore)];
        yield return [ExportCell.Of("平均得分"), ExportCell.Number(o.MeanScore)];
        yield return [ExportCell.Of("得分中位数"), ExportCell.Number(o.MedianScore)];
        foreach (var grade in o.Grades)
        {
            yield return [ExportCell.Of($"等级为“{grade.Grade}”的单位数"), ExportCell.Of(grade.Count)];
        }

        yield return [ExportCell.Of("有错误的单位数"), ExportCell.Of(o.UnitsWithErrors)];
        yield return [ExportCell.Of("检查问题总数"), ExportCell.Of(o.Findings.Total)];
        yield return [ExportCell.Of("其中：错误"), ExportCell.Of(o.Findings.Errors)];
        yield return [ExportCell.Of("其中：警告"), ExportCell.Of(o.Findings.Warnings)];
        yield return [ExportCell.Of("其中：提示"), ExportCell.Of(o.Findings.Infos)];

        yield return [];
        yield return [ExportCell.Head("执行率分布"), ExportCell.Head("单位数")];
        foreach (var bucket in o.ExecutionRateDistribution)
        {
            yield return [ExportCell.Of(bucket.Label), ExportCell.Of(bucket.Count)];
        }

        yield return [];
        yield return [ExportCell.Head("得分分布"), ExportCell.Head("单位数")];
        foreach (var bucket in o.ScoreDistribution)
        {
            yield return [ExportCell.Of(bucket.Label), ExportCell.Of(bucket.Count)];
        }

        yield return [];
        yield return Heads("问题类别", "问题数", "错误", "警告", "提示", "涉及单位数");
        foreach (var c in o.FindingsByCategory)
        {
            yield return [ExportCell.Of(c.Name), ExportCell.Of(c.Total), ExportCell.Of(c.Errors), ExportCell.Of(c.Warnings), ExportCell.Of(c.Infos), ExportCell.Of(c.Units)];
        }

        yield return [];
        yield return Heads("规则", "规则说明", "类别", "问题数", "错误", "警告", "提示", "涉及单位数");
        foreach (var r in o.FindingsByRule)
        {
            yield return
            [
                ExportCell.Of(r.Rule), ExportCell.Of(r.Title), ExportCell.Of(Labels.Category(r.Category)), ExportCell.Of(r.Total),
                ExportCell.Of(r.Errors), ExportCell.Of(r.Warnings), ExportCell.Of(r.Infos), ExportCell.Of(r.Units),
            ];
        }

        yield return [];
        yield return Heads("错误最多的单位", "错误", "警告", "执行率", "自评得分");
        foreach (var u in o.TopUnitsByErrors)
        {
            yield return [ExportCell.Of(Labels.Unit(u.Unit)), ExportCell.Of(u.Errors), ExportCell.Of(u.Warnings), ExportCell.Percent(u.ExecutionRate), ExportCell.Number(u.Score)];
        }

        yield return [];
        yield return [ExportCell.Head("未报送单位")];
        foreach (var name in o.MissingUnits)
        {
            yield return [ExportCell.Of(name)];
        }

        yield return [];
        yield return [ExportCell.Head("不在单位名录中的报送单位")];
        foreach (var name in o.UnregisteredUnits)
        {
            yield return [ExportCell.Of(Labels.Unit(name))];
        }
    }

    private static ExportCell[] Heads(params ReadOnlySpan<string> names)
    {
        var cells = new ExportCell[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            cells[i] = ExportCell.Head(names[i]);
        }

        return cells;
    }

    private static IEnumerable<IReadOnlyList<ExportCell>> Units(StatisticsReport report)
    {
        yield return [.. UnitColumns.Select(ExportCell.Head)];
        foreach (var u in report.Units.Items)
        {
            yield return
            [
                ExportCell.Of(Labels.Unit(u.Unit)),
                ExportCell.YesNo(u.Registered),
                ExportCell.Of(u.Version),
                ExportCell.Of(u.VersionCount),
                ExportCell.Of(Labels.State(u.State)),
                ExportCell.Amount(u.Budget),
                ExportCell.Amount(u.Executed),
                ExportCell.Percent(u.ExecutionRate),
                ExportCell.Number(u.Score),
                ExportCell.Of(u.Grade),
                ExportCell.Of(u.Errors),
                ExportCell.Of(u.Warnings),
                ExportCell.Of(u.Findings),
                ExportCell.YesNo(u.Reviewed),
                ExportCell.Of(u.SubmissionId.ToString()),
            ];
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/statistics/export", HandleAsync)
            .WithName(nameof(ExportStatistics))
            .WithSummary("导出年度统计（CSV 或 Excel）")
            .WithDescription(
                "year 必填；format 为 csv 或 xlsx（默认 xlsx）。Excel 文件含“汇总”和“分单位”两个工作表；" +
                "CSV 为 UTF-8（带 BOM，可直接用 Excel 打开），两部分依次排列，各以一行标题开头。每个单位按其最新版本统计。")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormats.XlsxContentType, additionalContentTypes: [ExportFormats.CsvContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> HandleAsync(
        IMediator mediator, HttpResponse response, CancellationToken cancellationToken, string? year = null, string? format = null)
    {
        if (GetStatistics.ParseYear(year, out var fiscalYear) is { } problem)
        {
            return problem;
        }

        if (!ExportFormats.TryParse(format, out var exportFormat))
        {
            return ExportResults.BadFormat();
        }

        var report = await mediator.Send(new GetStatistics.Query(fiscalYear), cancellationToken);
        return await ExportResults.FileAsync(
            response, Sheets(report), exportFormat, FileName(fiscalYear, exportFormat), AsciiFileName(fiscalYear, exportFormat), cancellationToken);
    }
}
