using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Web.Rendering;

/// <summary>
/// A stored document block as the pipeline wrote it (<c>StoredDocument.Json</c>: the document model's blocks
/// serialised with <c>JsonOutput.Options</c>). Read into these small records so that drawing a document never
/// depends on the reader's classes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DocParagraph), "paragraph")]
[JsonDerivedType(typeof(DocTable), "table")]
public abstract record DocBlock(int Index);

/// <summary>A paragraph of body text. <see cref="Text"/> is what finding offsets count in; the list label is apart.</summary>
public sealed record DocParagraph(
    int Index,
    string Text,
    string? DisplayText = null,
    string? ListLabel = null,
    string? Style = null,
    int? OutlineLevel = null) : DocBlock(Index);

/// <summary>A table on a grid; rows hold only the cells that start at a grid position.</summary>
public sealed record DocTable(
    int Index,
    int TableNumber,
    int ColumnCount,
    IReadOnlyList<DocRow> Rows,
    int SourceTableCount = 1) : DocBlock(Index);

public sealed record DocRow(int Index, IReadOnlyList<DocCell> Cells, bool IsHeader = false);

/// <summary>A cell with its 0-based top-left grid position and spans; <see cref="Text"/> keeps line breaks as '\n'.</summary>
public sealed record DocCell(
    int Row,
    int Column,
    string Text,
    int RowSpan = 1,
    int ColSpan = 1,
    IReadOnlyList<DocTable>? NestedTables = null);

/// <summary>Reads the stored document JSON.</summary>
public static class DocumentJson
{
    /// <summary>The blocks in reading order. Throws <see cref="JsonException"/> on text that is not a stored document.</summary>
    public static IReadOnlyList<DocBlock> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, DocumentJsonContext.Default.IReadOnlyListDocBlock)
            ?? throw new JsonException("The stored document is null.");
    }
}

/// <summary>Reads a stored finding's related places (<c>Finding.RelatedJson</c>: the pipeline's
/// <c>[{"form": …, "location": {"table": …, "row": …, …}}]</c>).</summary>
public static class RelatedPlaces
{
    public static IReadOnlyList<Place> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var related = JsonSerializer.Deserialize(json, DocumentJsonContext.Default.IReadOnlyListRelatedPlace) ?? [];
        var places = new List<Place>(related.Count);
        foreach (var r in related)
        {
            if (r.Location is { } location)
            {
                places.Add(location);
            }
        }

        return places;
    }
}

internal sealed record RelatedPlace(string? Form, Place? Location);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(IReadOnlyList<DocBlock>))]
[JsonSerializable(typeof(IReadOnlyList<RelatedPlace>))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
