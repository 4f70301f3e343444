using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Sniffing;

public sealed class FormatSnifferTests
{
    private static DocumentReadException Refused(byte[] bytes, string? fileName = null) =>
        Assert.Throws<DocumentReadException>(() => FormatSniffer.Sniff(bytes, fileName));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // ---- empty ----

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t \n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \u3000\u00A0\n")]
    public void Empty_or_blank_files_are_refused_as_empty(string text)
    {
        var error = Refused(Utf8(text), "report.txt");
        Assert.Equal(ReadErrorCodes.Empty, error.Code);
        Assert.Contains("空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_of_only_spaces_is_empty()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("  \r\n\u3000")];
        Assert.Equal(ReadErrorCodes.Empty, Refused(bytes).Code);
    }

    // ---- OLE compound files ----

    [Fact]
    public void Legacy_doc_is_refused_with_save_as_docx()
    {
        var doc = CfbBuilder.Build(("WordDocument", null), ("1Table", null), ("\u0005SummaryInformation", null));

        var error = Refused(doc, "报告.doc");
        Assert.Equal(ReadErrorCodes.LegacyDoc, error.Code);
        Assert.Contains("97-2003", error.Message, StringComparison.Ordinal);
        Assert.Contains("另存为", error.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_doc_renamed_to_docx_is_still_a_legacy_doc()
    {
        var doc = CfbBuilder.Build(("WordDocument", null), ("1Table", null));
        Assert.Equal(ReadErrorCodes.LegacyDoc, Refused(doc, "报告.docx").Code);
    }

    [Fact]
    public void Encrypted_ooxml_package_is_refused_as_encrypted()
    {
        var file = CfbBuilder.Build(("\u0006DataSpaces", null), ("EncryptionInfo", null), ("EncryptedPackage", new byte[8192]));

        var error = Refused(file, "报告.docx");
        Assert.Equal(ReadErrorCodes.Encrypted, error.Code);
        Assert.Contains("密码", error.Message, StringComparison.Ordinal);
        Assert.Contains("文档加密", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_doc_is_refused_as_encrypted()
    {
        var fib = new byte[4096];
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(0x0A), 0x0100); // fEncrypted
        var file = CfbBuilder.Build(("WordDocument", fib), ("1Table", null));

        var error = Refused(file, "报告.doc");
        Assert.Equal(ReadErrorCodes.Encrypted, error.Code);
        Assert.Contains(".doc", error.Message, StringComparison.Ordinal);

        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(0x0A), 0x0000);
        Assert.Equal(ReadErrorCodes.LegacyDoc, Refused(CfbBuilder.Build(("WordDocument", fib), ("1Table", null)), "报告.doc").Code);
    }

    [Fact]
    public void Wps_files_are_refused_as_legacy_wps()
    {
        var byName = Refused(CfbBuilder.Build(("WordDocument", null), ("1Table", null)), "报告.wps");
        Assert.Equal(ReadErrorCodes.LegacyWps, byName.Code);
        Assert.Contains("WPS", byName.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", byName.Message, StringComparison.Ordinal);

        var byStream = Refused(CfbBuilder.Build(("WordDocument", null), ("WpsCustomData", null)), "报告.doc");
        Assert.Equal(ReadErrorCodes.LegacyWps, byStream.Code);
    }

    [Fact]
    public void Other_ole_files_are_unsupported_and_named()
    {
        var xls = Refused(CfbBuilder.Build(("Workbook", null)), "表.xls");
        Assert.Equal(ReadErrorCodes.Unsupported, xls.Code);
        Assert.Contains("Excel", xls.Message, StringComparison.Ordinal);

        var ppt = Refused(CfbBuilder.Build(("PowerPoint Document", null)));
        Assert.Contains("PowerPoint", ppt.Message, StringComparison.Ordinal);

        var other = Refused(CfbBuilder.Build(("Contents", null)));
        Assert.Equal(ReadErrorCodes.Unsupported, other.Code);
        Assert.Contains("OLE", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_come_from_the_directory_not_from_stream_data()
    {
        // The data of a stream mentions "WordDocument" in UTF-16, but no directory entry has that name.
        var data = new byte[4096];
        Encoding.Unicode.GetBytes("WordDocument").CopyTo(data, 100);
        var error = Refused(CfbBuilder.Build(("Contents", data)));

        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
    }

    [Fact]
    public void A_directory_spanning_several_sectors_is_read_to_the_end()
    {
        var streams = Enumerable.Range(0, 9).Select(i => ($"Stream{i}", (byte[]?)null)).Append(("WordDocument", null)).ToArray();
        Assert.Equal(ReadErrorCodes.LegacyDoc, Refused(CfbBuilder.Build(streams)).Code);
    }

    [Fact]
    public void A_directory_chain_that_loops_ends()
    {
        var file = CfbBuilder.Build(("Contents", null));
        CfbBuilder.SetFatEntry(file, 1, 1); // the directory sector is its own successor

        Assert.Equal(ReadErrorCodes.Unsupported, Refused(file).Code);
    }

    [Fact]
    public void A_truncated_ole_file_is_refused_clearly()
    {
        var doc = CfbBuilder.Build(("WordDocument", null), ("1Table", null));

        // Header only: the directory is gone, and no stream name survives.
        var headerOnly = doc[..512];
        var error = Refused(headerOnly, "报告.doc");
        Assert.Equal(ReadErrorCodes.Malformed, error.Code);
        Assert.Contains("损坏", error.Message, StringComparison.Ordinal);

        // The signature alone.
        Assert.Equal(ReadErrorCodes.Malformed, Refused(doc[..8]).Code);
    }

    [Fact]
    public void A_broken_header_falls_back_to_the_stream_names()
    {
        var doc = CfbBuilder.Build(("WordDocument", null), ("1Table", null));
        doc[0x1E] = 0x55; // impossible sector shift
        Assert.Equal(ReadErrorCodes.LegacyDoc, Refused(doc).Code);
    }

    [Fact]
    public void Hostile_ole_headers_only_ever_give_a_read_exception()
    {
        var random = new Random(42);
        var template = CfbBuilder.Build(("WordDocument", new byte[4096]), ("1Table", null));
        for (var round = 0; round < 500; round++)
        {
            var file = (byte[])template.Clone();
            var length = random.Next(8, file.Length + 1);
            for (var i = 0; i < 24; i++)
            {
                var at = random.Next(8, length);
                file[at] = (byte)random.Next(256);
            }

            // Sector numbers and counts near the header are the dangerous ones: corrupt those too.
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C + (random.Next(8) * 4)), (uint)random.Next());
            var error = Assert.Throws<DocumentReadException>(() => FormatSniffer.Sniff(file.AsSpan(0, length), "x.doc"));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    [Theory]
    [InlineData("poi__ENCRYPTED_password-is-pass.docx")]
    [InlineData("poi__ENCRYPTED_protected_agile.docx")]
    [InlineData("oxsdk__ENCRYPTED_document_with_password.docx")]
    public void Real_password_protected_docx_files_are_refused_as_encrypted(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SourceDirectory(), "Files", name));

        Assert.Equal(ReadErrorCodes.Encrypted, Refused(bytes, name).Code);
        Assert.Equal(ReadErrorCodes.Encrypted, Assert.Throws<DocumentReadException>(() => DocumentLoader.Load(bytes, name)).Code);
    }

    // ---- zip packages ----

    [Fact]
    public void A_word_package_is_docx()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>"));
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(zip, "报告.zip"));
    }

    [Fact]
    public void A_package_with_its_main_part_outside_word_is_left_to_the_docx_reader()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("custom/main.xml", "<w:document/>"));
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(zip, "报告.docx"));
    }

    [Fact]
    public void Spreadsheets_and_presentations_are_refused_and_named()
    {
        var xlsx = Refused(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "报告.docx");
        Assert.Equal(ReadErrorCodes.Unsupported, xlsx.Code);
        Assert.Contains("Excel 表格", xlsx.Message, StringComparison.Ordinal);

        var pptx = Refused(Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>")));
        Assert.Contains("PowerPoint", pptx.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odt_is_refused_with_save_as_docx()
    {
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"), ("META-INF/manifest.xml", "<manifest/>"));

        var error = Refused(odt, "报告.odt");
        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
        Assert.Contains("OpenDocument 文本文档（.odt）", error.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ofd_and_plain_archives_are_refused()
    {
        Assert.Contains("OFD", Refused(Zip(("OFD.xml", "<ofd:OFD/>"), ("Doc_0/Document.xml", "<d/>"))).Message, StringComparison.Ordinal);

        var archive = Refused(Zip(("2023年自评报告.docx", "PK"), ("附件.xlsx", "PK")), "报告.zip");
        Assert.Contains("压缩包", archive.Message, StringComparison.Ordinal);
        Assert.Contains("解压", archive.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_zips_are_left_to_the_docx_reader()
    {
        byte[] emptyZip = [(byte)'P', (byte)'K', 5, 6, .. new byte[18]];
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(emptyZip, null));

        byte[] truncated = [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3];
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(truncated, "报告.docx"));

        byte[] spanned = [(byte)'P', (byte)'K', 7, 8, .. Zip(("word/document.xml", "<w:document/>"))];
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(spanned, "报告.docx"));
    }

    [Fact]
    public void The_seed_docx_is_docx()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "sample-docs", "2023-miluo-disabled-federation.docx"));
        Assert.Equal(SourceFormat.Docx, FormatSniffer.Sniff(bytes, "whatever.txt"));
    }

    // ---- other binaries ----

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF")]
    [InlineData("{\\rtf1\\ansi\\ansicpg936 报告}", "RTF")]
    public void Pdf_and_rtf_are_refused_and_named(string start, string name)
    {
        var error = Refused(Utf8(start), "报告.docx");
        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtf_message_says_to_save_as_docx()
    {
        Assert.Contains(".docx", Refused(Utf8("{\\rtf1 x}")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG 图片")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46 }, "JPEG 图片")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0 }, "GIF 图片")]
    [InlineData(new byte[] { 0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0 }, "RAR 压缩包")]
    public void Images_and_archives_are_refused_and_named(byte[] bytes, string name)
    {
        var error = Refused(bytes, "报告.docx");
        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_binary_is_unsupported()
    {
        var bytes = new byte[2048];
        new Random(1).NextBytes(bytes);
        bytes[0] = 0x01;
        Assert.Equal(ReadErrorCodes.Unsupported, Refused(bytes, "报告.txt").Code);
    }

    // ---- text and markup ----

    [Fact]
    public void The_seed_text_is_txt_whatever_its_name()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "sample-docs", "2023-miluo-disabled-federation.txt"));
        Assert.Equal(SourceFormat.Txt, FormatSniffer.Sniff(bytes, "报告.html"));
        Assert.Equal(SourceFormat.Txt, FormatSniffer.Sniff(bytes, null));
    }

    [Fact]
    public void Utf16_text_without_bom_is_text_not_binary()
    {
        Assert.Equal(SourceFormat.Txt, FormatSniffer.Sniff(Encoding.Unicode.GetBytes("附件1\r\n2023年度部门整体支出绩效评价\r\n\t编制数\r\n\t30\r\n"), null));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>报告</p></body></html>", "report.txt")]
    [InlineData("\uFEFF  <html><body>报告</body></html>", null)]
    [InlineData("<!-- saved from url=(0014)about:internet -->\r\n<HTML><BODY>报告</BODY></HTML>", "report.doc")]
    [InlineData("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\">", "report.doc")]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", null)]
    [InlineData("<table><tr><td>编制数</td></tr></table>", "report.html")]
    [InlineData("<p>一、部门概况</p>\n<p>（一）部门职能</p>", null)]
    public void Html_is_recognised(string text, string? fileName)
    {
        Assert.Equal(SourceFormat.Html, FormatSniffer.Sniff(Utf8(text), fileName));
    }

    [Fact]
    public void Html_in_utf16_is_recognised()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<html><body><p>报告</p></body></html>")];
        Assert.Equal(SourceFormat.Html, FormatSniffer.Sniff(bytes, null));
    }

    [Theory]
    [InlineData("一、部门概况\n说明：本表中 <p> 表示段落。", "report.txt")]
    [InlineData("填表说明：金额单位为万元，a<b 且 c>d。", null)]
    [InlineData("一、部门概况\n表格见 <table> 附件。\n<p> 标记", "report.txt")]
    public void Text_mentioning_a_tag_stays_text(string text, string? fileName)
    {
        Assert.Equal(SourceFormat.Txt, FormatSniffer.Sniff(Utf8(text), fileName));
    }

    [Fact]
    public void Word_2003_xml_is_refused_with_save_as_docx()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body/></w:wordDocument>";
        var error = Refused(Utf8(xml), "报告.xml");

        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
        Assert.Contains("Word XML", error.Message, StringComparison.Ordinal);
        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_file_web_pages_are_refused()
    {
        var mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D9\"\r\n\r\n------=_NextPart_01D9\r\nContent-Type: text/html; charset=\"gb2312\"\r\n";
        var error = Refused(Utf8(mht), "报告.mht");

        Assert.Equal(ReadErrorCodes.Unsupported, error.Code);
        Assert.Contains(".mht", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>This test folder in the source tree (the test files are read from there, not copied to the output).</summary>
    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "PerfEval.Core.Tests", "Documents", "Sniffing");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/PerfEval.Core.Tests/Documents/Sniffing not found above " + AppContext.BaseDirectory);
    }
}
