using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Cli;

/// <summary>perfeval extract: prints the typed forms and the document model of each file.</summary>
internal static class ExtractCommand
{
    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    public static int Run(IReadOnlyList<string> paths, string format, bool includeDocument, OutputStream output, TextWriter stderr)
    {
        var files = InputFiles.Expand(paths, stderr, out var missing);
        if (files.Count == 0)
        {
            stderr.WriteLine("没有可读取的文件。用法：perfeval extract <文件或文件夹>... [--format json|text]");
            return ExitCodes.Usage;
        }

        var failed = missing;
        var single = files.Count == 1;
        var json = single ? JsonOutput.Options : Compact;
        if (format == "json" && !single)
        {
            output.Raw("{\"files\":[");
        }

        OutputStream.InOrder(files, Read, (index, outcome) =>
        {
            if (outcome.Result is null)
            {
                failed = true;
                stderr.WriteLine(outcome.ErrorLine);
            }

            if (format == "text")
            {
                if (outcome.Result is { } result)
                {
                    output.Text(w =>
                    {
                        TextOutline.Write(result, w);
                        w.WriteLine();
                    });
                }

                return;
            }

            if (index > 0)
            {
                output.Raw(",");
            }

            output.Json(Payload(outcome, includeDocument), json);
        });

        if (format == "json")
        {
            output.Raw(single ? "\n" : "]}\n");
        }

        return failed ? ExitCodes.Usage : ExitCodes.Ok;
    }

    private static Outcome Read(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            return new Outcome(path, Extractor.Extract(File.ReadAllBytes(path), name), null, null);
        }
        catch (DocumentReadException ex)
        {
            return new Outcome(path, null, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Outcome(path, null, "io-error", $"无法打开文件：{ex.Message}");
        }
    }

    private static object Payload(Outcome o, bool includeDocument) => o.Result is { } r
        ? new
        {
            path = o.Path,
            status = "ok",
            format = r.Document.Format,
            year = r.Submission.Year,
            unit = r.Submission.UnitName,
            forms = r.Submission.Forms,
            warnings = r.Document.Warnings,
            document = includeDocument ? r.Document.Blocks : null,
        }
        : new
        {
            path = o.Path,
            status = "failed",
            error = new { code = o.Code, message = o.Message },
        };

    private sealed record Outcome(string Path, ExtractionResult? Result, string? Code, string? Message)
    {
        public string ErrorLine => $"无法读取 {System.IO.Path.GetFileName(Path)}：{Message}（错误代码 {Code}）";
    }
}
