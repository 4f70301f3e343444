using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;

namespace PerfEval.Core.Documents.Docx;

/// <summary>A part to read: its name in the package and how to open its content.</summary>
internal sealed record PartRef(Uri Uri, Func<Stream> Open)
{
    public static PartRef Of(OpenXmlPart part) => new(part.Uri, () => part.GetStream(FileMode.Open, FileAccess.Read));

    public static PartRef Of(PackagePart part) => new(part.Uri, () => part.GetStream(FileMode.Open, FileAccess.Read));
}

/// <summary>The three parts the reader needs.</summary>
internal sealed record WordParts(PartRef Main, PartRef? Styles, PartRef? Numbering);

/// <summary>
/// Locates the WordprocessingML parts through the package relationships alone, ignoring relationships whose target
/// is missing: the fallback for packages the Open XML SDK refuses to load because of such a dangling relationship.
/// </summary>
internal static class WordPackage
{
    private static readonly string[] RelationshipBases =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/",
    ];

    private static readonly HashSet<string> MainContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    public static WordParts? Locate(Package package)
    {
        var main = Target(package, null, package.GetRelationships(), "officeDocument");
        if (main is null || !MainContentTypes.Contains(main.ContentType))
        {
            return null;
        }

        var relationships = main.GetRelationships();
        var styles = Target(package, main, relationships, "styles");
        var numbering = Target(package, main, relationships, "numbering");
        return new WordParts(PartRef.Of(main), styles is null ? null : PartRef.Of(styles), numbering is null ? null : PartRef.Of(numbering));
    }

    private static PackagePart? Target(Package package, PackagePart? source, PackageRelationshipCollection relationships, string type)
    {
        foreach (var relationship in relationships)
        {
            if (relationship.TargetMode != TargetMode.Internal || !IsType(relationship.RelationshipType, type))
            {
                continue;
            }

            var uri = PackUriHelper.ResolvePartUri(source?.Uri ?? new Uri("/", UriKind.Relative), relationship.TargetUri);
            if (package.PartExists(uri))
            {
                return package.GetPart(uri);
            }
        }

        return null;
    }

    private static bool IsType(string relationshipType, string name)
    {
        foreach (var prefix in RelationshipBases)
        {
            if (relationshipType.Length == prefix.Length + name.Length
                && relationshipType.StartsWith(prefix, StringComparison.Ordinal)
                && relationshipType.EndsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
