using PerfEval.Core.Documents.Text;

namespace PerfEval.Core.Documents;

/// <summary>
/// Reads a report saved as plain text: detects the encoding (BOM, strict UTF-8, GB18030/Big5), then recognises the
/// TAB-per-cell table export (see <see cref="TabbedTextParser"/>); text without tables becomes one paragraph per line.
/// </summary>
public static class TxtReader
{
    public static DocumentModel Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text.AsSpan().Trim().IsEmpty)
        {
            throw new DocumentReadException(ReadErrorCodes.Empty, "文件中没有任何文字内容（只有空白）。请确认上传的是已填写并保存的报告文件。");
        }

        var model = new DocumentModel(SourceFormat.Txt, TabbedTextParser.Parse(decoded.Text));
        if (decoded.InvalidSequences > 0)
        {
            model.Warnings.Add($"文本文件中有 {decoded.InvalidSequences} 处字节无法按 {decoded.EncodingName} 编码识别，已替换为“\uFFFD”。如有乱码，请将文件另存为 UTF-8 编码后重新上传。");
        }

        return model;
    }
}
