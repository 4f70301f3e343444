using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Web.Charts;

namespace PerfEval.Web.Features.Exports;

/// <summary>
/// Writes sheets into an .xlsx (Open XML SDK, rows streamed with <see cref="OpenXmlWriter"/> so a long findings list is
/// never a DOM in memory). Text is written as inline strings — never formulas, so text from a document cannot run in
/// Excel; numbers are numbers, percentages 0.00%, amounts #,##0.00. A table sheet's header row is frozen and filtered.
/// </summary>
public static class XlsxExport
{
    private const uint HeaderStyle = 1;
    private const uint PercentStyle = 2;
    private const uint AmountStyle = 3;

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open; it must be seekable, e.g. a file or memory).</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<ExportSheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

        var list = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var filter = await WriteSheetAsync(part, sheet, i == 0, cancellationToken);
            list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheet.Name });
            if (filter is not null)
            {
                names.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{filter}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }
        }

        var workbook = new Workbook(list);
        if (names.HasChildren)
        {
            workbook.Append(names);
        }

        workbookPart.Workbook = workbook;
    }

    /// <summary>The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Writes one worksheet; returns the absolute range of its auto-filter, if it has one.</summary>
    private static async Task<string?> WriteSheetAsync(WorksheetPart part, ExportSheet sheet, bool selected, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());

        var view = new SheetView { WorkbookViewId = 0U, TabSelected = selected };
        if (sheet.HeaderRow)
        {
            view.Append(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        }

        writer.WriteElement(new SheetViews(view));
        if (sheet.Widths.Count > 0)
        {
            writer.WriteElement(new Columns(sheet.Widths.Select((w, i) =>
                new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
        uint rowIndex = 0;
        var columns = 0;
        await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
        {
            rowIndex++;
            writer.WriteStartElement(new Row { RowIndex = rowIndex });
            for (var c = 0; c < row.Count; c++)
            {
                if (!row[c].IsEmpty)
                {
                    writer.WriteElement(CellOf(row[c], ColumnName(c) + rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            columns = Math.Max(columns, row.Count);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        string? filter = null;
        if (sheet.HeaderRow && rowIndex > 0 && columns > 0)
        {
            var last = ColumnName(columns - 1);
            writer.WriteElement(new AutoFilter { Reference = $"A1:{last}{rowIndex}" });
            filter = $"$A$1:${last}${rowIndex}";
        }

        writer.WriteEndElement();
        return filter;
    }

    private static Cell CellOf(ExportCell cell, string reference)
    {
        switch (cell.Kind)
        {
            case CellKind.Text or CellKind.Header:
                var text = XmlText.Clean(cell.Text);
                var element = new Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    element.Space = SpaceProcessingModeValues.Preserve;
                }

                return new Cell(new InlineString(element))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = cell.Kind == CellKind.Header ? HeaderStyle : null,
                };
            default:
                var value = cell.Value ?? 0m;
                return new Cell(new CellValue(value))
                {
                    CellReference = reference,
                    StyleIndex = cell.Kind switch
                    {
                        CellKind.Percent => PercentStyle,
                        CellKind.Amount => AmountStyle,
                        _ => null,
                    },
                };
        }
    }

    /// <summary>0 default, 1 bold heading, 2 0.00% (built-in 10), 3 #,##0.00 (built-in 4).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 10U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
