using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PerfEval.Web.Tests;

/// <summary>One cell as read back from an .xlsx: its text (inline or shared string, or the number as written), its
/// style index and whether it is a formula.</summary>
internal sealed record XlsxCell(string? Text, uint Style, bool IsFormula, bool IsNumber)
{
    public decimal Number => decimal.Parse(Text!, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Reads exports back the way another program would: CSV with CsvHelper, XLSX with the Open XML SDK.</summary>
internal static class ExportReading
{
    /// <summary>Every record of a CSV as its fields (no header handling: sections have their own).</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    /// <summary>The sheets in workbook order, each as rows of cells placed by their references (gaps are null).</summary>
    public static List<(string Name, List<XlsxCell?[]> Rows)> Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new List<(string, List<XlsxCell?[]>)>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<XlsxCell?[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var index = (int)row.RowIndex!.Value;
                while (rows.Count < index)
                {
                    rows.Add([]);
                }

                var cells = row.Elements<Cell>().ToList();
                var width = cells.Count == 0 ? 0 : cells.Max(c => ColumnIndex(c.CellReference!)) + 1;
                var values = new XlsxCell?[width];
                foreach (var cell in cells)
                {
                    var type = cell.DataType?.Value;
                    var text = type == CellValues.InlineString ? cell.InlineString!.InnerText
                        : type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                        : cell.CellValue?.Text;
                    values[ColumnIndex(cell.CellReference!)] = new XlsxCell(
                        text, cell.StyleIndex?.Value ?? 0, cell.CellFormula is not null, type is null || type == CellValues.Number);
                }

                rows[index - 1] = values;
            }

            sheets.Add((sheet.Name!.Value!, rows));
        }

        return sheets;
    }

    /// <summary>What the Open XML SDK's schema validation says of the package (Excel refuses far less than this).</summary>
    public static List<string> Validate(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The number format of a cell style (10 is 0.00%, 4 is #,##0.00).</summary>
    public static uint NumberFormatOf(byte[] bytes, uint style)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return formats[(int)style].NumberFormatId?.Value ?? 0;
    }

    public static bool HasFrozenHeaderAndFilter(byte[] bytes, string sheetName)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().SingleOrDefault();
        return pane?.State?.Value == PaneStateValues.Frozen && pane.TopLeftCell == "A2" && worksheet.Elements<AutoFilter>().Any();
    }

    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
