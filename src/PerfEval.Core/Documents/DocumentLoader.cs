namespace PerfEval.Core.Documents;

/// <summary>
/// The one entry point for reading a submission: sniffs the real format from the bytes (never the extension),
/// refuses what it cannot read with a <see cref="DocumentReadException"/>, and dispatches to the matching reader.
/// </summary>
public static class DocumentLoader
{
    public static DocumentModel Load(byte[] bytes, string? fileName = null, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= ReaderLimits.Default;
        if (bytes.LongLength > limits.MaxInputBytes)
        {
            throw new DocumentReadException(
                ReadErrorCodes.TooLarge,
                $"文件过大（{bytes.LongLength / 1024.0 / 1024.0:0.0} MB），超过 {limits.MaxInputBytes / 1024 / 1024} MB 的上限。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
        }

        var format = FormatSniffer.Sniff(bytes, fileName);
        try
        {
            var model = format switch
            {
                SourceFormat.Docx => DocxReader.Read(bytes, limits),
                SourceFormat.Html => HtmlReader.Read(bytes),
                _ => TxtReader.Read(bytes),
            };
            return TableStitcher.Stitch(model);
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A reader bug or a malformed part must never escape as a crash: the clerk gets a clear refusal.
            throw new DocumentReadException(
                ReadErrorCodes.Malformed,
                "文件内容已损坏或结构不符合规范，无法读取。请用 Word 或 WPS 打开该文件，确认内容完整后“另存为”新的 .docx 文件再上传。",
                ex);
        }
    }

    public static DocumentModel Load(string path, ReaderLimits? limits = null)
    {
        limits ??= ReaderLimits.Default;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"找不到文件：{path}", path);
        }

        if (info.Length > limits.MaxInputBytes)
        {
            throw new DocumentReadException(
                ReadErrorCodes.TooLarge,
                $"文件过大（{info.Length / 1024.0 / 1024.0:0.0} MB），超过 {limits.MaxInputBytes / 1024 / 1024} MB 的上限。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
        }

        return Load(File.ReadAllBytes(path), info.Name, limits);
    }
}
