using System.Text.RegularExpressions;

namespace PerfEval.Core.Documents.Docx;

/// <summary>One paragraph (or numbering) style as far as the reader needs it.</summary>
internal sealed class StyleDefinition
{
    public StyleDefinition(string id) => Id = id;

    public string Id { get; }

    public string? Name { get; set; }

    public string? BasedOn { get; set; }

    /// <summary>0-based w:outlineLvl (9 = body text), when the style sets one.</summary>
    public int? OutlineLevel { get; set; }

    public int? NumId { get; set; }

    public int? Ilvl { get; set; }
}

/// <summary>
/// The paragraph styles of styles.xml with their basedOn chains resolved on demand: heading level and
/// the automatic numbering a style attaches to its paragraphs.
/// </summary>
internal sealed partial class StyleSheet
{
    private const int MaxChain = 32;

    private readonly Dictionary<string, StyleDefinition> _paragraphStyles;
    private readonly Dictionary<string, StyleDefinition> _numberingStyles;
    private readonly Dictionary<string, int?> _outlineCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int? NumId, int? Ilvl)> _numberingCache = new(StringComparer.Ordinal);

    public StyleSheet(
        Dictionary<string, StyleDefinition> paragraphStyles,
        Dictionary<string, StyleDefinition> numberingStyles,
        string? defaultParagraphStyle)
    {
        _paragraphStyles = paragraphStyles;
        _numberingStyles = numberingStyles;
        DefaultParagraphStyle = defaultParagraphStyle;
    }

    public static StyleSheet Empty => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), null);

    public string? DefaultParagraphStyle { get; }

    /// <summary>
    /// The 1-based heading level a paragraph style implies: w:outlineLvl along the basedOn chain, or a style
    /// named "heading N" / "标题 N". Null for body text.
    /// </summary>
    public int? OutlineLevel(string? styleId)
    {
        styleId ??= DefaultParagraphStyle;
        if (styleId is null)
        {
            return null;
        }

        if (_outlineCache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        int? result = null;
        var id = styleId;
        for (var i = 0; i < MaxChain && id is not null; i++)
        {
            if (!_paragraphStyles.TryGetValue(id, out var style))
            {
                result = HeadingLevelFromName(id);
                break;
            }

            if (style.OutlineLevel is { } level)
            {
                result = level is >= 0 and <= 8 ? level + 1 : null;
                break;
            }

            var named = (style.Name is null ? null : HeadingLevelFromName(style.Name)) ?? HeadingLevelFromName(style.Id);
            if (named is not null)
            {
                result = named;
                break;
            }

            id = style.BasedOn;
        }

        _outlineCache[styleId] = result;
        return result;
    }

    /// <summary>The numbering (numId, ilvl) a paragraph style carries, following basedOn; each part may be null.</summary>
    public (int? NumId, int? Ilvl) Numbering(string? styleId)
    {
        styleId ??= DefaultParagraphStyle;
        if (styleId is null)
        {
            return (null, null);
        }

        if (_numberingCache.TryGetValue(styleId, out var cached))
        {
            return cached;
        }

        int? numId = null;
        int? ilvl = null;
        var id = styleId;
        for (var i = 0; i < MaxChain && id is not null && _paragraphStyles.TryGetValue(id, out var style); i++)
        {
            ilvl ??= style.Ilvl;
            if (style.NumId is { } n)
            {
                numId = n;
                break;
            }

            id = style.BasedOn;
        }

        var result = (numId, ilvl);
        _numberingCache[styleId] = result;
        return result;
    }

    /// <summary>The numId a numbering style (w:type="numbering") points to, for w:numStyleLink.</summary>
    public int? NumberingStyleNumId(string styleId)
    {
        var id = styleId;
        for (var i = 0; i < MaxChain && id is not null && _numberingStyles.TryGetValue(id, out var style); i++)
        {
            if (style.NumId is { } n)
            {
                return n;
            }

            id = style.BasedOn;
        }

        return null;
    }

    private static int? HeadingLevelFromName(string name)
    {
        var match = HeadingName().Match(name);
        return match.Success ? match.Groups[1].Value[0] - '0' : null;
    }

    [GeneratedRegex(@"^\s*(?:heading|标题)\s*([1-9])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingName();
}
