using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Corpus;

/// <summary>
/// Real-world .docx files from other open-source projects (see Corpus/wild-docx/ATTRIBUTION.md): every one must
/// either read or be refused with a known code, quickly, and a few are checked for what a reader would notice.
/// </summary>
public sealed class WildDocxCorpusTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Corpus", "wild-docx");

    private static readonly HashSet<string> KnownCodes =
    [
        ReadErrorCodes.Empty, ReadErrorCodes.Unsupported, ReadErrorCodes.LegacyDoc, ReadErrorCodes.LegacyWps,
        ReadErrorCodes.Encrypted, ReadErrorCodes.CorruptZip, ReadErrorCodes.ZipBomb, ReadErrorCodes.NoMainPart,
        ReadErrorCodes.Malformed, ReadErrorCodes.TooLarge, ReadErrorCodes.UnknownEncoding,
    ];

    /// <summary>Files that must be refused, with the code they must get.</summary>
    private static readonly Dictionary<string, string> ExpectedRefusals = new(StringComparer.Ordinal)
    {
        ["poi__CORRUPT_truncated62886.docx"] = ReadErrorCodes.CorruptZip,
        ["poi__CORRUPT_clusterfuzz_6442791109263360.docx"] = ReadErrorCodes.CorruptZip,
        ["poi__ODD_ExternalEntityInText.docx"] = ReadErrorCodes.Malformed,
        ["poi__ODD_stress025_no_main_part.docx"] = ReadErrorCodes.NoMainPart,
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in System.IO.Directory.GetFiles(Directory).Where(IsDocument).OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static bool IsDocument(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".docx" or ".docm" or ".dotx" or ".dotm";

    private static DocumentModel Load(string file) => DocumentLoader.Load(File.ReadAllBytes(Path.Combine(Directory, file)), file);

    [Fact]
    public void The_corpus_is_present_with_its_attribution()
    {
        Assert.True(Files().Count >= 50, $"only {Files().Count} corpus files next to the test assembly");
        Assert.True(File.Exists(Path.Combine(Directory, "ATTRIBUTION.md")));
        var attribution = File.ReadAllText(Path.Combine(Directory, "ATTRIBUTION.md"));
        Assert.All(Files(), row => Assert.Contains((string)row.Data, attribution, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_file_reads_or_is_refused_with_a_known_code_within_ten_seconds(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Directory, file), TestContext.Current.CancellationToken);
        var work = Task.Run(() => DocumentLoader.Load(bytes, file), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(finished == work, $"{file} took more than 10 s");

        try
        {
            var model = await work;
            Assert.False(ExpectedRefusals.ContainsKey(file), $"{file} should have been refused");
            Assert.Equal(Enumerable.Range(0, model.Blocks.Count), model.Blocks.Select(b => b.Index));
            Assert.Equal(Enumerable.Range(1, model.Tables.Count()), model.Tables.Select(t => t.TableNumber));
        }
        catch (DocumentReadException ex)
        {
            Assert.Contains(ex.Code, KnownCodes);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", ex.Message);
            if (ExpectedRefusals.TryGetValue(file, out var expected))
            {
                Assert.Equal(expected, ex.Code);
            }
            else
            {
                Assert.Contains("ENCRYPTED", file, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Table_spans_written_by_libreoffice_are_placed_as_in_the_xml()
    {
        var table = Assert.Single(Load("docxjs__table-spans.docx").Tables);

        Assert.Equal(6, table.ColumnCount);
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal((6, 1), (table.CellAt(5, 0)!.RowSpan, table.CellAt(5, 0)!.ColSpan));
        Assert.Equal("Test\nTest\nTest\nTest\nTest\nTest\nTest", table.CellAt(0, 0)?.Text);
        Assert.Equal(2, table.CellAt(1, 1)?.RowSpan);
        Assert.Equal((0, 4, 2), (table.CellAt(0, 5)!.Row, table.CellAt(0, 5)!.Column, table.CellAt(0, 5)!.ColSpan));
        Assert.Equal(5, table.CellAt(3, 3)?.ColSpan);
        var merged = table.CellAt(5, 5);
        Assert.NotNull(merged);
        Assert.Equal((4, 3, 2, 3), (merged.Row, merged.Column, merged.RowSpan, merged.ColSpan));
        Assert.Equal("Test Test Test\nTest Test Test\nTest Test Test", merged.Text);
    }

    [Fact]
    public void Tracked_changes_show_the_accepted_text()
    {
        var paragraph = Assert.Single(Load("docxjs__revision.docx").Paragraphs);

        Assert.Equal("Original text insered ", paragraph.Text);
        Assert.DoesNotContain("deleted", paragraph.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_deleted_with_tracked_changes_disappear_with_their_table()
    {
        var model = Load("poi-tl__636_tracked_in_table.docx");

        Assert.Empty(model.Tables);
        Assert.Equal("编号：{{{applyNo}}", model.Paragraphs.First().Text);
        Assert.DoesNotContain(model.Paragraphs, p => p.Text.Contains("项目名称", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strict_document_reads_with_its_numbering_and_table()
    {
        var model = Load("docx2python__strict.docx");

        Assert.Equal(["1.", "2."], model.Paragraphs.Where(p => p.ListLabel is not null).Select(p => p.ListLabel));
        var table = Assert.Single(model.Tables);
        Assert.Equal(["Cellaa", "Cellab", "Cellba", "Cellbb"], table.Rows.SelectMany(r => r.Cells).Select(c => c.Text));
    }

    [Fact]
    public void Main_parts_under_other_names_templates_and_macro_documents_are_read()
    {
        Assert.Equal("This is a link to my website.", Assert.Single(Load("docx2python__ODD_renamed_document_xml.docx").Paragraphs).Text);
        Assert.StartsWith("This is a sample file", Assert.Single(Load("unstructured__office365.docx").Paragraphs).Text, StringComparison.Ordinal);
        Assert.Equal("Open XML API testing Macro enabled", Assert.Single(Load("oxsdk__macro_enabled.docm").Paragraphs).Text);
        Assert.Equal(15, Load("oxsdk__IntegratedMarketingCommunicationsPlan.dotx").Tables.Count());
        Assert.Equal("This XML has a byte order mark.", Assert.Single(Load("mammoth__utf8-bom.docx").Paragraphs).Text);
    }

    [Fact]
    public void An_alt_chunk_body_reads_as_empty_with_a_warning()
    {
        var model = Load("poi__ODD_stress012_altchunk.docx");

        Assert.Empty(model.Blocks);
        Assert.Contains("altChunk", Assert.Single(model.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_nested_eight_deep_are_kept_level_by_level()
    {
        var table = Assert.Single(Load("oxsdk__complex_table_nested8.docx").Tables);

        var depth = 1;
        var cellValues = new List<string>();
        while (true)
        {
            cellValues.Add(table.CellAt(1, 1)!.Text);
            var nested = table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.NestedTables).ToList();
            if (nested.Count == 0)
            {
                break;
            }

            table = Assert.Single(nested);
            Assert.Equal(0, table.TableNumber);
            depth++;
        }

        Assert.Equal(8, depth);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], cellValues);
    }

    [Fact]
    public void Legacy_check_boxes_show_their_state()
    {
        var table = Load("docx2python__checked_boxes.docx").Tables.First();

        Assert.Equal("Office Use Only     ☐ Urgent     ☐ Routine", table.CellAt(0, 0)?.Text);
        Assert.Equal("☒ Adult Protective Services", table.CellAt(3, 0)?.Text);
    }

    [Fact]
    public void Content_controls_in_cells_and_nested_tables_in_a_chinese_document()
    {
        var model = Load("poi-tl__sdt_cell_cn.docx");

        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], model.Paragraphs.Where(p => p.Style == "a8" && p.ListLabel is not null).Select(p => p.ListLabel));
        var tables = model.Tables.ToList();
        Assert.Equal("我是{{title}}", tables[0].CellAt(0, 0)?.Text);
        Assert.Equal("我是{{title}}", Assert.Single(tables[1].CellAt(0, 0)!.NestedTables).CellAt(0, 0)?.Text);
        Assert.Equal([true, true, true, true, true, true, true, false, false], tables[3].Rows.Select(r => r.IsHeader));
    }

    [Fact]
    public void Numbered_headings_get_their_outline_labels()
    {
        var model = Load("docling__unit_test_headers_numbered.docx");

        var labels = model.Paragraphs.Where(p => p.OutlineLevel is not null && p.ListLabel is not null)
            .Select(p => (p.ListLabel, p.Text)).ToList();
        Assert.Contains(("1.", "Section 1"), labels);
        Assert.Contains(("1.1.", "Section 1.1"), labels);
        Assert.Contains(("1.2.", "Section 1.2"), labels);
        Assert.Contains(("2.", "Section 2"), labels);
    }

    [Fact]
    public void A_table_continued_over_pages_with_its_header_repeated_is_stitched()
    {
        var model = Load("oxsdk__hyperlink_632399964516872542.docx");

        var table = model.Tables.Single(t => t.CellAt(0, 0)?.Text == "Year of Birth");
        Assert.Equal(3, table.SourceTableCount);
        Assert.Single(table.Rows, r => r.Cells.Any(c => c.Text == "Manager"));
        Assert.Equal("1987", table.CellAt(table.Rows.Count - 1, 0)?.Text);
    }

    [Fact]
    public void Text_boxes_follow_their_anchor_paragraph_without_duplicates()
    {
        var texts = Load("docling__textbox.docx").Paragraphs.Select(p => p.Text).ToList();

        Assert.Single(texts, t => t == "Student falls ill");
        Assert.Contains(texts, t => t.StartsWith("Suggested Reportable Symptoms:\n", StringComparison.Ordinal));
    }
}
