using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using PerfEval.Core.Documents.Text;

namespace PerfEval.Core.Documents.Html;

/// <summary>
/// Decodes an HTML file: a byte order mark wins, then strict UTF-8, then the charset declared in a &lt;meta&gt; tag
/// near the start (&lt;meta charset&gt; or http-equiv Content-Type), then detection as for plain text (GB18030/Big5).
/// </summary>
internal static partial class HtmlCharset
{
    /// <summary>Browsers look for the declaration in the first 1,024 bytes; Word puts it after a long head, so look further.</summary>
    private const int PrescanBytes = 16 * 1024;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (TextDecoder.TryDetectBom(bytes, out _, out _))
        {
            return TextDecoder.Decode(bytes);
        }

        // Chinese text in GBK is practically never valid UTF-8, so a clean UTF-8 decode beats a wrong declaration.
        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", 0);
        }

        var declared = FindDeclaredCharset(bytes);
        if (declared is not null && !declared.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) && !declared.StartsWith("utf-32", StringComparison.OrdinalIgnoreCase))
        {
            // A page cannot be UTF-16 without a BOM and still declare it in ASCII: such a declaration is wrong.
            var decoded = TextDecoder.TryDecodeAs(bytes, declared);
            if (decoded is not null)
            {
                return decoded;
            }
        }

        return TextDecoder.Decode(bytes);
    }

    /// <summary>The charset named in a &lt;meta&gt; tag near the start, or null.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        foreach (Match meta in MetaTag().Matches(head))
        {
            var charset = CharsetValue().Match(meta.Value);
            if (charset.Success)
            {
                return charset.Groups[1].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CharsetValue();
}
