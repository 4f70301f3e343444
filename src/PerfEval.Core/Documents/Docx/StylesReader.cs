namespace PerfEval.Core.Documents.Docx;

/// <summary>Streams styles.xml into a <see cref="StyleSheet"/>, keeping only what numbering and headings need.</summary>
internal static class StylesReader
{
    public static StyleSheet Read(WordXml x, WordNames names)
    {
        if (!x.MoveToRoot(names.Styles))
        {
            return StyleSheet.Empty;
        }

        var paragraphStyles = new Dictionary<string, StyleDefinition>(StringComparer.Ordinal);
        var numberingStyles = new Dictionary<string, StyleDefinition>(StringComparer.Ordinal);
        string? defaultParagraph = null;
        if (x.Enter())
        {
            while (x.NextChild())
            {
                if (!x.Is(names.Style))
                {
                    x.Skip();
                    continue;
                }

                var type = x.Attribute(names.Type) ?? "paragraph";
                var id = x.Attribute(names.StyleId);
                var isDefault = x.Attribute(names.Default) is { } d && (d == "1" || d == "true" || d == "on");
                if (id is null || (type != "paragraph" && type != "numbering"))
                {
                    x.Skip();
                    continue;
                }

                var style = ReadStyle(x, names, id);
                if (type == "paragraph")
                {
                    paragraphStyles.TryAdd(id, style);
                    if (isDefault)
                    {
                        defaultParagraph ??= id;
                    }
                }
                else
                {
                    numberingStyles.TryAdd(id, style);
                }
            }
        }

        return new StyleSheet(paragraphStyles, numberingStyles, defaultParagraph);
    }

    private static StyleDefinition ReadStyle(WordXml x, WordNames names, string id)
    {
        var style = new StyleDefinition(id);
        if (!x.Enter())
        {
            return style;
        }

        while (x.NextChild())
        {
            if (x.Is(names.Name))
            {
                style.Name = x.ReadVal();
            }
            else if (x.Is(names.BasedOn))
            {
                style.BasedOn = x.ReadVal();
            }
            else if (x.Is(names.PPr))
            {
                ReadParagraphProperties(x, names, style);
            }
            else
            {
                x.Skip();
            }
        }

        return style;
    }

    private static void ReadParagraphProperties(WordXml x, WordNames names, StyleDefinition style)
    {
        if (!x.Enter())
        {
            return;
        }

        while (x.NextChild())
        {
            if (x.Is(names.OutlineLvl))
            {
                style.OutlineLevel = x.ReadIntVal();
            }
            else if (x.Is(names.NumPr))
            {
                var (numId, ilvl) = ReadNumPr(x, names);
                style.NumId = numId;
                style.Ilvl = ilvl;
            }
            else
            {
                x.Skip();
            }
        }
    }

    /// <summary>Reads a w:numPr element (consuming it): its numId and ilvl, each optional.</summary>
    public static (int? NumId, int? Ilvl) ReadNumPr(WordXml x, WordNames names)
    {
        int? numId = null;
        int? ilvl = null;
        if (!x.Enter())
        {
            return (null, null);
        }

        while (x.NextChild())
        {
            if (x.Is(names.NumId))
            {
                numId = x.ReadIntVal();
            }
            else if (x.Is(names.Ilvl))
            {
                ilvl = x.ReadIntVal();
            }
            else
            {
                x.Skip();
            }
        }

        return (numId, ilvl);
    }
}
