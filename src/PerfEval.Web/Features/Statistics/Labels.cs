using PerfEval.Core.Rules;
using CoreSeverity = PerfEval.Core.Rules.Severity;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Statistics;

/// <summary>The Chinese words people read for the stored wire names (categories, severities, forms, states, places).</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> RuleTitles =
        RuleCatalog.All.ToDictionary(r => r.Descriptor.Id, r => r.Descriptor.Title, StringComparer.Ordinal);

    /// <summary>Every category's wire name (<c>total</c>, <c>rate</c>, …), in the catalog's order.</summary>
    public static IReadOnlyList<string> Categories { get; } = [.. Enum.GetValues<RuleCategory>().Select(c => Wire.Name(c))];

    /// <summary>Every severity's wire name, the gravest first.</summary>
    public static IReadOnlyList<string> Severities { get; } = [Wire.Name(CoreSeverity.Error), Wire.Name(CoreSeverity.Warning), Wire.Name(CoreSeverity.Info)];

    public static string Category(string category) => category switch
    {
        "total" => "合计不符",
        "rate" => "比率计算",
        "score" => "分值得分",
        "duplicate" => "重复指标",
        "crossref" => "前后不一致",
        "missing" => "填报缺漏",
        "structure" => "结构完整性",
        _ => category,
    };

    public static string Severity(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        "info" => "提示",
        _ => severity,
    };

    public static string Form(string form) => form switch
    {
        "basic-data" => "基础数据表",
        "department-self-eval" => "部门整体支出绩效自评表",
        "project-self-eval" => "项目支出绩效自评表",
        "department-report" => "部门整体支出绩效自评报告",
        "project-report" => "项目支出绩效自评报告",
        _ => form,
    };

    public static string State(SubmissionState state) => state switch
    {
        SubmissionState.Queued => "排队中",
        SubmissionState.Processing => "处理中",
        SubmissionState.Done => "已完成",
        _ => "处理失败",
    };

    /// <summary>A unit's name for reading: an upload without a unit shows as （未填写单位）.</summary>
    public static string Unit(string unit) => string.IsNullOrWhiteSpace(unit) ? "（未填写单位）" : unit;

    /// <summary>The rule's Chinese title from the catalog; a rule no longer in the catalog keeps its id.</summary>
    public static string RuleTitle(string rule) => RuleTitles.GetValueOrDefault(rule, rule);

    /// <summary>Where a finding stands, as the CLI's text report says it: 表2 第12行 第2列, or 第5段 (blocks counted from 1).</summary>
    public static string Place(int? table, int? row, int? column, int? paragraph) => (table, row, column, paragraph) switch
    {
        (int t, int r, int c, _) => $"表{t} 第{r}行 第{c}列",
        (int t, int r, null, _) => $"表{t} 第{r}行",
        (int t, null, _, _) => $"表{t}",
        (null, _, _, int p) => $"第{p + 1}段",
        _ => string.Empty,
    };
}
