using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;

namespace PerfEval.Benchmarks;

/// <summary>
/// Where a one-shot CLI process spends its time and memory: the files are processed the way
/// <c>perfeval extract … --format json</c> does (every result kept, then one JSON string for all of them, written
/// as UTF-8), but stage by stage and on one thread, with JIT compilation time, GC pauses and the working set after
/// each stage. A second pass in the same process shows the same work with the code already compiled. The last
/// stage serialises the same payloads straight to a UTF-8 stream instead of a string, for comparison.
/// With <c>--no-probes</c> the .docx probes are left out, so the reader's stage carries its whole cold cost.
/// </summary>
internal static class ColdBreakdown
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var passes = 2;
        var probes = true;
        var inputs = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--passes" && i + 1 < arguments.Count)
            {
                passes = int.Parse(arguments[++i], NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else if (arguments[i] == "--no-probes")
            {
                probes = false;
            }
            else
            {
                inputs.Add(arguments[i]);
            }
        }

        var files = inputs.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        if (files.Count == 0)
        {
            output.WriteLine("no input files");
            return 2;
        }

        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{files.Count} file(s); process start to Main: {sinceStart.TotalMilliseconds:0} ms, {JitInfo.GetCompiledMethodCount()} methods JIT-compiled so far"));
        for (var pass = 1; pass <= passes; pass++)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}{(pass == 1 ? " (cold, as one CLI run)" : " (same process, code compiled)")}:"));
            output.WriteLine($"{"stage",-40} {"ms",9} {"JIT ms",8} {"methods",8} {"GC pause ms",12} {"gen0/1/2",10} {"alloc MiB",10} {"WS MiB",8}");
            RunPass(files, probes, process, output);
        }

        process.Refresh();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MiB"));
        return 0;
    }

    private static void RunPass(List<string> files, bool probes, Process process, TextWriter output)
    {
        var bytes = new byte[files.Count][];
        var formats = new SourceFormat[files.Count];
        var models = new DocumentModel[files.Count];
        var results = new ExtractionResult[files.Count];

        Stage(output, process, "read files", () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                bytes[i] = File.ReadAllBytes(files[i]);
            }
        });
        Stage(output, process, "sniff", () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                formats[i] = FormatSniffer.Sniff(bytes[i], Path.GetFileName(files[i]));
            }
        });
        var docx = Enumerable.Range(0, files.Count).Where(i => formats[i] == SourceFormat.Docx).ToList();
        if (probes && docx.Count > 0)
        {
            // Probes that do part of what the .docx reader does with framework and SDK calls only, so their start-up
            // cost (JIT, static initialisation) is charged to them and not to the reader's stage below.
            Stage(output, process, "  probe: zip inflate all entries", () => docx.ForEach(i => Probes.InflateAll(bytes[i])));
            Stage(output, process, "  probe: Package + SDK open, main part", () => docx.ForEach(i => Probes.OpenWithSdk(bytes[i])));
            Stage(output, process, "  probe: XmlReader pass, document.xml", () => docx.ForEach(i => Probes.TokeniseMainPart(bytes[i])));
        }

        Stage(output, process, "read (format readers)", () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                models[i] = formats[i] switch
                {
                    SourceFormat.Docx => DocxReader.Read(bytes[i], ReaderLimits.Default),
                    SourceFormat.Html => HtmlReader.Read(bytes[i]),
                    _ => TxtReader.Read(bytes[i]),
                };
            }
        });
        Stage(output, process, "stitch", () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                models[i] = TableStitcher.Stitch(models[i]);
            }
        });
        Stage(output, process, "recognise", () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                results[i] = new ExtractionResult(Path.GetFileName(files[i]), models[i], FormRecognizer.Recognize(models[i]));
            }
        });

        var payloads = results.Select((r, i) => Payload(files[i], r)).ToList();
        object all = payloads.Count == 1 ? payloads[0] : new { files = payloads };
        var json = string.Empty;
        Stage(output, process, "json: serialise all to one string (CLI)", () => json = JsonSerializer.Serialize(all, JsonOutput.Options));
        Stage(output, process, "json: write that string as UTF-8", () =>
        {
            using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false));
            writer.WriteLine(json);
        });
        var length = json.Length;
        json = string.Empty;
        Stage(output, process, "json: serialise to a UTF-8 stream instead", () => JsonSerializer.Serialize(Stream.Null, all, JsonOutput.Options));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(JSON: {length / 1024.0 / 1024.0:0.0} M chars)"));
    }

    private static object Payload(string path, ExtractionResult r) => new
    {
        path,
        status = "ok",
        format = r.Document.Format,
        year = r.Submission.Year,
        unit = r.Submission.UnitName,
        forms = r.Submission.Forms,
        warnings = r.Document.Warnings,
        document = r.Document.Blocks,
    };

    private static void Stage(TextWriter output, Process process, string name, Action action)
    {
        var jitTime = JitInfo.GetCompilationTime();
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var pause = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        action();
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-40} {elapsed.TotalMilliseconds,9:0.0} {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds,8:0.0} {JitInfo.GetCompiledMethodCount() - jitMethods,8} {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds,12:0.0} {$"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}",10} {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024.0,10:0.0} {process.WorkingSet64 / 1024.0 / 1024.0,8:0.0}"));
    }
}
