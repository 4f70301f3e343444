using PerfEval.Core.Documents;
using PerfEval.Core.Forms;

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
