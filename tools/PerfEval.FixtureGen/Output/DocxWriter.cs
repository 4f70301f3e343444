using System.Globalization;
using System.IO.Compression;
using System.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PerfEval.FixtureGen.Layout;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;

namespace PerfEval.FixtureGen.Output;

/// <summary>
/// Writes a <see cref="GenDocument"/> as .docx with the OpenXml SDK. Output is byte-for-byte deterministic:
/// relationship ids are fixed, docProps carry the fixture's own date, and the zip is rewritten with fixed entry times.
/// </summary>
internal static class DocxWriter
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string TableTextStyle = "TableText";
    private static readonly DateTimeOffset ZipTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(GenDocument document)
    {
        using var ms = new MemoryStream();
        using (var package = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = package.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
            main.Document = new Document(BuildBody(document));

            var styles = main.AddNewPart<StyleDefinitionsPart>("rId1");
            styles.Styles = BuildStyles();
            var settings = main.AddNewPart<DocumentSettingsPart>("rId2");
            settings.Settings = new Settings(
                new DefaultTabStop { Val = 420 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
            if (document.NumberingInstances > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>("rId3");
                numbering.Numbering = BuildNumbering(document.NumberingInstances);
            }

            var core = package.AddNewPart<CoreFilePropertiesPart>("rId2");
            using (var s = core.GetStream(FileMode.Create))
            {
                s.Write(System.Text.Encoding.UTF8.GetBytes(CoreXml(document)));
            }

            var app = package.AddNewPart<ExtendedFilePropertiesPart>("rId3");
            app.Properties = new Ap.Properties(
                new Ap.Application("PerfEval.FixtureGen"),
                new Ap.DocumentSecurity("0"),
                new Ap.ScaleCrop("false"),
                new Ap.Company(string.Empty),
                new Ap.LinksUpToDate("false"),
                new Ap.SharedDocument("false"),
                new Ap.HyperlinksChanged("false"),
                new Ap.ApplicationVersion("16.0000"));
        }

        var bytes = NormalizeZip(ms.ToArray());
        Validate(bytes);
        return bytes;
    }

    /// <summary>Schema-validates the package so that a layout mistake fails the generator instead of producing a broken fixture.</summary>
    private static void Validate(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Take(10).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Generated .docx does not validate:\n  " + string.Join("\n  ", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }
    }

    private static string CoreXml(GenDocument d)
    {
        var stamp = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00:00Z";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + $"<dc:title>{SecurityElement.Escape(d.Title)}</dc:title>"
            + "<dc:creator>PerfEval.FixtureGen</dc:creator>"
            + "<cp:lastModifiedBy>PerfEval.FixtureGen</cp:lastModifiedBy>"
            + "<cp:revision>1</cp:revision>"
            + $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>"
            + $"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
            + "<dc:language>zh-CN</dc:language>"
            + "</cp:coreProperties>";
    }

    /// <summary>Rewrites the package with fixed entry timestamps so that two runs give the same bytes.</summary>
    private static byte[] NormalizeZip(byte[] bytes)
    {
        using var input = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml and the package relationships first, as Word writes them; then the parts in creation order.
            var ordered = input.Entries
                .OrderBy(e => e.FullName switch { "[Content_Types].xml" => 0, "_rels/.rels" => 1, _ => 2 })
                .ToList();
            foreach (var entry in ordered)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static Body BuildBody(GenDocument document)
    {
        var body = new Body();
        foreach (var block in document.Blocks)
        {
            body.Append(block switch
            {
                GenParagraph p => BuildParagraph(p),
                GenTable t => BuildTable(t),
                _ => throw new InvalidOperationException(block.GetType().Name),
            });
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1304U, Bottom = 1440, Left = 1304U, Header = 851U, Footer = 992U, Gutter = 0U },
            new Columns { Space = "425" },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = 312 }));
        return body;
    }

    private static Paragraph BuildParagraph(GenParagraph p)
    {
        var props = new ParagraphProperties();
        if (p.Style is not null)
        {
            props.Append(new ParagraphStyleId { Val = p.Style });
        }

        if (p.NumberingId is { } numId)
        {
            props.Append(new NumberingProperties(new NumberingLevelReference { Val = p.NumberingLevel }, new NumberingId { Val = numId }));
        }

        if (p.Align != Align.Left)
        {
            props.Append(new Justification { Val = p.Align == Align.Center ? JustificationValues.Center : JustificationValues.Right });
        }

        var paragraph = new Paragraph();
        if (props.HasChildren)
        {
            paragraph.Append(props);
        }

        if (p.Text.Length > 0)
        {
            paragraph.Append(new Run(TextOf(p.Text)));
        }

        if (p.PageBreakAfter)
        {
            paragraph.Append(new Run(new Break { Type = BreakValues.Page }));
        }

        return paragraph;
    }

    private static Text TextOf(string s) => new(s)
    {
        Space = s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) ? SpaceProcessingModeValues.Preserve : null,
    };

    private static Table BuildTable(GenTable t)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "45", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 45, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "45", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 45, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(t.Grid.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        foreach (var row in t.Rows)
        {
            var tr = new TableRow();
            if (row.IsHeader)
            {
                tr.Append(new TableRowProperties(new TableHeader()));
            }

            var col = 0;
            foreach (var cell in row.Cells)
            {
                var width = t.Grid.Skip(col).Take(cell.Span).Sum();
                col += cell.Span;
                var tcPr = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (cell.Span > 1)
                {
                    tcPr.Append(new GridSpan { Val = cell.Span });
                }

                if (cell.Merge == VMerge.Restart)
                {
                    tcPr.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }
                else if (cell.Merge == VMerge.Continue)
                {
                    tcPr.Append(new VerticalMerge());
                }

                tcPr.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var tc = new TableCell(tcPr);
                var paragraphs = cell.Merge == VMerge.Continue ? [string.Empty] : cell.Paragraphs;
                foreach (var text in paragraphs)
                {
                    var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = TableTextStyle }));
                    if (text.Length > 0)
                    {
                        p.Append(new Run(TextOf(text)));
                    }

                    tc.Append(p);
                }

                tr.Append(tc);
            }

            table.Append(tr);
        }

        return table;
    }

    private static Styles BuildStyles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "仿宋_GB2312", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Both }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

        styles.Append(Heading("Heading2", "heading 2", 1, "36"));
        styles.Append(Heading("Heading3", "heading 3", 2, "32"));

        styles.Append(new Style(
            new StyleName { Val = "Table Text" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }))
        { Type = StyleValues.Paragraph, StyleId = TableTextStyle, CustomStyle = true });

        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        return styles;

        static Style Heading(string id, string name, int outline, string size) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = "240", After = "240" },
                new Justification { Val = JustificationValues.Center },
                new OutlineLevel { Val = outline }),
            new StyleRunProperties(
                new RunFonts { EastAsia = "方正小标宋简体" },
                new Bold(),
                new FontSize { Val = size },
                new FontSizeComplexScript { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    /// <summary>
    /// One abstract list: level 0 "一、" (chineseCounting "%1、"), level 1 "（一）" (chineseCounting "（%2）"), level 2 "1、" (decimal "%3、").
    /// One w:num per report, each restarting every level at 1.
    /// </summary>
    private static Numbering BuildNumbering(int instances)
    {
        var abstractNum = new AbstractNum(
            new Nsid { Val = "5A3C2F10" },
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, NumberFormatValues.ChineseCounting, "%1、", 640),
            Level(1, NumberFormatValues.ChineseCounting, "（%2）", 640),
            Level(2, NumberFormatValues.Decimal, "%3、", 640))
        { AbstractNumberId = 1 };
        var numbering = new Numbering(abstractNum);
        for (var i = 1; i <= instances; i++)
        {
            var num = new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = i };
            for (var level = 0; level < 3; level++)
            {
                num.Append(new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = level });
            }

            numbering.Append(num);
        }

        return numbering;

        static Level Level(int ilvl, NumberFormatValues format, string text, int firstLine) => new(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelSuffix { Val = LevelSuffixValues.Nothing },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "0", FirstLine = firstLine.ToString(CultureInfo.InvariantCulture) }))
        { LevelIndex = ilvl };
    }
}
