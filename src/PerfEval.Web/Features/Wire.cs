using System.Text.Json;
using PerfEval.Core.Evaluation;

namespace PerfEval.Web.Features;

/// <summary>Names as the JSON output writes them, so stored values and API answers match the CLI.</summary>
internal static class Wire
{
    /// <summary>The wire name of an enum value (<c>project-self-eval</c>, <c>crossref</c>, <c>error</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, JsonOutput.Options).Trim('"');

    /// <summary>Parses stored JSON for an answer (the stored text is the pipeline's own serialisation).</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
