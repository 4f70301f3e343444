using System.Text;
using PerfEval.Core.Documents;
using PerfEval.Core.Documents.Docx;
using PerfEval.Core.Tests.Support;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

public sealed class DocxRefusalTests
{
    private const string ContentTypes =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";

    private static DocumentReadException Refused(byte[] bytes, ReaderLimits? limits = null)
    {
        var ex = Assert.Throws<DocumentReadException>(() => DocxReader.Read(bytes, limits ?? ReaderLimits.Default));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", ex.Message);
        Assert.Contains("请", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static byte[] Seed() => File.ReadAllBytes(Samples.PathOf(Samples.Seed + ".docx"));

    [Fact]
    public void A_truncated_upload_is_a_corrupt_zip()
    {
        var seed = Seed();
        var ex = Refused(seed[..(seed.Length * 6 / 10)]);

        Assert.Equal(ReadErrorCodes.CorruptZip, ex.Code);
        Assert.Contains("另存为", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_after_a_zip_signature_is_a_corrupt_zip()
    {
        var bytes = Encoding.ASCII.GetBytes("PK\u0003\u0004" + new string('x', 500));

        Assert.Equal(ReadErrorCodes.CorruptZip, Refused(bytes).Code);
    }

    [Fact]
    public void A_huge_highly_compressible_entry_is_a_zip_bomb()
    {
        var bomb = Zip(("word/document.xml", new byte[20 * 1024 * 1024]));

        Assert.True(bomb.Length < 200 * 1024);
        var ex = Refused(bomb);
        Assert.Equal(ReadErrorCodes.ZipBomb, ex.Code);
        Assert.Contains("word/document.xml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_uncompressed_size_and_entry_count_are_capped()
    {
        var docx = Build(string.Concat(Enumerable.Repeat(P(new string('字', 1000)), 100)));

        var tooBig = Refused(docx, ReaderLimits.Default with { MaxUncompressedBytes = 64 * 1024 });
        var tooMany = Refused(docx, ReaderLimits.Default with { MaxZipEntries = 2 });

        Assert.Equal(ReadErrorCodes.ZipBomb, tooBig.Code);
        Assert.Equal(ReadErrorCodes.ZipBomb, tooMany.Code);
        Assert.NotNull(DocxReader.Read(docx, ReaderLimits.Default));
    }

    [Fact]
    public void Bytes_actually_read_from_a_part_are_capped_whatever_the_zip_declares()
    {
        var guard = PackageGuard.Inspect(Zip(("word/document.xml", "<x/>")), ReaderLimits.Default with { MaxUncompressedBytes = 4096 });
        using var part = guard.Limit(new MemoryStream(new byte[100_000]), new Uri("/word/document.xml", UriKind.Relative));

        var ex = Assert.Throws<DocumentReadException>(() => part.CopyTo(Stream.Null));
        Assert.Equal(ReadErrorCodes.ZipBomb, ex.Code);
    }

    [Fact]
    public void A_part_that_decompresses_far_beyond_its_ratio_is_stopped_while_reading()
    {
        // 100 spaces compress to a few bytes: with a 10:1 ratio cap above 1 KB, 50 KB of output must stop.
        var limits = ReaderLimits.Default with { RatioCheckMinBytes = 1024, MaxCompressionRatio = 10 };
        var guard = PackageGuard.Inspect(Zip(("word/document.xml", new string(' ', 100))), limits);
        using var part = guard.Limit(new MemoryStream(new byte[50_000]), new Uri("/word/document.xml", UriKind.Relative));

        Assert.Equal(ReadErrorCodes.ZipBomb, Assert.Throws<DocumentReadException>(() => part.CopyTo(Stream.Null)).Code);
    }

    [Fact]
    public void A_zip_without_a_word_document_is_refused_as_no_main_part()
    {
        var plainZip = Zip(("readme.txt", "hello"));
        var excel = Zip(
            ("[Content_Types].xml", ContentTypes + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));
        var themeOnly = Zip(
            ("[Content_Types].xml", ContentTypes + "<Override PartName=\"/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"theme/theme1.xml\"/></Relationships>"),
            ("theme/theme1.xml", "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"/>"));

        Assert.Equal(ReadErrorCodes.NoMainPart, Refused(plainZip).Code);
        var excelRefusal = Refused(excel);
        Assert.Equal(ReadErrorCodes.NoMainPart, excelRefusal.Code);
        Assert.Contains("Excel", excelRefusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReadErrorCodes.NoMainPart, Refused(themeOnly).Code);
    }

    [Fact]
    public void A_main_part_that_is_not_a_word_document_is_refused_as_no_main_part()
    {
        var docx = Zip(
            ("[Content_Types].xml", ContentTypes + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<html><body>not word</body></html>"));

        Assert.Equal(ReadErrorCodes.NoMainPart, Refused(docx).Code);
    }

    [Fact]
    public void Xml_that_does_not_parse_is_malformed_and_the_message_says_where()
    {
        var docx = Build(P("部门概况") + "<w:p><w:r><w:t>未闭合</w:t></w:r>");

        var ex = Refused(docx);
        Assert.Equal(ReadErrorCodes.Malformed, ex.Code);
        Assert.Contains("正文", ex.Message, StringComparison.Ordinal);
        Assert.Contains("第 1 行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtd_with_entities_is_refused_and_never_expanded()
    {
        var document =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\"><!ENTITY big \"AAAA\">]>" +
            $"<w:document xmlns:w=\"{TransitionalNs}\"><w:body><w:p><w:r><w:t>&secret;&big;</w:t></w:r></w:p></w:body></w:document>";
        var docx = Zip(
            ("[Content_Types].xml", ContentTypes + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", document));

        var ex = Refused(docx);
        Assert.Equal(ReadErrorCodes.Malformed, ex.Code);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused_instead_of_exhausting_the_stack()
    {
        var deepControls = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 2000)) + P("x") + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", 2000));
        var deepTables = string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", 60)) + P("x") + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", 60));

        Assert.Equal(ReadErrorCodes.Malformed, Refused(Build(deepControls)).Code);
        Assert.Equal(ReadErrorCodes.Malformed, Refused(Build(deepTables)).Code);
    }

    [Fact]
    public void An_absurdly_wide_table_is_refused()
    {
        var docx = Build(Tbl(0, Tr(Tc("x", Span(100_000)))));

        Assert.Equal(ReadErrorCodes.Malformed, Refused(docx).Code);
    }
}
