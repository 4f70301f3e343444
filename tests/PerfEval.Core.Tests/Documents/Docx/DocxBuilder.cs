using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Docx;

/// <summary>
/// Builds tiny .docx packages in code: the package is written by the Open XML SDK, the part contents are
/// WordprocessingML fragments so each test shows exactly the markup it exercises.
/// </summary>
internal static class DocxBuilder
{
    public const string TransitionalNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private const string Namespaces =
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"";

    /// <summary>A .docx whose body is <paramref name="body"/>, with optional numbering.xml and styles.xml content.</summary>
    public static byte[] Build(string body, string? numbering = null, string? styles = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Feed(main, DocumentXml(body, TransitionalNs));
            if (numbering is not null)
            {
                Feed(main.AddNewPart<NumberingDefinitionsPart>(), PartXml("numbering", numbering, TransitionalNs));
            }

            if (styles is not null)
            {
                Feed(main.AddNewPart<StyleDefinitionsPart>(), PartXml("styles", styles, TransitionalNs));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a package built here with the default limits.</summary>
    public static DocumentModel Read(string body, string? numbering = null, string? styles = null) =>
        DocxReader.Read(Build(body, numbering, styles), ReaderLimits.Default);

    public static string DocumentXml(string body, string ns) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{ns}\" {Namespaces}><w:body>{body}</w:body></w:document>";

    public static string PartXml(string root, string content, string ns) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:{root} xmlns:w=\"{ns}\" {Namespaces}>{content}</w:{root}>";

    /// <summary>A zip written entry by entry, for packages the SDK would not write (Strict, broken, hostile).</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))).ToArray());

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    // ----- WordprocessingML fragments -----

    /// <summary>A paragraph with one run of <paramref name="text"/> and optional paragraph properties.</summary>
    public static string P(string text, string? pPr = null) =>
        $"<w:p>{(pPr is null ? string.Empty : $"<w:pPr>{pPr}</w:pPr>")}{R(text)}</w:p>";

    /// <summary>A paragraph whose content is raw run-level XML.</summary>
    public static string PX(string content, string? pPr = null) =>
        $"<w:p>{(pPr is null ? string.Empty : $"<w:pPr>{pPr}</w:pPr>")}{content}</w:p>";

    public static string R(string text) => text.Length == 0 ? "<w:r/>" : $"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    public static string NumPr(int numId, int ilvl) => $"<w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{numId}\"/></w:numPr>";

    public static string Tbl(int gridColumns, params string[] rows) =>
        $"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>{Grid(gridColumns)}{string.Concat(rows)}</w:tbl>";

    public static string Grid(int columns) =>
        columns <= 0 ? string.Empty : $"<w:tblGrid>{string.Concat(Enumerable.Repeat("<w:gridCol w:w=\"1000\"/>", columns))}</w:tblGrid>";

    public static string Tr(params string[] cells) => $"<w:tr>{string.Concat(cells)}</w:tr>";

    public static string TrP(string trPr, params string[] cells) => $"<w:tr><w:trPr>{trPr}</w:trPr>{string.Concat(cells)}</w:tr>";

    /// <summary>A cell with one paragraph of text (an empty paragraph when text is empty).</summary>
    public static string Tc(string text, string? tcPr = null) => TcX(P(text), tcPr);

    /// <summary>A cell whose content is raw block-level XML.</summary>
    public static string TcX(string content, string? tcPr = null) =>
        $"<w:tc>{(tcPr is null ? string.Empty : $"<w:tcPr>{tcPr}</w:tcPr>")}{content}</w:tc>";

    public static string Span(int n) => $"<w:gridSpan w:val=\"{n}\"/>";

    public const string VRestart = "<w:vMerge w:val=\"restart\"/>";

    public const string VContinue = "<w:vMerge/>";

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }
}
