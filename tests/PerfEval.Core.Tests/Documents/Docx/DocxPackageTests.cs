using PerfEval.Core.Documents;
using static PerfEval.Core.Tests.Documents.Docx.DocxBuilder;

namespace PerfEval.Core.Tests.Documents.Docx;

/// <summary>Packages the SDK does not write by default: Strict conformance, renamed main part, templates.</summary>
public sealed class DocxPackageTests
{
    private const string ContentTypes =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/word/MAIN\" ContentType=\"TYPE\"/>" +
        "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>" +
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>" +
        "</Types>";

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static byte[] Package(string relationshipBase, string ns, string mainName, string mainContentType, string body, string numbering, string styles) =>
        Zip(
            ("[Content_Types].xml", ContentTypes.Replace("MAIN", mainName, StringComparison.Ordinal).Replace("TYPE", mainContentType, StringComparison.Ordinal)),
            ("_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{relationshipBase}/officeDocument\" Target=\"word/{mainName}\"/></Relationships>"),
            ($"word/_rels/{mainName}.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{relationshipBase}/numbering\" Target=\"numbering.xml\"/>" +
                $"<Relationship Id=\"rId2\" Type=\"{relationshipBase}/styles\" Target=\"styles.xml\"/></Relationships>"),
            ($"word/{mainName}", DocumentXml(body, ns)),
            ("word/numbering.xml", PartXml("numbering", numbering, ns)),
            ("word/styles.xml", PartXml("styles", styles, ns)));

    private static readonly string Body =
        P("部门概况", "<w:pStyle w:val=\"H1\"/>" + NumPr(1, 0)) +
        Tbl(3, Tr(Tc("项目", Span(2)), Tc("金额", VRestart)), Tr(Tc("a"), Tc("b"), Tc(string.Empty, VContinue))) +
        P("资金管理", "<w:pStyle w:val=\"H1\"/>" + NumPr(1, 0));

    private const string Styles =
        "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"标题 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>";

    private static void AssertReadsTheSameAsTransitional(DocumentModel model)
    {
        Assert.Equal(["一、", "二、"], model.Paragraphs.Select(p => p.ListLabel));
        Assert.Equal([1, 1], model.Paragraphs.Select(p => p.OutlineLevel));
        var table = Assert.Single(model.Tables);
        Assert.Equal(3, table.ColumnCount);
        Assert.Equal(2, table.Rows[0].Cells[0].ColSpan);
        Assert.Equal(2, table.Rows[0].Cells[1].RowSpan);
        Assert.Equal("金额", table.CellAt(1, 2)?.Text);
    }

    [Fact]
    public void A_strict_ooxml_package_reads_like_a_transitional_one()
    {
        var strict = Package(
            "http://purl.oclc.org/ooxml/officeDocument/relationships", StrictNs, "document.xml", MainContentType,
            Body, DocxNumberingTests.Numbering(("chineseCounting", "%1、")), Styles);

        AssertReadsTheSameAsTransitional(DocxReader.Read(strict, ReaderLimits.Default));
    }

    [Fact]
    public void A_main_part_with_another_name_is_found_through_its_relationship()
    {
        var renamed = Package(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships", TransitionalNs, "report-body.xml", MainContentType,
            Body, DocxNumberingTests.Numbering(("chineseCounting", "%1、")), Styles);

        AssertReadsTheSameAsTransitional(DocxReader.Read(renamed, ReaderLimits.Default));
    }

    [Theory]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")]
    [InlineData("application/vnd.ms-word.document.macroEnabled.main+xml")]
    [InlineData("application/vnd.ms-word.template.macroEnabledTemplate.main+xml")]
    public void Templates_and_macro_enabled_documents_are_read(string contentType)
    {
        var docx = Package(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships", TransitionalNs, "document.xml", contentType,
            Body, DocxNumberingTests.Numbering(("chineseCounting", "%1、")), Styles);

        AssertReadsTheSameAsTransitional(DocxReader.Read(docx, ReaderLimits.Default));
    }

    [Fact]
    public void A_relationship_to_a_missing_part_does_not_make_the_document_unreadable()
    {
        var docx = WithRelationship(
            TransitionalPackage(),
            "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/removed.png\"/>");

        AssertReadsTheSameAsTransitional(DocxReader.Read(docx, ReaderLimits.Default));
    }

    [Theory]
    [InlineData("http://www.example.gov.cn/a b.html")]
    [InlineData("http://[bad")]
    [InlineData("http://%zz")]
    public void A_hyperlink_target_that_is_not_a_valid_uri_does_not_make_the_document_unreadable(string target)
    {
        var docx = WithRelationship(
            TransitionalPackage(),
            $"<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{target}\" TargetMode=\"External\"/>");

        AssertReadsTheSameAsTransitional(DocxReader.Read(docx, ReaderLimits.Default));
    }

    private static byte[] TransitionalPackage() => Package(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships", TransitionalNs, "document.xml", MainContentType,
        Body, DocxNumberingTests.Numbering(("chineseCounting", "%1、")), Styles);

    private static byte[] WithRelationship(byte[] docx, string relationship)
    {
        using var source = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        var entries = source.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            var content = reader.ReadToEnd();
            if (e.FullName == "word/_rels/document.xml.rels")
            {
                content = content.Replace("</Relationships>", relationship + "</Relationships>", StringComparison.Ordinal);
            }

            return (e.FullName, content);
        }).ToArray();
        return Zip(entries);
    }

    [Fact]
    public void The_loader_dispatches_a_docx_by_its_bytes_not_its_name()
    {
        var model = DocumentLoader.Load(Build(P("部门概况")), "报告.txt");

        Assert.Equal(SourceFormat.Docx, model.Format);
        Assert.Equal("部门概况", Assert.Single(model.Paragraphs).Text);
    }
}
