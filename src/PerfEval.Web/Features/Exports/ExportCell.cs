namespace PerfEval.Web.Features.Exports;

/// <summary>What a cell holds, which decides how CSV writes it and how XLSX types and formats it.</summary>
public enum CellKind
{
    /// <summary>Text; in CSV escaped against formula injection.</summary>
    Text,

    /// <summary>A column or section heading (bold in XLSX).</summary>
    Header,

    /// <summary>A count.</summary>
    Count,

    /// <summary>A plain number (a score, a figure from a finding).</summary>
    Number,

    /// <summary>An amount in 万元 (XLSX shows #,##0.00 and keeps every digit).</summary>
    Amount,

    /// <summary>A fraction shown as a percentage: CSV writes <c>95.24%</c>, XLSX stores 0.9524 formatted 0.00%.</summary>
    Percent,
}

/// <summary>One cell of an export; a null value is an empty cell.</summary>
public readonly record struct ExportCell(CellKind Kind, string? Text, decimal? Value)
{
    public bool IsEmpty => Text is null && Value is null;

    public static ExportCell Of(string? text) => new(CellKind.Text, text, null);

    public static ExportCell Head(string text) => new(CellKind.Header, text, null);

    public static ExportCell Of(int? value) => new(CellKind.Count, null, value);

    public static ExportCell Number(decimal? value) => new(CellKind.Number, null, value);

    public static ExportCell Amount(decimal? value) => new(CellKind.Amount, null, value);

    public static ExportCell Percent(decimal? fraction) => new(CellKind.Percent, null, fraction);

    public static ExportCell YesNo(bool value) => Of(value ? "是" : "否");
}

/// <summary>A sheet of an XLSX export (a section of a CSV one).</summary>
/// <param name="Name">The sheet's name (≤ 31 characters).</param>
/// <param name="Widths">Column widths in characters.</param>
/// <param name="Rows">The rows, read once.</param>
/// <param name="HeaderRow">True when the first row is a table header: frozen, and filtered in XLSX.</param>
public sealed record ExportSheet(string Name, IReadOnlyList<double> Widths, IAsyncEnumerable<IReadOnlyList<ExportCell>> Rows, bool HeaderRow);

/// <summary>The two formats every export comes in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

internal static class ExportFormats
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Reads <c>format</c>: <c>csv</c> or <c>xlsx</c> (the default).</summary>
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            default:
                format = ExportFormat.Xlsx;
                return false;
        }
    }

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? CsvContentType : XlsxContentType;
}
