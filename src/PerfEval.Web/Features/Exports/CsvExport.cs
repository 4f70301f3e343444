using CsvHelper;

namespace PerfEval.Web.Features.Exports;

/// <summary>
/// CSV that Excel opens correctly with Chinese text: UTF-8 with a byte order mark, comma separated, CRLF, fields quoted
/// where needed (RFC 4180, CsvHelper). Text that a spreadsheet would run as a formula — starting with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or CR — gets a leading apostrophe (CsvHelper's injection escape, for text only:
/// numbers are written as numbers, so <c>-5</c> stays -5). Document text and unit names are untrusted. Several sheets
/// become sections, each opened by a row with its name, separated by an empty row.
/// </summary>
public static class CsvExport
{
    /// <summary>The options every export writes with.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        // Sections of different widths (a summary, then a table) in one file.
        ValidateFieldCount = false,
    };

    /// <summary>Writes the sheets as one CSV to <paramref name="stream"/> (left open).</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<ExportSheet> sheets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            var sections = sheets.Count > 1;
            for (var i = 0; i < sheets.Count; i++)
            {
                if (sections)
                {
                    if (i > 0)
                    {
                        csv.WriteField(string.Empty);
                        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                    }

                    csv.WriteField(sheets[i].Name);
                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                }

                await foreach (var row in sheets[i].Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (row.Count == 0)
                    {
                        csv.WriteField(string.Empty);
                    }

                    foreach (var cell in row)
                    {
                        Write(csv, cell);
                    }

                    await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Write(CsvWriter csv, ExportCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Text or CellKind.Header:
                csv.WriteField(cell.Text ?? string.Empty);
                break;
            case CellKind.Percent when cell.Value is decimal fraction:
                // 0.952381 → 95.24% (Excel reads it back as the number 0.9524, shown as a percentage).
                csv.WriteField(fraction, "0.00%");
                break;
            case CellKind.Count when cell.Value is decimal count:
                csv.WriteField(decimal.ToInt64(count), string.Empty);
                break;
            case CellKind.Number or CellKind.Amount when cell.Value is decimal value:
                csv.WriteField(Statistics.Numbers.Normalize(value), string.Empty);
                break;
            default:
                csv.WriteField(string.Empty);
                break;
        }
    }
}
