using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PerfEval.Core.Documents.Docx;

namespace PerfEval.Core.Documents;

/// <summary>
/// Reads a WordprocessingML package (.docx, .docm, .dotx, .dotm; transitional or Strict) into the document model.
/// The package is checked at zip level first, opened read-only with the Open XML SDK to locate the main document,
/// styles and numbering parts through their relationships, and the parts are then streamed with a UTF-8 scanner
/// (<see cref="Utf8WordXml"/>; <see cref="XmlReader"/> for anything unusual), never with the SDK's DOM, which
/// costs orders of magnitude more memory on large tables.
/// </summary>
public static class DocxReader
{
    private static readonly OpenSettings PackageSettings = new() { AutoSave = false };

    public static DocumentModel Read(byte[] bytes, ReaderLimits limits) => Read(bytes, limits, XmlPath.Auto);

    /// <summary>Which XML reader parses the parts: for tests that compare the two.</summary>
    internal enum XmlPath
    {
        /// <summary>The UTF-8 scanner, falling back to XmlReader for a part it leaves (the product's path).</summary>
        Auto,

        /// <summary>XmlReader only.</summary>
        XmlReaderOnly,

        /// <summary>The UTF-8 scanner only: a fallback throws <see cref="XmlFallbackException"/>.</summary>
        FastOnly,
    }

    internal static DocumentModel Read(byte[] bytes, ReaderLimits limits, XmlPath path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);

        try
        {
            var guard = PackageGuard.Inspect(bytes, limits);
            using var stream = new MemoryStream(bytes, writable: false);

            // Opening the System.IO.Packaging package first and handing it to the SDK is ~10x cheaper than
            // WordprocessingDocument.Open(Stream), which costs about a millisecond per call even for a tiny file.
            using var zipPackage = OpenZipPackage(stream, guard);
            WordprocessingDocument? document = null;
            try
            {
                var parts = LocateParts(zipPackage, bytes, guard, ref document);
                var names = new WordNames();
                var styles = parts.Styles is { } stylesPart
                    ? ReadPart(stylesPart, guard, names, path, "样式（styles.xml）", x => StylesReader.Read(x, names))
                    : StyleSheet.Empty;
                var numbering = parts.Numbering is { } numberingPart
                    ? ReadPart(numberingPart, guard, names, path, "编号（numbering.xml）", x => NumberingReader.Read(x, names))
                    : NumberingDefinitions.Empty;
                return ReadPart(parts.Main, guard, names, path, "正文（document.xml）", x => BodyReader.Read(x, styles, numbering))
                    ?? throw NoMainPart(guard.Kind);
            }
            finally
            {
                document?.Dispose();
            }
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (InvalidDataException ex)
        {
            throw PackageGuard.CorruptZip(ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new DocumentReadException(
                ReadErrorCodes.Malformed,
                "文件内容已损坏或结构不符合 Word 文档规范，无法读取。请用 Word/WPS 打开该文件，确认内容完整后“另存为”新的 .docx 文件再上传。",
                ex);
        }
    }

    /// <summary>
    /// Finds the main document part and its styles and numbering parts through the SDK (relationships, content
    /// types, Strict relationship types, renamed parts). Two kinds of damage that Word shrugs off are handled:
    /// a relationship target that is not a valid URI (a pasted hyperlink with spaces) — the SDK repairs those only
    /// when it opens the stream itself, so the package is reopened that way — and a relationship to a part that
    /// does not exist (an image a tool removed), where the parts are looked up through the package directly.
    /// </summary>
    private static WordParts LocateParts(Package package, byte[] bytes, PackageGuard guard, ref WordprocessingDocument? document)
    {
        try
        {
            document = WordprocessingDocument.Open(package, PackageSettings);
            return PartsOf(document, package, guard);
        }
        catch (OpenXmlPackageException ex) when (ex.InnerException is UriFormatException)
        {
            document?.Dispose();
            document = null;
        }
        catch (OpenXmlPackageException ex)
        {
            // The SDK refuses a package whose main part is missing or is not a WordprocessingML document.
            throw NoMainPart(guard.Kind, ex);
        }
        catch (InvalidOperationException)
        {
            return WordPackage.Locate(package) ?? throw NoMainPart(guard.Kind);
        }

        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, PackageSettings);
            return PartsOf(document, null, guard);
        }
        catch (OpenXmlPackageException ex)
        {
            throw NoMainPart(guard.Kind, ex);
        }
    }

    /// <summary>The parts the SDK found; read straight from <paramref name="package"/> when it is the one the SDK wraps.</summary>
    private static WordParts PartsOf(WordprocessingDocument document, Package? package, PackageGuard guard)
    {
        var main = document.MainDocumentPart ?? throw NoMainPart(guard.Kind);
        return new WordParts(
            Ref(main, package),
            main.StyleDefinitionsPart is { } styles ? Ref(styles, package) : null,
            main.NumberingDefinitionsPart is { } numbering ? Ref(numbering, package) : null);
    }

    private static PartRef Ref(OpenXmlPart part, Package? package) =>
        package is null ? PartRef.Of(part) : PartRef.Of(package.GetPart(part.Uri));

    private static Package OpenZipPackage(MemoryStream stream, PackageGuard guard)
    {
        try
        {
            return Package.Open(stream, FileMode.Open, FileAccess.Read);
        }
        catch (FileFormatException ex)
        {
            throw guard.Kind == PackageKind.Word ? PackageGuard.CorruptZip(ex) : NoMainPart(guard.Kind, ex);
        }
        catch (XmlException ex)
        {
            throw PackageGuard.CorruptZip(ex);
        }
    }

    /// <summary>
    /// Reads one part with the fast UTF-8 scanner; a part it leaves to the full XML parser (something unusual, or
    /// not well-formed) is read again from the start with <see cref="XmlReader"/>, whose errors become the
    /// clerk's message.
    /// </summary>
    private static T ReadPart<T>(PartRef part, PackageGuard guard, WordNames names, XmlPath path, string description, Func<WordXml, T> read)
    {
        using (var stream = path == XmlPath.XmlReaderOnly ? null : guard.Limit(part.Open(), part.Uri))
        {
            try
            {
                if (stream is not null)
                {
                    using var fast = new Utf8WordXml(stream, names);
                    return read(fast);
                }
            }
            catch (XmlFallbackException) when (path == XmlPath.Auto)
            {
                // The bytes of the abandoned pass do not count twice against the package's size budget.
                guard.Refund(stream!);
            }
        }

        using var again = guard.Limit(part.Open(), part.Uri);
        try
        {
            using var x = new XmlReaderWordXml(again, names);
            return read(x);
        }
        catch (XmlException ex)
        {
            var where = ex.LineNumber > 0 ? $"（第 {ex.LineNumber} 行第 {ex.LinePosition} 列附近）" : string.Empty;
            throw new DocumentReadException(
                ReadErrorCodes.Malformed,
                $"文件中的{description}不是规范的 XML{where}，无法读取；文件可能已损坏、被篡改，或由不规范的软件生成。请用 Word/WPS 打开该文件，确认内容完整后“另存为”新的 .docx 文件再上传。",
                ex);
        }
    }

    private static DocumentReadException NoMainPart(PackageKind kind, Exception? inner = null) => kind switch
    {
        PackageKind.Excel => new DocumentReadException(
            ReadErrorCodes.NoMainPart,
            "该文件是 Excel 表格（.xlsx），不是 Word 文档，无法按自评报告读取。请上传自评报告的 Word 文件（.docx）；如报告只有 Excel 版本，请将内容复制到 Word/WPS 文字中保存为 .docx 后再上传。",
            inner),
        PackageKind.PowerPoint => new DocumentReadException(
            ReadErrorCodes.NoMainPart,
            "该文件是 PowerPoint 演示文稿（.pptx），不是 Word 文档，无法按自评报告读取。请上传自评报告的 Word 文件（.docx）。",
            inner),
        PackageKind.OpenDocument => new DocumentReadException(
            ReadErrorCodes.NoMainPart,
            "该文件是 OpenDocument 格式（如 .odt），不是 Word 文档。请用 WPS 或 Word 打开后“另存为” .docx 文件再上传。",
            inner),
        _ => new DocumentReadException(
            ReadErrorCodes.NoMainPart,
            "文件中找不到 Word 正文部分（document.xml），不是有效的 Word 文档，无法读取。请确认上传的是自评报告的 .docx 文件；如文件由其他软件导出，请用 Word/WPS 打开后“另存为” .docx 再上传。",
            inner),
    };
}
