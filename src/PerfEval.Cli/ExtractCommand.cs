using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Cli;

/// <summary>perfeval extract: prints the typed forms and the document model of one file.</summary>
internal static class ExtractCommand
{
    public static int Run(FileInfo file, string format, bool includeDocument, TextWriter stdout, TextWriter stderr)
    {
        ExtractionResult result;
        try
        {
            result = Extractor.Extract(File.ReadAllBytes(file.FullName), file.Name);
        }
        catch (DocumentReadException ex)
        {
            stderr.WriteLine($"无法读取 {file.Name}：{ex.Message}（错误代码 {ex.Code}）");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法打开文件 {file.FullName}：{ex.Message}");
            return ExitCodes.Usage;
        }

        if (format == "text")
        {
            TextOutline.Write(result, stdout);
        }
        else
        {
            var payload = new
            {
                file = result.FileName,
                format = result.Document.Format,
                year = result.Submission.Year,
                unit = result.Submission.UnitName,
                forms = result.Submission.Forms,
                warnings = result.Document.Warnings,
                document = includeDocument ? result.Document.Blocks : null,
            };
            stdout.WriteLine(JsonSerializer.Serialize(payload, JsonOutput.Options));
        }

        return ExitCodes.Ok;
    }
}
