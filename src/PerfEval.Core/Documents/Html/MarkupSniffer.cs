namespace PerfEval.Core.Documents.Html;

/// <summary>
/// Tells HTML from plain text by looking at the decoded start of a file, and refuses the Word XML formats
/// (Word 2003 XML, Word flat XML) and single-file web pages (.mht), which are neither.
/// </summary>
internal static class MarkupSniffer
{
    /// <summary>How far into the text tags are looked for when the start itself is not markup.</summary>
    private const int TagWindow = 1024;

    private static readonly string[] Tags =
    [
        "<html", "<head", "<body", "<meta", "<title", "<table", "<tr", "<td", "<th", "<p>", "<p ", "<div", "<br", "<span",
        "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<ul", "<ol", "<li", "<style", "<font", "<b>", "<strong",
    ];

    public static SourceFormat Classify(string head, string? fileName)
    {
        var start = SkipLeadIn(head);
        var text = head.AsSpan(start);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        var htmlName = extension is ".HTM" or ".HTML" or ".XHTML" or ".SHTML";
        var textName = extension is ".TXT" or ".TEXT";

        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return ClassifyXml(head);
        }

        if (text.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase)
            || head.Contains("multipart/related", StringComparison.OrdinalIgnoreCase) && head.Contains("Content-Type:", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("<", StringComparison.Ordinal))
        {
            throw FormatSnifferMessages.Unsupported(
                "单个文件网页（.mht/.mhtml）",
                "请用 Word 打开该文件，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”后重新上传。");
        }

        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Html;
        }

        // Word "save as web page" declares its namespaces on <html>, sometimes after a long conditional comment.
        if (head.Contains("urn:schemas-microsoft-com:office:word", StringComparison.OrdinalIgnoreCase)
            || head.Contains("urn:schemas-microsoft-com:office:office", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Html;
        }

        var window = text[..Math.Min(text.Length, TagWindow)];
        var distinctTags = 0;
        foreach (var tag in Tags)
        {
            if (window.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                distinctTags++;
            }
        }

        var startsWithTag = text.StartsWith("<", StringComparison.Ordinal);
        var isHtml = distinctTags switch
        {
            0 => false,
            _ when htmlName => true,
            _ when textName => startsWithTag && distinctTags >= 3,
            1 => startsWithTag,
            _ => true,
        };
        return isHtml ? SourceFormat.Html : SourceFormat.Txt;
    }

    private static SourceFormat ClassifyXml(string head)
    {
        if (head.Contains("<w:wordDocument", StringComparison.OrdinalIgnoreCase)
            || head.Contains("schemas.microsoft.com/office/word/2003/wordml", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<pkg:package", StringComparison.OrdinalIgnoreCase)
            || head.Contains("progid=\"Word.Document\"", StringComparison.OrdinalIgnoreCase))
        {
            throw FormatSnifferMessages.Unsupported(
                "Word XML 格式文档（Word 2003 XML 或 Word XML 文档，扩展名常为 .xml）",
                "请用 Word 或 WPS 打开后选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”再上传。");
        }

        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return SourceFormat.Html;
        }

        throw FormatSnifferMessages.Unsupported("XML 数据文件", "绩效自评报告请上传 Word（.docx）文件。");
    }

    /// <summary>Skips white space, byte order marks and leading comments (bounded by the length of the head).</summary>
    private static int SkipLeadIn(string head)
    {
        var i = 0;
        while (i < head.Length)
        {
            if (char.IsWhiteSpace(head[i]) || head[i] == '\uFEFF')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(head, i, "<!--", 0, 4) == 0)
            {
                var end = head.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return i;
                }

                i = end + 3;
                continue;
            }

            break;
        }

        return i;
    }
}

/// <summary>The refusal wording shared by the sniffers.</summary>
internal static class FormatSnifferMessages
{
    public static DocumentReadException Unsupported(string whatItIs, string whatToDo) =>
        new(ReadErrorCodes.Unsupported, $"该文件是{whatItIs}，不是 Word 文档，系统无法读取。{whatToDo}");
}
