using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Cli;

/// <summary>perfeval extract: prints the typed forms and the document model of each file.</summary>
internal static class ExtractCommand
{
    public static int Run(IReadOnlyList<string> paths, string format, bool includeDocument, TextWriter stdout, TextWriter stderr)
    {
        var files = InputFiles.Expand(paths, stderr, out var missing);
        if (files.Count == 0)
        {
            stderr.WriteLine("没有可读取的文件。用法：perfeval extract <文件或文件夹>... [--format json|text]");
            return ExitCodes.Usage;
        }

        // Files are independent: read them on all cores, print them in the order given.
        var results = new Outcome[files.Count];
        Parallel.For(0, files.Count, i => results[i] = Read(files[i]));

        var failed = missing;
        if (format == "text")
        {
            foreach (var outcome in results)
            {
                if (outcome.Result is { } result)
                {
                    TextOutline.Write(result, stdout);
                    stdout.WriteLine();
                }
                else
                {
                    failed = true;
                    stderr.WriteLine(outcome.ErrorLine);
                }
            }
        }
        else
        {
            var payloads = results.Select(o => Payload(o, includeDocument)).ToList();
            foreach (var outcome in results.Where(o => o.Result is null))
            {
                failed = true;
                stderr.WriteLine(outcome.ErrorLine);
            }

            object output = payloads.Count == 1 ? payloads[0] : new { files = payloads };
            stdout.WriteLine(JsonSerializer.Serialize(output, JsonOutput.Options));
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
