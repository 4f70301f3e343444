namespace PerfEval.Core.Documents;

/// <summary>Decides the real format of a file from its bytes. Placeholder until the sniffer lands.</summary>
public static class FormatSniffer
{
    public static SourceFormat Sniff(ReadOnlySpan<byte> bytes, string? fileName)
    {
        _ = fileName;
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(ReadErrorCodes.Empty, "文件是空的（0 字节）。请确认上传的是已保存的报告文件。");
        }

        return bytes[0] == (byte)'P' && bytes.Length > 1 && bytes[1] == (byte)'K' ? SourceFormat.Docx : SourceFormat.Txt;
    }
}
