namespace PerfEval.Core.Documents;

/// <summary>Reads Html into the document model. Placeholder until the reader lands.</summary>
public static class HtmlReader
{
    public static DocumentModel Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        throw new DocumentReadException(ReadErrorCodes.Unsupported, "暂不支持该格式。");
    }
}
