namespace PerfEval.Core.Documents;

/// <summary>
/// Stable codes for the reasons a file cannot be read. They are part of the API (CLI JSON, HTTP ProblemDetails):
/// never rename one.
/// </summary>
public static class ReadErrorCodes
{
    public const string Empty = "empty-file";
    public const string Unsupported = "unsupported-format";
    public const string LegacyDoc = "legacy-doc";
    public const string LegacyWps = "legacy-wps";
    public const string Encrypted = "encrypted";
    public const string CorruptZip = "corrupt-zip";
    public const string ZipBomb = "zip-bomb";
    public const string NoMainPart = "no-main-document";
    public const string Malformed = "malformed-content";
    public const string TooLarge = "too-large";
    public const string UnknownEncoding = "unknown-encoding";
}

/// <summary>
/// A file that cannot be read. <see cref="Exception.Message"/> is for the unit clerk, in Chinese:
/// what is wrong and what to do about it. <see cref="Code"/> is one of <see cref="ReadErrorCodes"/>.
/// </summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public DocumentReadException()
        : this(ReadErrorCodes.Unsupported, "无法读取该文件。")
    {
    }

    public DocumentReadException(string message)
        : this(ReadErrorCodes.Unsupported, message)
    {
    }

    public DocumentReadException(string message, Exception innerException)
        : this(ReadErrorCodes.Unsupported, message, innerException)
    {
    }

    public string Code { get; }
}
