using PerfEval.Core.Documents;
using PerfEval.Core.Forms;
using PerfEval.Core.Rules;

namespace PerfEval.Core.Evaluation;

/// <summary>What reading one file gives: the document as written and the forms recognised in it.</summary>
public sealed record ExtractionResult(string FileName, DocumentModel Document, Submission Submission);

/// <summary>The one entry point the CLI and the workers call to turn a file's bytes into the structured model.</summary>
public static class Extractor
{
    /// <summary>Reads and recognises a file; unreadable input throws <see cref="DocumentReadException"/>.</summary>
    public static ExtractionResult Extract(byte[] bytes, string fileName, ReaderLimits? limits = null)
    {
        var document = DocumentLoader.Load(bytes, fileName, limits);
        var submission = FormRecognizer.Recognize(document);
        return new ExtractionResult(fileName, document, submission);
    }
}

/// <summary>Extraction plus the consistency checks: what `perfeval check` and the workers produce for a file.</summary>
public sealed record CheckResult(ExtractionResult Extraction, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>Reads a file and checks it.</summary>
public static class Evaluator
{
    public static CheckResult Check(byte[] bytes, string fileName, ReaderLimits? limits = null)
    {
        var extraction = Extractor.Extract(bytes, fileName, limits);
        return new CheckResult(extraction, Checker.Check(extraction.Submission));
    }
}
