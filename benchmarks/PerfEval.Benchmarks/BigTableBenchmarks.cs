using BenchmarkDotNet.Attributes;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Benchmarks;

/// <summary>
/// (d) One 20,000-row × 8-column table (see <see cref="BigTableDocx"/>), generated into the temp folder at setup
/// if it is not there yet, then read from memory.
/// </summary>
/// <remarks>
/// Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class. Min and median are shown
/// because a shared 2-core machine is noisy: the mean alone mixes in other processes.
/// </remarks>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class BigTableBenchmarks
{
    private const string FileName = "big-table.docx";
    private byte[] _docx = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = BigTableDocx.EnsureWritten(BigTableDocx.DefaultPath());
        _docx = File.ReadAllBytes(path);
    }

    /// <summary>The whole pipeline: sniff, read, stitch, recognise.</summary>
    [Benchmark(Baseline = true)]
    public ExtractionResult ExtractBigTable() => Extractor.Extract(_docx, FileName);

    /// <summary>Reading only, to separate the reader's cost from recognition.</summary>
    [Benchmark]
    public DocumentModel LoadBigTable() => DocumentLoader.Load(_docx, FileName);
}
