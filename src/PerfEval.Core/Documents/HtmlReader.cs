using AngleSharp.Html.Parser;
using PerfEval.Core.Documents.Html;

namespace PerfEval.Core.Documents;

/// <summary>
/// Reads a report saved as a web page (including Word's and WPS's "save as web page"): decodes it
/// (see <see cref="HtmlCharset"/>), parses it with AngleSharp and walks the body in document order
/// (see <see cref="HtmlBlockWalker"/>).
/// </summary>
public static class HtmlReader
{
    public static DocumentModel Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var decoded = HtmlCharset.Decode(bytes);
        var parser = new HtmlParser(new HtmlParserOptions
        {
            SkipComments = true,
            DisableElementPositionTracking = true,
            MaximumDepth = HtmlBlockWalker.MaxDepth + 56,
        });
        using var document = parser.ParseDocument(decoded.Text);
        var root = (AngleSharp.Dom.INode?)document.Body ?? document.DocumentElement;
        var model = new DocumentModel(SourceFormat.Html, root is null ? [] : HtmlBlockWalker.Walk(root));
        if (decoded.InvalidSequences > 0)
        {
            model.Warnings.Add($"网页文件中有 {decoded.InvalidSequences} 处字节无法按 {decoded.EncodingName} 编码识别，已替换为“\uFFFD”。如有乱码，请用 Word 打开该网页后另存为 .docx 再上传。");
        }

        if (model.Blocks.Count == 0)
        {
            throw new DocumentReadException(ReadErrorCodes.Empty, "网页文件中没有可读取的文字内容。请确认上传的是报告本身，或用 Word 打开后另存为 .docx 再上传。");
        }

        return model;
    }
}
