using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;

namespace PerfEval.Benchmarks;

/// <summary>
/// A Stopwatch breakdown of one file through the pipeline the CLI runs, stage by stage, with the bytes each stage
/// allocates: file read, sniffing, the reader, stitching, recognition, JSON serialisation. For a .docx it also
/// times two lower bounds of the reader built only from the framework: inflating every zip entry, and inflating
/// plus tokenising the main document part with a bare <see cref="XmlReader"/>. What the reader costs above the
/// second is its own work (package opening, styles and numbering, building cells and the model).
/// </summary>
/// <remarks>Only public APIs of PerfEval.Core are used, so the tool keeps working while the readers change.</remarks>
internal static class Breakdown
{
    private const int WarmupPasses = 60;
    private const double WarmupSeconds = 3;

    public static int Run(string path, int iterations, TextWriter output)
    {
        var fileName = Path.GetFileName(path);
        var stages = new List<Stage>();
        Stage Get(string name)
        {
            var stage = stages.Find(s => s.Name == name);
            if (stage is null)
            {
                stage = new Stage(name);
                stages.Add(stage);
            }

            return stage;
        }

        // Warm-up passes are not measured: enough calls for tiered JIT to promote the hot methods to optimised code,
        // then a pause for the background compiler, so the figures are steady state like BenchmarkDotNet's.
        // A large file gets fewer passes (at most WarmupSeconds' worth): its per-element loops warm up within one pass.
        var warmup = WarmupPasses;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < warmup + iterations; i++)
        {
            if (i < warmup && i > 0 && Stopwatch.GetElapsedTime(started).TotalSeconds > WarmupSeconds)
            {
                warmup = i;
            }

            if (i == warmup)
            {
                Thread.Sleep(500);
            }

            var measured = i >= warmup;
            var bytes = Measure(Get("file read"), measured, () => File.ReadAllBytes(path));
            var format = Measure(Get("sniff"), measured, () => FormatSniffer.Sniff(bytes, fileName));
            long inflated = 0, xmlNodes = 0;
            if (format == SourceFormat.Docx)
            {
                inflated = Measure(Get("  zip: inflate all entries"), measured, () => Probes.InflateAll(bytes));
                xmlNodes = Measure(Get("  xml: inflate + XmlReader pass (document.xml)"), measured, () => Probes.TokeniseMainPart(bytes));
                Measure(Get("  package: Package + SDK open, main part"), measured, () => Probes.OpenWithSdk(bytes));
            }

            var raw = Measure(Get($"read ({format} reader)"), measured, () => format switch
            {
                SourceFormat.Docx => DocxReader.Read(bytes, ReaderLimits.Default),
                SourceFormat.Html => HtmlReader.Read(bytes),
                _ => TxtReader.Read(bytes),
            });
            var document = Measure(Get("stitch"), measured, () => TableStitcher.Stitch(raw));
            var submission = Measure(Get("recognise"), measured, () => FormRecognizer.Recognize(document));
            var result = new ExtractionResult(fileName, document, submission);
            var json = Measure(Get("json: serialise to string"), measured, () => JsonSerializer.Serialize(Payload(path, result), JsonOutput.Options));
            Measure(Get("json: write string as UTF-8"), measured, () => WriteUtf8(json));
            Measure(Get("total: Extractor.Extract"), measured, () => Extractor.Extract(bytes, fileName));
            if (i == 0)
            {
                var tables = document.Tables.ToList();
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{fileName}: {bytes.Length / 1024.0:0.0} KiB, {format}, {document.Blocks.Count} blocks, {tables.Count} tables, {tables.Sum(t => t.Rows.Sum(r => r.Cells.Count))} cells, {submission.Forms.Count} forms, JSON {Encoding.UTF8.GetByteCount(json) / 1024.0:0.0} KiB"));
                if (format == SourceFormat.Docx)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zip entries inflate to {inflated / 1024.0:0.0} KiB; {Probes.MainPart} has {xmlNodes} XML nodes"));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{iterations} measured iterations after {warmup} warm-up passes; median and min wall time, median bytes allocated:"));
        output.WriteLine($"{"stage",-50} {"median ms",10} {"min ms",10} {"alloc MiB",10}");
        foreach (var stage in stages)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{stage.Name,-50} {stage.MedianMs,10:0.000} {stage.MinMs,10:0.000} {stage.MedianAllocatedMiB,10:0.00}"));
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MiB; GC heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0.0} MiB"));
        return 0;
    }

    /// <summary>The JSON object the CLI prints for one successfully read file.</summary>
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

    private static T Measure<T>(Stage stage, bool measured, Func<T> action)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var value = action();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (measured)
        {
            stage.Add(elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        return value;
    }

    private static long WriteUtf8(string json)
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false));
        writer.WriteLine(json);
        return json.Length;
    }

    private sealed class Stage(string name)
    {
        private readonly List<double> _milliseconds = [];
        private readonly List<long> _allocated = [];

        public string Name { get; } = name;

        public double MedianMs => Median(_milliseconds);

        public double MinMs => _milliseconds.Count == 0 ? 0 : _milliseconds.Min();

        public double MedianAllocatedMiB => Median(_allocated.Select(a => (double)a).ToList()) / 1024 / 1024;

        public void Add(double milliseconds, long allocated)
        {
            _milliseconds.Add(milliseconds);
            _allocated.Add(allocated);
        }

        private static double Median(List<double> values)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
