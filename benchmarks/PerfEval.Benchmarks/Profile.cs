using System.Globalization;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;

namespace PerfEval.Benchmarks;

/// <summary>
/// Deterministic measures for a shared, noisy machine: the bytes each stage allocates per operation (exact for the
/// same code and input), and a plain loop to run under <c>valgrind --tool=callgrind</c>, whose instruction counts do
/// not depend on the load either. Wall time is deliberately not reported.
/// </summary>
/// <remarks>
/// For callgrind, run with <c>DOTNET_TieredCompilation=0</c> so every method is compiled once, fully optimised,
/// and no background tier-up thread makes the count vary between runs.
/// </remarks>
internal static class Profile
{
    public static int Run(string path, int iterations, string stage, TextWriter output)
    {
        var bytes = File.ReadAllBytes(path);
        var fileName = Path.GetFileName(path);
        var document = DocumentLoader.Load(bytes, fileName);
        Func<object> action = stage switch
        {
            "load" => () => DocumentLoader.Load(bytes, fileName),
            "recognise" => () => FormRecognizer.Recognize(document),
            "extract" => () => Extractor.Extract(bytes, fileName),
            "check" => () => Evaluator.Check(bytes, fileName),

            // The lower bounds of Probes, to see what the .docx reader costs above the framework.
            "inflate" => () => Probes.InflateAll(bytes),
            "tokenise" => () => Probes.TokeniseMainPart(bytes),
            "open" => () => Probes.OpenWithSdk(bytes),
            _ => throw new ArgumentException($"unknown stage: {stage} (load, recognise, extract, check, inflate, tokenise, open)", nameof(stage)),
        };

        // One call first, so that one-time allocations (static caches, regex instances) are not counted per operation.
        GC.KeepAlive(action());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            GC.KeepAlive(action());
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName} {stage}: {iterations} iterations, {allocated / (double)iterations:0} bytes allocated per operation"));
        return 0;
    }
}
