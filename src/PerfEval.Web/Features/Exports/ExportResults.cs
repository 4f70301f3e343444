using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace PerfEval.Web.Features.Exports;

/// <summary>Sends sheets as a download: CSV streamed as it is written, XLSX built in a temporary file first (a zip
/// package needs a seekable stream) and deleted once sent. The Chinese file name goes out as <c>filename*</c> (UTF-8),
/// with a readable ASCII <c>filename</c> for clients that do not read it.</summary>
internal static class ExportResults
{
    public static async Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> FileAsync(
        HttpResponse response,
        IReadOnlyList<ExportSheet> sheets,
        ExportFormat format,
        string fileName,
        string asciiFileName,
        CancellationToken cancellationToken)
    {
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = asciiFileName,
            FileNameStar = fileName,
        }.ToString();
        if (format == ExportFormat.Csv)
        {
            return TypedResults.Stream(body => CsvExport.WriteAsync(body, sheets, cancellationToken), ExportFormats.CsvContentType);
        }

        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "perfeval-export-" + Guid.NewGuid().ToString("N") + ".xlsx"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await XlsxExport.WriteAsync(file, sheets, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, ExportFormats.XlsxContentType);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The 400 for a <c>format</c> that is neither csv nor xlsx.</summary>
    public static ProblemHttpResult BadFormat() =>
        Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "导出格式有误", "format 只能是 csv 或 xlsx。");
}
