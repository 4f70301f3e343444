using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Core.Evaluation;

/// <summary>The JSON shape shared by the CLI and the API: camelCase, enums as strings, Chinese left readable.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The same shape with nulls written out, for documented contracts such as the check output.</summary>
    public static JsonSerializerOptions WithNulls { get; } = new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The same shape without indentation, for storage (a 20,000-row table's model is half the size).</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
