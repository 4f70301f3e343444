using System.Text.Json;
using System.Text.Json.Nodes;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;

namespace PerfEval.Core.Tests.Support;

/// <summary>Access to the files under sample-docs/ (copied next to the test assembly).</summary>
internal static class Samples
{
    public const string Seed = "2023-miluo-disabled-federation";
    public const string SeedCorrected = "2023-miluo-disabled-federation-corrected";

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "sample-docs", fileName);

    public static ExtractionResult Extract(string fileName) => Extractor.Extract(File.ReadAllBytes(PathOf(fileName)), fileName);

    /// <summary>
    /// The typed model as JSON without the places things were read from (block indices and grid columns differ
    /// between a .docx and its .txt export, the figures and their structure must not).
    /// </summary>
    public static string TypedModelWithoutPlaces(Submission submission)
    {
        var node = JsonSerializer.SerializeToNode(submission, JsonOutput.Options)!;
        Strip(node);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JsonOutput.Options.Encoder });
    }

    private static readonly HashSet<string> PlaceKeys = new(StringComparer.Ordinal) { "at", "titleAt", "paragraph", "autoNumbered" };

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(PlaceKeys.Contains).ToList())
                {
                    o.Remove(key);
                }

                foreach (var p in o)
                {
                    Strip(p.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }
}
