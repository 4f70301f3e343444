using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerfEval.Benchmarks;

/// <summary>
/// Writes a deterministic .docx holding one very large project-expenditure detail table (项目支出明细表), the
/// worst case a unit might upload. The body is streamed with <see cref="OpenXmlWriter"/>, so writing 20,000 rows
/// costs well under a second and no DOM of the table is ever built.
/// </summary>
/// <remarks>
/// Layout: a title paragraph, then the table: one repeated header row (w:tblHeader), data rows, and every
/// <see cref="SubtotalEvery"/> rows a subtotal row whose first three columns are one gridSpan=3 cell. The
/// funding-source column is vertically merged (vMerge restart/continue) over runs of <see cref="FundingRun"/> data
/// rows. Every row counts toward <c>rows</c>, so the table has exactly that many w:tr. Cell text is realistic
/// Chinese with amounts, rates and indicator thresholds; the same arguments always give the same document.xml.
/// </remarks>
internal static class BigTableDocx
{
    public const int DefaultRows = 20_000;
    public const int DefaultColumns = 8;

    /// <summary>One subtotal row (gridSpan over the first three columns) after this many rows.</summary>
    public const int SubtotalEvery = 1_000;

    /// <summary>Data rows that share one vertically merged funding-source cell.</summary>
    public const int FundingRun = 500;

    private const int FundingColumn = 2;

    private static readonly string[] Headers =
        ["序号", "项目名称", "资金来源", "年初预算数（万元）", "全年执行数（万元）", "执行率", "绩效指标完成情况", "备注"];

    private static readonly string[] Places =
        ["城关镇", "新市镇", "古培镇", "长乐镇", "大荆镇", "归义镇", "屈子祠镇", "白塘镇", "川山坪镇", "弼时镇", "神鼎山镇", "桃林寺镇"];

    private static readonly string[] Programs =
        ["残疾人康复救助", "残疾儿童康复训练", "辅助器具适配", "残疾人职业技能培训", "困难残疾人生活补贴", "重度残疾人护理补贴",
         "残疾人家庭无障碍改造", "盲人按摩机构扶持", "残疾人托养服务", "残疾人就业创业扶持", "精神障碍患者社区康复", "残疾学生资助"];

    private static readonly string[] Sources =
        ["中央财政补助资金", "省级财政专项资金", "市级财政专项资金", "县本级财政预算安排", "残疾人就业保障金", "福利彩票公益金"];

    private static readonly string[] Indicators =
        ["受益残疾人数", "培训合格人数", "适配辅具件数", "改造户数", "补贴发放人次", "服务对象满意度"];

    private static readonly string[] Units = ["人", "人", "件", "户", "人次", "%"];

    private static readonly string[] Remarks =
        ["按计划完成", "已全部拨付到位", "部分资金结转下年使用", "因疫情影响进度滞后，已于四季度追赶", "与上年相比服务人数增加", "资金拨付及时，无挤占挪用"];

    /// <summary>The file a benchmark or script uses for the given size, under the system temp folder.</summary>
    public static string DefaultPath(int rows = DefaultRows, int columns = DefaultColumns) =>
        Path.Combine(Path.GetTempPath(), "perfeval-bench", $"big-table-{rows}x{columns}.docx");

    /// <summary>Writes the file unless it already exists; returns its path.</summary>
    public static string EnsureWritten(string path, int rows = DefaultRows, int columns = DefaultColumns)
    {
        if (!File.Exists(path))
        {
            Write(path, rows, columns);
        }

        return path;
    }

    /// <summary>Writes a .docx with one table of <paramref name="rows"/> rows (header included) and <paramref name="columns"/> columns.</summary>
    public static void Write(string path, int rows, int columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 3);

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Write to a sibling file and move it into place, so a concurrent reader never sees half a package.
        var partial = path + ".partial";
        using (var document = WordprocessingDocument.Create(partial, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var writer = OpenXmlWriter.Create(main);
            new BodyWriter(writer, columns).Write(rows);
        }

        File.Move(partial, path, overwrite: true);
    }

    private sealed class BodyWriter(OpenXmlWriter writer, int columns)
    {
        // Elements are only templates for their names: OpenXmlWriter writes the start tag, never the children.
        private readonly TableRow _row = new();
        private readonly TableCell _cell = new();
        private readonly Paragraph _paragraph = new();
        private readonly Run _run = new();
        private readonly Text _text = new();
        private readonly string[] _widths = Enumerable.Range(0, columns).Select(c => (c == 1 ? 2400 : 1100).ToString(CultureInfo.InvariantCulture)).ToArray();
        private readonly RunProperties _runProperties = new(new FontSize { Val = "18" });
        private TableCellProperties[] _plainCellProperties = [];
        private ulong _state = 0x9E3779B97F4A7C15UL;

        public void Write(int rows)
        {
            // Elements written whole are built once and written many times: WriteElement only serialises them.
            _plainCellProperties = Enumerable.Range(0, columns).Select(c => CellProperties(c, null, 1)).ToArray();
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Document());
            writer.WriteStartElement(new Body());

            WriteParagraph("2023年度项目支出绩效自评明细表", new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }));
            WriteParagraph("单位：万元", null);

            writer.WriteStartElement(new Table());
            writer.WriteElement(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }));
            var grid = new TableGrid();
            foreach (var width in _widths)
            {
                grid.AppendChild(new GridColumn { Width = width });
            }

            writer.WriteElement(grid);
            WriteHeaderRow();

            var dataRow = 0;
            for (var r = 1; r < rows; r++)
            {
                if (r % SubtotalEvery == 0)
                {
                    WriteSubtotalRow(r / SubtotalEvery);
                }
                else
                {
                    WriteDataRow(dataRow++);
                }
            }

            writer.WriteEndElement(); // w:tbl
            WriteParagraph("注：执行率 = 全年执行数 ÷ 年初预算数。", null);
            writer.WriteElement(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1800U, Bottom = 1440, Left = 1800U }));
            writer.WriteEndElement(); // w:body
            writer.WriteEndElement(); // w:document
        }

        private void WriteHeaderRow()
        {
            writer.WriteStartElement(_row);
            writer.WriteElement(new TableRowProperties(new TableHeader()));
            for (var c = 0; c < columns; c++)
            {
                WriteCell(c < Headers.Length ? Headers[c] : $"补充说明{c - Headers.Length + 1}", c, null);
            }

            writer.WriteEndElement();
        }

        private void WriteSubtotalRow(int number)
        {
            writer.WriteStartElement(_row);
            WriteCell($"第{number}部分小计", 0, new GridSpan { Val = FundingColumn + 1 }, spanColumns: FundingColumn + 1);
            for (var c = FundingColumn + 1; c < columns; c++)
            {
                WriteCell(c switch
                {
                    3 or 4 => Amount(NextRange(500_000, 5_000_000)),
                    5 => Rate(NextRange(8_500, 10_000)),
                    _ => "—",
                }, c, null);
            }

            writer.WriteEndElement();
        }

        private void WriteDataRow(int dataRow)
        {
            writer.WriteStartElement(_row);
            var budget = NextRange(1_000, 900_000); // hundredths of 万元
            var spent = budget * (long)NextRange(7_000, 10_000) / 10_000;
            for (var c = 0; c < columns; c++)
            {
                switch (c)
                {
                    case 0:
                        WriteCell((dataRow + 1).ToString(CultureInfo.InvariantCulture), c, null);
                        break;
                    case 1:
                        WriteCell($"{Pick(Places)}{Pick(Programs)}项目（第{dataRow % 37 + 1}批）", c, null);
                        break;
                    case FundingColumn:
                        var restart = dataRow % FundingRun == 0;
                        WriteCell(
                            restart ? Sources[dataRow / FundingRun % Sources.Length] : null,
                            c,
                            new VerticalMerge { Val = restart ? MergedCellValues.Restart : MergedCellValues.Continue });
                        break;
                    case 3:
                        WriteCell(Amount(budget), c, null);
                        break;
                    case 4:
                        WriteCell(Amount(spent), c, null);
                        break;
                    case 5:
                        WriteCell(Rate(budget == 0 ? 0 : (int)(spent * 10_000 / budget)), c, null);
                        break;
                    case 6:
                        var i = NextRange(0, Indicators.Length);
                        WriteCell(Units[i] == "%"
                            ? $"{Indicators[i]}≥{NextRange(85, 100)}%，实际{NextRange(85, 100)}%"
                            : $"{Indicators[i]}≥{NextRange(10, 500)}{Units[i]}，实际完成{NextRange(10, 600)}{Units[i]}", c, null);
                        break;
                    default:
                        WriteCell(Pick(Remarks), c, null);
                        break;
                }
            }

            writer.WriteEndElement();
        }

        /// <summary>Writes one w:tc: width (and a merge, if any), one paragraph, one run with a font size, the text.</summary>
        private void WriteCell(string? text, int column, OpenXmlLeafElement? merge, int spanColumns = 1)
        {
            writer.WriteStartElement(_cell);
            writer.WriteElement(merge is null ? _plainCellProperties[column] : CellProperties(column, merge, spanColumns));
            writer.WriteStartElement(_paragraph);
            if (text is not null)
            {
                writer.WriteStartElement(_run);
                writer.WriteElement(_runProperties);
                writer.WriteStartElement(_text);
                writer.WriteString(text);
                writer.WriteEndElement(); // w:t
                writer.WriteEndElement(); // w:r
            }

            writer.WriteEndElement(); // w:p
            writer.WriteEndElement(); // w:tc
        }

        private TableCellProperties CellProperties(int column, OpenXmlLeafElement? merge, int spanColumns)
        {
            var width = _widths.Skip(column).Take(spanColumns).Sum(w => int.Parse(w, CultureInfo.InvariantCulture));
            var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (merge is not null)
            {
                properties.AppendChild(merge);
            }

            properties.AppendChild(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            return properties;
        }

        private void WriteParagraph(string text, ParagraphProperties? properties)
        {
            writer.WriteStartElement(_paragraph);
            if (properties is not null)
            {
                writer.WriteElement(properties);
            }

            writer.WriteStartElement(_run);
            writer.WriteStartElement(_text);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private static string Amount(long hundredths) => (hundredths / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

        private static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

        private string Pick(string[] values) => values[NextRange(0, values.Length)];

        /// <summary>xorshift64*: deterministic on every runtime, unlike System.Random's unseeded or future algorithms.</summary>
        private int NextRange(int minInclusive, int maxExclusive)
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            var value = _state * 0x2545F4914F6CDD1DUL;
            return minInclusive + (int)((value >> 33) % (ulong)(maxExclusive - minInclusive));
        }
    }
}
