using System.Text;
using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Documents.Docx;
using PerfEval.Core.Evaluation;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

/// <summary>
/// The UTF-8 scanner that reads the parts (<see cref="Utf8WordXml"/>) must give exactly what the full XML parser
/// gives: the same document model for every file, the same refusal for every malformed part. Markup it leaves to
/// XmlReader must still read the same, through the fallback.
/// </summary>
public sealed class FastXmlTests
{
    private const string ContentTypes =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
        "</Types>";

    private const string Rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
        "</Relationships>";

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    /// <summary>A package whose main part is exactly <paramref name="documentXml"/>.</summary>
    private static byte[] Raw(byte[] documentXml) =>
        Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("_rels/.rels", Encoding.UTF8.GetBytes(Rels)), ("word/document.xml", documentXml));

    private static byte[] Raw(string documentXml) => Raw(Encoding.UTF8.GetBytes(documentXml));

    private static string Document(string body) => $"{Declaration}<w:document xmlns:w=\"{TransitionalNs}\"><w:body>{body}</w:body></w:document>";

    /// <summary>The model as JSON, or the refusal's code: what a user of either reader would see.</summary>
    private static string Outcome(byte[] docx, DocxReader.XmlPath path, ReaderLimits? limits = null)
    {
        try
        {
            return JsonSerializer.Serialize(DocxReader.Read(docx, limits ?? ReaderLimits.Default, path), JsonOutput.Compact);
        }
        catch (DocumentReadException ex)
        {
            return "refused: " + ex.Code;
        }
    }

    private static string AssertSameAsXmlReader(byte[] docx)
    {
        var expected = Outcome(docx, DocxReader.XmlPath.XmlReaderOnly);
        Assert.Equal(expected, Outcome(docx, DocxReader.XmlPath.Auto));
        return expected;
    }

    /// <summary>Asserts the scanner reads <paramref name="docx"/> on its own, with no fallback, to the same model.</summary>
    private static DocumentModel AssertReadByScannerAlone(byte[] docx)
    {
        var expected = Outcome(docx, DocxReader.XmlPath.XmlReaderOnly);
        Assert.DoesNotContain("refused", expected, StringComparison.Ordinal);
        DocumentModel model;
        try
        {
            model = DocxReader.Read(docx, ReaderLimits.Default, DocxReader.XmlPath.FastOnly);
        }
        catch (DocumentReadException ex) when (ex.InnerException is XmlFallbackException fallback)
        {
            Assert.Fail($"the scanner left the part to XmlReader: {fallback.Message}");
            throw;
        }

        Assert.Equal(expected, JsonSerializer.Serialize(model, JsonOutput.Compact));
        return model;
    }

    private static bool FallsBack(byte[] docx)
    {
        try
        {
            DocxReader.Read(docx, ReaderLimits.Default, DocxReader.XmlPath.FastOnly);
            return false;
        }
        catch (DocumentReadException ex) when (ex.InnerException is XmlFallbackException)
        {
            return true;
        }
        catch (DocumentReadException)
        {
            return false;
        }
    }

    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        var roots = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "sample-docs"),
            Path.Combine(AppContext.BaseDirectory, "Corpus", "wild-docx"),
            Path.Combine(AppContext.BaseDirectory, "Documents", "Sniffing", "Files"),
        };
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var path in Directory.GetFiles(root, "*.do*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, path));
            }
        }

        return data;
    }

    [Fact]
    public void The_comparison_covers_the_samples_and_the_corpus()
    {
        Assert.True(RepositoryFiles().Count >= 60, $"only {RepositoryFiles().Count} files found next to the test assembly");
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Every_file_in_the_repository_reads_the_same_as_with_XmlReader(string file)
    {
        AssertSameAsXmlReader(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)));
    }

    [Theory]
    [InlineData("sample-docs/2023-miluo-disabled-federation.docx")]
    [InlineData("sample-docs/2023-miluo-disabled-federation-corrected.docx")]
    [InlineData("sample-docs/fixtures/2022-city-agriculture-bureau.docx")]
    [InlineData("sample-docs/fixtures/2023-township-civil-affairs-continued.docx")]
    [InlineData("sample-docs/fixtures/2024-county-education-bureau-autonumber.docx")]
    [InlineData("sample-docs/fixtures/2025-district-health-commission.docx")]
    public void Reports_are_read_by_the_scanner_without_falling_back(string file)
    {
        var model = AssertReadByScannerAlone(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)));
        Assert.NotEmpty(model.Tables);
    }

    public static TheoryData<string, string> WellFormedMarkup() => new()
    {
        { "entities", Document("<w:p><w:r><w:t>A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#20013;&#x6587;&#x41; &#x1F600;</w:t></w:r></w:p>") },
        { "whitespace-only text without preserve", Document("<w:p><w:r><w:t>前</w:t></w:r><w:r><w:t>   </w:t></w:r><w:r><w:t>后</w:t></w:r></w:p>") },
        { "whitespace-only text with preserve", Document("<w:p><w:r><w:t>前</w:t></w:r><w:r><w:t xml:space=\"preserve\">   </w:t></w:r><w:r><w:t>后</w:t></w:r></w:p>") },
        { "xml:space on an ancestor", Document("<w:p xml:space=\"preserve\"><w:r><w:t>前</w:t></w:r><w:r><w:t> </w:t></w:r><w:r xml:space=\"default\"><w:t> </w:t></w:r><w:r><w:t>后</w:t></w:r></w:p>") },
        { "line ends in text and values", Document("<w:p><w:pPr><w:pStyle w:val=\"a\r\nb\tc\nd\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一\r\n二\r三\n四</w:t></w:r></w:p>") },
        { "comments between elements", Document("<!-- a comment --><w:p><!----><w:r><w:t>正文</w:t></w:r><!-- - --></w:p>") + "<!-- after the root -->\r\n" },
        { "indented with CR LF", Document("\r\n  <w:p>\r\n    <w:r>\r\n      <w:t>缩进</w:t>\r\n    </w:r>\r\n  </w:p>\r\n") },
        { "default namespace", $"{Declaration}<document xmlns=\"{TransitionalNs}\"><body><p><r><t>默认命名空间</t></r></p></body></document>" },
        { "another prefix", $"{Declaration}<ns0:document xmlns:ns0=\"{TransitionalNs}\"><ns0:body><ns0:p><ns0:r><ns0:t>前缀</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>" },
        { "prefix declared on a nested element", Document($"<w:p><x:r xmlns:x=\"{TransitionalNs}\"><x:t>嵌套声明</x:t></x:r></w:p>") },
        { "prefix rebound inside, then back", Document("<w:p><w:r xmlns:w=\"urn:not-word\"><w:t>隐藏</w:t></w:r><w:r><w:t>显示</w:t></w:r></w:p><w:p><w:r><w:t>其后</w:t></w:r></w:p>") },
        { "single quotes and spaces in tags", Document("<w:p ><w:pPr><w:jc w:val = 'center' /></w:pPr><w:r\n><w:t\txml:space = \"preserve\" > 引号 </w:t ></w:r></w:p >") },
        { "strict namespace", $"{Declaration}<w:document xmlns:w=\"{StrictNs}\"><w:body><w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>" },
        { "unprefixed attributes", Document("<w:tbl><w:tblGrid><w:gridCol w=\"100\"/><w:gridCol w=\"100\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan val=\"2\"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc></w:tr></w:tbl>") },
        { "no XML declaration", $"<w:document xmlns:w=\"{TransitionalNs}\"><w:body><w:p><w:r><w:t>无声明</w:t></w:r></w:p></w:body></w:document>" },
        { "lower-case utf-8 declaration", $"<?xml version='1.0' encoding='utf-8'?>\n<w:document xmlns:w=\"{TransitionalNs}\"><w:body><w:p><w:r><w:t>小写</w:t></w:r></w:p></w:body></w:document>" },
        { "elements inside text skipped", Document("<w:p><w:r><w:t>甲<w:x w:a=\"1\"><w:y/></w:x>乙</w:t></w:r></w:p>") },
    };

    [Theory]
    [MemberData(nameof(WellFormedMarkup))]
    public void Markup_that_Word_and_other_producers_write_is_read_by_the_scanner_alone(string name, string documentXml)
    {
        Assert.NotEmpty(name);
        AssertReadByScannerAlone(Raw(documentXml));
    }

    [Fact]
    public void Entities_and_preserved_spaces_give_the_text_a_reader_expects()
    {
        var model = AssertReadByScannerAlone(Raw(Document(
            "<w:p><w:r><w:t>A&amp;B&#20013;</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>  </w:t></w:r><w:r><w:t>末</w:t></w:r></w:p>")));
        Assert.Equal("A&B中 末", Assert.Single(model.Paragraphs).Text);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_accepted()
    {
        var xml = Encoding.UTF8.GetBytes(Document("<w:p><w:r><w:t>带 BOM</w:t></w:r></w:p>"));
        AssertReadByScannerAlone(Raw([0xEF, 0xBB, 0xBF, .. xml]));
    }

    [Fact]
    public void A_large_body_reads_the_same_across_buffer_boundaries()
    {
        // Paragraphs of varying length with three-byte characters, so that tags, attribute values, names and
        // characters all fall across the scanner's 64 KB buffer boundary somewhere.
        var body = new StringBuilder();
        for (var i = 0; i < 4000; i++)
        {
            body.Append(Comment(i)).Append("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"").Append(i % 40).Append("\"/></w:rPr><w:t xml:space=\"preserve\">")
                .Append(new string('绩', i % 37)).Append(" 第").Append(i).Append("段 &amp; ").Append(new string('效', i % 11)).Append("</w:t></w:r></w:p>");
        }

        var model = AssertReadByScannerAlone(Raw(Document(body.ToString())));
        Assert.Equal(4000, model.Paragraphs.Count());

        static string Comment(int i) => i % 7 == 0 ? "<!-- 注释 -->" : string.Empty;
    }

    [Fact]
    public void A_text_run_longer_than_the_buffer_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("预算执行率达到百分之九十八。", 20_000));
        var model = AssertReadByScannerAlone(Raw(Document($"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")));
        Assert.Equal(text, Assert.Single(model.Paragraphs).Text);
    }

    public static TheoryData<string, string> MarkupLeftToXmlReader() => new()
    {
        { "CDATA in text", Document("<w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>") },
        { "comment inside text", Document("<w:p><w:r><w:t> <!-- x -->文</w:t></w:r></w:p>") },
        { "processing instruction", Document("<?mso-something?><w:p><w:r><w:t>指令</w:t></w:r></w:p>") },
        { "UTF-16 declaration", "UTF16" },
    };

    [Theory]
    [MemberData(nameof(MarkupLeftToXmlReader))]
    public void Markup_the_scanner_leaves_to_XmlReader_still_reads_the_same(string name, string documentXml)
    {
        var docx = documentXml == "UTF16"
            ? Raw(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Document("<w:p><w:r><w:t>十六位</w:t></w:r></w:p>").Replace("UTF-8", "UTF-16", StringComparison.Ordinal))).ToArray())
            : Raw(documentXml);
        Assert.True(FallsBack(docx), name);
        var outcome = AssertSameAsXmlReader(docx);
        Assert.DoesNotContain("refused", outcome, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "mismatched end tag", Document("<w:p><w:r><w:t>x</w:r></w:t></w:p>") },
        { "undeclared element prefix", Document("<w:p><q:r><w:t>x</w:t></q:r></w:p>") },
        { "undeclared prefix in skipped markup", Document("<w:p><w:pPr><w:rPr><q:b/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>") },
        { "undeclared attribute prefix", Document("<w:p><w:pPr><w:jc q:val=\"left\"/></w:pPr></w:p>") },
        { "duplicate attribute", Document("<w:p><w:pPr><w:jc w:val=\"left\" w:val=\"right\"/></w:pPr></w:p>") },
        { "undefined entity", Document("<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>") },
        { "bare ampersand", Document("<w:p><w:r><w:t>a & b</w:t></w:r></w:p>") },
        { "< in an attribute value", Document("<w:p><w:pPr><w:jc w:val=\"a<b\"/></w:pPr></w:p>") },
        { "unquoted attribute", Document("<w:p><w:pPr><w:jc w:val=left/></w:pPr></w:p>") },
        { "truncated", Document("<w:p><w:r><w:t>截断</w:t></w:r></w:p>")[..^30] },
        { "content after the root", Document("<w:p/>") + "<w:p/>" },
        { "name starting with a digit", Document("<w:p><w:1r/></w:p>") },
        { "upper-case X in a character reference", Document("<w:p><w:r><w:t>&#X41;</w:t></w:r></w:p>") },
        { "DOCTYPE", $"{Declaration}<!DOCTYPE w:document [<!ENTITY e \"x\">]>" + Document("<w:p/>")[Declaration.Length..] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_parts_are_refused_exactly_as_XmlReader_refuses_them(string name, string documentXml)
    {
        var outcome = AssertSameAsXmlReader(Raw(documentXml));
        Assert.True(outcome == "refused: " + ReadErrorCodes.Malformed, $"{name}: {outcome}");
    }

    [Fact]
    public void Invalid_UTF8_reads_the_same_as_with_XmlReader()
    {
        var xml = Encoding.UTF8.GetBytes(Document("<w:p><w:r><w:t>坏字节:XX</w:t></w:r></w:p>"));
        var at = xml.AsSpan().IndexOf("XX"u8);
        xml[at] = 0xE7;
        xml[at + 1] = 0x28;
        var docx = Raw(xml);
        Assert.True(FallsBack(docx));
        AssertSameAsXmlReader(docx);
    }

    [Fact]
    public void A_part_read_twice_after_a_fallback_is_not_counted_twice_against_the_size_budget()
    {
        // 1.4 MB of body ending in a CDATA section: the scanner reads it all, then leaves it to XmlReader, which
        // reads it again. With a 2 MB budget, counting both passes would refuse the file as a zip bomb.
        var body = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>预算执行情况说明</w:t></w:r></w:p>", 30_000)) + "<w:p><w:r><w:t><![CDATA[末]]></w:t></w:r></w:p>";
        var docx = Raw(Document(body));
        var limits = ReaderLimits.Default with { MaxUncompressedBytes = 2L * 1024 * 1024, MaxCompressionRatio = 10_000 };
        var outcome = Outcome(docx, DocxReader.XmlPath.Auto, limits);
        Assert.DoesNotContain("refused", outcome, StringComparison.Ordinal);
        Assert.Equal(Outcome(docx, DocxReader.XmlPath.XmlReaderOnly, limits), outcome);
    }
}
