namespace PerfEval.Core.Documents;

/// <summary>Reads Docx into the document model. Placeholder until the reader lands.</summary>
public static class DocxReader
{
    public static DocumentModel Read(byte[] bytes, ReaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        throw new DocumentReadException(ReadErrorCodes.Unsupported, "暂不支持该格式。");
    }
}
