using System.Text.Json;

namespace PerfEval.Web.Pages;

/// <summary>
/// Reads the stored typed forms (<c>GET /api/submissions/{id}/forms</c>, the shape of <c>perfeval extract</c>) for the
/// 提取数据 tab: fields are <c>{"value": {"raw": "…", …}, "at": {…}}</c>; the page shows each value as written.
/// </summary>
public static class FormValues
{
    /// <summary>The items of an array property, none when it is absent.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    /// <summary>A plain string property ("" when absent).</summary>
    public static string Text(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? string.Empty
            : string.Empty;

    /// <summary>A field's raw text as written ("" when blank or absent).</summary>
    public static string Raw(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var field) ? Raw(field) : string.Empty;

    public static string Raw(JsonElement field) =>
        field.ValueKind == JsonValueKind.Object
        && field.TryGetProperty("value", out var value)
        && value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("raw", out var raw)
        && raw.ValueKind == JsonValueKind.String
            ? raw.GetString() ?? string.Empty
            : string.Empty;

    /// <summary>An object property, when present.</summary>
    public static JsonElement? Child(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>The number of items of an array property.</summary>
    public static int Count(JsonElement data, string property) => Items(data, property).Count();

    /// <summary>A self-evaluation form (departmental or project) has fund rows and indicators.</summary>
    public static bool IsSelfEval(string kind) => kind is "department-self-eval" or "project-self-eval";

    public static bool IsReport(string kind) => kind is "department-report" or "project-report";

    /// <summary>Indentation classes for a fund row's depth (0–3), since style attributes are not allowed.</summary>
    public static string DepthClass(JsonElement row) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty("depth", out var depth) && depth.TryGetInt32(out var d)
            ? "depth-" + Math.Clamp(d, 0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "depth-0";
}
