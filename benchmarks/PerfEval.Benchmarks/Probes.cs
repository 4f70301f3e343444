using System.IO.Compression;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PerfEval.Benchmarks;

/// <summary>
/// Lower bounds of the .docx reader built from framework and SDK calls only: inflating the zip, opening the package
/// the way the reader does (System.IO.Packaging, then the Open XML SDK on top), and one bare XmlReader pass over the
/// main document part. What the reader costs above them is its own work.
/// </summary>
internal static class Probes
{
    public const string MainPart = "word/document.xml";

    private static readonly OpenSettings SdkSettings = new() { AutoSave = false };

    public static long OpenWithSdk(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var package = Package.Open(stream, FileMode.Open, FileAccess.Read);
        using var document = WordprocessingDocument.Open(package, SdkSettings);
        using var main = document.MainDocumentPart?.GetStream(FileMode.Open, FileAccess.Read);
        return main is null ? 0 : 1;
    }

    public static long InflateAll(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            total += Drain(stream);
        }

        return total;
    }

    public static long TokeniseMainPart(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var entry = zip.GetEntry(MainPart);
        if (entry is null)
        {
            return 0;
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        long nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }
}
