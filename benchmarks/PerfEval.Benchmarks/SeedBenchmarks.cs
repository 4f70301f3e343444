using BenchmarkDotNet.Attributes;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Benchmarks;

/// <summary>The seed report (about 26 KB .docx, 36 KB .txt) read and recognised in-process; the bytes are loaded once.</summary>
/// <remarks>
/// Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class. Min and median are shown
/// because a shared 2-core machine is noisy: the mean alone mixes in other processes.
/// </remarks>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class SeedBenchmarks
{
    private byte[] _docx = [];
    private byte[] _txt = [];

    [GlobalSetup]
    public void Setup()
    {
        _docx = SampleDocs.Read(SampleDocs.SeedDocx);
        _txt = SampleDocs.Read(SampleDocs.SeedTxt);
    }

    /// <summary>(a) Sniff, read, stitch and recognise the seed .docx — target under 2 ms.</summary>
    [Benchmark(Baseline = true)]
    public ExtractionResult ExtractSeedDocx() => Extractor.Extract(_docx, SampleDocs.SeedDocx);

    /// <summary>(b) The same report as tab-separated text.</summary>
    [Benchmark]
    public ExtractionResult ExtractSeedTxt() => Extractor.Extract(_txt, SampleDocs.SeedTxt);

    /// <summary>Extraction plus every consistency rule on the seed .docx — target under 5 ms.</summary>
    [Benchmark]
    public CheckResult CheckSeedDocx() => Evaluator.Check(_docx, SampleDocs.SeedDocx);

    /// <summary>(c) Reading only: sniff, .docx reader and stitching, no form recognition.</summary>
    [Benchmark]
    public DocumentModel LoadSeedDocx() => DocumentLoader.Load(_docx, SampleDocs.SeedDocx);
}
