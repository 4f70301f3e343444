using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Statistics;

namespace PerfEval.Web.Features.Exports;

/// <summary>
/// <c>GET /api/findings/export?year=&amp;format=csv|xlsx&amp;unit=&amp;category=&amp;severity=</c>: one row per
/// finding of each unit's latest version for the year, optionally of one unit, category or severity — unit, year,
/// version, form, rule, category, severity, message, place (表/行/列 or 段), the excerpt, expected and actual figures.
/// </summary>
public static class ExportFindings
{
    public const string Sheet = "问题清单";

    /// <summary>The findings of the latest versions, unit by unit (by name), each unit's in the checker's order.
    /// Read as a stream: nothing is held in memory but the row being written.</summary>
    public sealed record Query(int Year, string? Unit = null, string? Category = null, string? Severity = null) : IStreamQuery<FindingRow>;

    /// <summary>One finding with the submission it belongs to.</summary>
    public sealed record FindingRow(
        string Unit,
        int Year,
        int Version,
        Guid SubmissionId,
        string Form,
        string? FormName,
        string Rule,
        string Category,
        string Severity,
        string Message,
        int? Table,
        int? Row,
        int? Column,
        int? Paragraph,
        string? Excerpt,
        decimal? Expected,
        decimal? Actual)
    {
        /// <summary>表2 第12行 第2列, or 第5段.</summary>
        public string Place => Labels.Place(Table, Row, Column, Paragraph);
    }

    public sealed class Handler(PerfEvalDbContext db) : IStreamQueryHandler<Query, FindingRow>
    {
        public async IAsyncEnumerable<FindingRow> Handle(Query query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var latest = LatestVersions.Of(db, query.Year);
            if (query.Unit is { } unit)
            {
                latest = latest.Where(s => s.UnitName == unit);
            }

            var findings = db.Findings.AsNoTracking();
            if (query.Category is { } category)
            {
                findings = findings.Where(f => f.Category == category);
            }

            if (query.Severity is { } severity)
            {
                findings = findings.Where(f => f.Severity == severity);
            }

            var rows = from f in findings
                       join s in latest on f.SubmissionId equals s.Id
                       orderby s.UnitName, f.Ordinal
                       select new FindingRow(
                           s.UnitName, s.Year, s.Version, s.Id, f.Form, f.FormName, f.Rule, f.Category, f.Severity, f.Message,
                           f.Table, f.Row, f.Column, f.Paragraph, f.Excerpt, f.Expected, f.Actual);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>The column headers.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "单位", "年度", "版本", "表单", "表单名称", "规则", "规则说明", "类别", "严重程度", "问题说明", "位置", "原文摘录", "期望值", "实际值",
    ];

    public static string FileName(int year, ExportFormat format) => $"{year}年度自评检查问题清单{ExportFormats.Extension(format)}";

    /// <summary>The name for clients that cannot read a UTF-8 file name.</summary>
    public static string AsciiFileName(int year, ExportFormat format) => $"perfeval-findings-{year}{ExportFormats.Extension(format)}";

    /// <summary>The sheet: a header row, then a row per finding as <paramref name="findings"/> yields them.</summary>
    public static ExportSheet SheetOf(IAsyncEnumerable<FindingRow> findings) =>
        new(Sheet, [26, 6, 6, 24, 26, 28, 34, 10, 8, 70, 18, 40, 10, 10], Rows(findings), HeaderRow: true);

    private static async IAsyncEnumerable<IReadOnlyList<ExportCell>> Rows(IAsyncEnumerable<FindingRow> findings)
    {
        yield return [.. Columns.Select(ExportCell.Head)];
        await foreach (var f in findings)
        {
            yield return
            [
                ExportCell.Of(Labels.Unit(f.Unit)),
                ExportCell.Of(f.Year),
                ExportCell.Of(f.Version),
                ExportCell.Of(Labels.Form(f.Form)),
                ExportCell.Of(f.FormName),
                ExportCell.Of(f.Rule),
                ExportCell.Of(Labels.RuleTitle(f.Rule)),
                ExportCell.Of(Labels.Category(f.Category)),
                ExportCell.Of(Labels.Severity(f.Severity)),
                ExportCell.Of(f.Message),
                ExportCell.Of(f.Place),
                ExportCell.Of(f.Excerpt),
                ExportCell.Number(f.Expected),
                ExportCell.Number(f.Actual),
            ];
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapGet("/findings/export", HandleAsync)
            .WithName(nameof(ExportFindings))
            .WithSummary("导出检查问题清单（CSV 或 Excel）")
            .WithDescription(
                "year 必填；format 为 csv 或 xlsx（默认 xlsx）。每个单位取其该年度最新版本的检查问题，每个问题一行。" +
                "可按 unit（单位名称）、category（total、rate、score、duplicate、crossref、missing、structure）、" +
                "severity（error、warning、info）筛选。CSV 为 UTF-8（带 BOM），以 =、+、-、@ 开头的文字前加单引号，防止被当作公式执行。")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormats.XlsxContentType, additionalContentTypes: [ExportFormats.CsvContentType])
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> HandleAsync(
        IMediator mediator,
        HttpResponse response,
        CancellationToken cancellationToken,
        string? year = null,
        string? format = null,
        string? unit = null,
        string? category = null,
        string? severity = null)
    {
        if (GetStatistics.ParseYear(year, out var fiscalYear) is { } problem)
        {
            return problem;
        }

        if (!ExportFormats.TryParse(format, out var exportFormat))
        {
            return ExportResults.BadFormat();
        }

        var wantedCategory = string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToLowerInvariant();
        if (wantedCategory is not null && !Labels.Categories.Contains(wantedCategory))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                $"category 只能是 {string.Join("、", Labels.Categories)} 之一。");
        }

        var wantedSeverity = string.IsNullOrWhiteSpace(severity) ? null : severity.Trim().ToLowerInvariant();
        if (wantedSeverity is not null && !Labels.Severities.Contains(wantedSeverity))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "查询条件有误",
                $"severity 只能是 {string.Join("、", Labels.Severities)} 之一。");
        }

        var query = new Query(fiscalYear, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), wantedCategory, wantedSeverity);
        var findings = mediator.CreateStream(query, cancellationToken);
        return await ExportResults.FileAsync(
            response, [SheetOf(findings)], exportFormat, FileName(fiscalYear, exportFormat), AsciiFileName(fiscalYear, exportFormat), cancellationToken);
    }
}
