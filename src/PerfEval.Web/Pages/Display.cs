using System.Globalization;
using PerfEval.Core.Rules;
using PerfEval.Web.Data;
using PerfEval.Web.Data.Configurations;
using PerfEval.Web.Features;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages;

/// <summary>How the pages show states, times, sizes, categories and places, in Chinese.</summary>
public static class Display
{
    /// <summary>China Standard Time has no daylight saving; a fixed offset avoids depending on the tz database.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string State(SubmissionState state) => state switch
    {
        SubmissionState.Queued => "排队中",
        SubmissionState.Processing => "处理中",
        SubmissionState.Done => "已完成",
        _ => "处理失败",
    };

    /// <summary>The state's wire name (<c>queued</c>, …), as the API and the status script use it.</summary>
    public static string StateName(SubmissionState state) => SubmissionConfiguration.StateName(state);

    public static IReadOnlyList<SubmissionState> States { get; } =
        [SubmissionState.Queued, SubmissionState.Processing, SubmissionState.Done, SubmissionState.Failed];

    /// <summary>The class of a step of the status page (<c>queued</c>, <c>processing</c>, <c>finished</c>) in a state;
    /// <c>wwwroot/js/site.js</c> applies the same table when the state changes.</summary>
    public static string? StepClass(string step, SubmissionState state) => (state, step) switch
    {
        (SubmissionState.Queued, "queued") => "is-current",
        (SubmissionState.Processing, "queued") => "is-done",
        (SubmissionState.Processing, "processing") => "is-current",
        (SubmissionState.Done, _) => "is-done",
        (SubmissionState.Failed, "finished") => "is-failed",
        (SubmissionState.Failed, _) => "is-done",
        _ => null,
    };

    public static bool IsFinished(SubmissionState state) => state is SubmissionState.Done or SubmissionState.Failed;

    /// <summary>A stored UTC time as Beijing time, to the minute.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is DateTime value ? Time(value) : "—";

    /// <summary>The ISO form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string IsoTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value is decimal d ? d.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>The rule categories by wire name (as stored with each finding), with their Chinese names.</summary>
    public static IReadOnlyList<(string Name, string Label)> Categories { get; } =
        Enum.GetValues<RuleCategory>().Select(c => (Wire.Name(c), CategoryLabel(c))).ToList();

    public static string Category(string wireName) =>
        Categories.FirstOrDefault(c => c.Name == wireName).Label ?? wireName;

    private static string CategoryLabel(RuleCategory category) => category switch
    {
        RuleCategory.Total => "合计不符",
        RuleCategory.Rate => "比率不符",
        RuleCategory.Score => "分值与评分",
        RuleCategory.Duplicate => "重复指标",
        RuleCategory.CrossReference => "前后不一致",
        RuleCategory.Missing => "空白或无法衡量",
        RuleCategory.Structure => "结构与缺表",
        _ => category.ToString(),
    };

    public static string Severity(string wireName) => wireName switch
    {
        "error" => "错误",
        "warning" => "警告",
        "info" => "提示",
        _ => wireName,
    };

    /// <summary>The orders of <see cref="ListSubmissions.Sorts"/> with their Chinese names.</summary>
    public static string Sort(string sort) => sort switch
    {
        "newest" => "最新上传在前",
        "oldest" => "最早上传在前",
        "errors" => "错误最多在前",
        "unit" => "按单位名称",
        "score" => "总分从低到高",
        _ => sort,
    };

    public static string FormKind(string wireName) => wireName switch
    {
        "basic-data" => "基础数据表",
        "department-self-eval" => "部门整体支出绩效自评表",
        "project-self-eval" => "项目支出绩效自评表",
        "department-report" => "部门整体自评报告",
        "project-report" => "项目自评报告",
        _ => wireName,
    };

    /// <summary>What a review event did, in Chinese.</summary>
    public static string Action(ReviewAction action) => action switch
    {
        ReviewAction.Confirmed => "确认",
        ReviewAction.Dismissed => "驳回",
        ReviewAction.Reopened => "重新打开",
        ReviewAction.Reviewed => "标记为已审核",
        ReviewAction.Unreviewed => "取消已审核",
        _ => action.ToString(),
    };

    /// <summary>Where a finding stands with the reviewers, in Chinese.</summary>
    public static string FindingState(Features.Review.FindingState state) => state switch
    {
        Features.Review.FindingState.Confirmed => "已确认",
        Features.Review.FindingState.Dismissed => "已驳回",
        _ => "待处理",
    };

    /// <summary>A CSS class name for a finding state (<c>state-open</c>, …).</summary>
    public static string FindingStateClass(Features.Review.FindingState state) => "finding-" + state.ToString().ToLowerInvariant();

    public static string Percent(decimal? fraction) =>
        fraction is decimal f ? (f * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>An element id of the rendered document (<c>t1-r16-c4</c>, <c>t2</c>, <c>p12</c>) as a person reads it.</summary>
    public static string PlaceId(string id)
    {
        var cell = System.Text.RegularExpressions.Regex.Match(id, "^t([0-9]+)-r([0-9]+)-c([0-9]+)$");
        if (cell.Success)
        {
            return $"表 {cell.Groups[1].Value} 第 {cell.Groups[2].Value} 行第 {cell.Groups[3].Value} 列";
        }

        if (id.Length > 1 && id[0] is 't' or 'p' && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return id[0] == 't' ? $"表 {number}" : $"第 {number + 1} 段";
        }

        return id;
    }

    /// <summary>Where a finding is, as a person counts (tables, rows and columns from 1; paragraphs from 1).</summary>
    public static string Place(GetFindings.FindingLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var parts = new List<string>();
        if (location.Table is int table)
        {
            parts.Add($"表 {table}");
        }

        if (location.Row is int row)
        {
            parts.Add($"第 {row} 行");
        }

        if (location.Column is int column)
        {
            parts.Add($"第 {column} 列");
        }

        if (location.Paragraph is int paragraph)
        {
            parts.Add($"第 {paragraph + 1} 段");
        }

        return parts.Count == 0 ? "—" : string.Join("，", parts);
    }
}
