using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace PerfEval.Core.Documents.Text;

/// <summary>The decoded text of a file and how it was decoded.</summary>
/// <param name="Text">The text, without a byte order mark.</param>
/// <param name="EncodingName">The web name of the encoding used, e.g. "utf-8", "gb18030".</param>
/// <param name="InvalidSequences">How many byte sequences could not be decoded and were replaced by U+FFFD.</param>
internal sealed record DecodedText(string Text, string EncodingName, int InvalidSequences);

/// <summary>
/// Decodes the bytes of a plain-text or HTML file: byte order marks first, then BOM-less UTF-16,
/// then strict UTF-8, then the Chinese legacy code pages (GB18030, a superset of GBK/GB2312, and Big5),
/// with UTF.Unknown breaking the tie between the legacy code pages. A clean UTF-8 decode always wins.
/// </summary>
internal static class TextDecoder
{
    /// <summary>Bytes handed to the statistical detector; enough for a confident verdict, bounded for 50 MB inputs.</summary>
    private const int DetectionSampleBytes = 256 * 1024;

    /// <summary>Bytes examined by the BOM-less UTF-16 heuristic.</summary>
    private const int Utf16SampleBytes = 8 * 1024;

    private static readonly Encoding Gb18030Strict = CreateStrict(54936);

    private static readonly Encoding Big5Strict = CreateStrict(950);

    /// <summary>Makes sure the legacy code pages (GB18030, Big5) are available through <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void EnsureCodePages() => _ = Gb18030Strict;

    private static Encoding CreateStrict(int codePage)
    {
        // GB18030, GBK and Big5 live in the code pages provider; registering it again is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>
    /// Recognises a byte order mark. UTF-32 LE is checked before UTF-16 LE (its BOM starts with the UTF-16 LE one).
    /// </summary>
    public static bool TryDetectBom(ReadOnlySpan<byte> bytes, out Encoding encoding, out int bomLength)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, bomLength) = (new UTF8Encoding(false, true), 3);
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (encoding, bomLength) = (new UTF32Encoding(false, false, true), 4);
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (encoding, bomLength) = (new UTF32Encoding(true, false, true), 4);
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, bomLength) = (new UnicodeEncoding(false, false, true), 2);
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, bomLength) = (new UnicodeEncoding(true, false, true), 2);
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
        {
            (encoding, bomLength) = (Gb18030Strict, 4);
            return true;
        }

        encoding = Encoding.UTF8;
        bomLength = 0;
        return false;
    }

    /// <summary>
    /// Recognises UTF-16 without a byte order mark: in text that is mostly ASCII-range (digits, punctuation, line breaks),
    /// every other byte is zero. Chinese-only text has few zero bytes, so it is only recognised when the zeros are clearly
    /// confined to one parity.
    /// </summary>
    public static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, Utf16SampleBytes)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZeros++;
            }

            if (sample[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = sample.Length / 2;
        if (oddZeros * 5 >= pairs && evenZeros * 50 <= pairs)
        {
            return true;
        }

        if (evenZeros * 5 >= pairs && oddZeros * 50 <= pairs)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Decodes a whole file. Throws <see cref="DocumentReadException"/> with <see cref="ReadErrorCodes.UnknownEncoding"/>
    /// when no supported encoding decodes it sensibly.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (TryDetectBom(bytes, out var bomEncoding, out var bomLength))
        {
            // The producer declared the encoding: trust it, replacing the odd broken sequence (e.g. a truncated last character).
            var decoded = DecodeCounting(bomEncoding, bytes[bomLength..]);
            return decoded.InvalidSequences <= Tolerance(decoded.Text.Length)
                ? decoded
                : throw UnknownEncoding();
        }

        if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            var decoded = DecodeCounting(new UnicodeEncoding(bigEndian, false, true), bytes);
            if (decoded.InvalidSequences <= Tolerance(decoded.Text.Length) && ControlCharacterCount(decoded.Text) <= Tolerance(decoded.Text.Length))
            {
                return decoded;
            }
        }

        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", 0);
        }

        return DecodeLegacy(bytes);
    }

    /// <summary>
    /// Decodes at most <paramref name="maxBytes"/> from the start of a file, leniently, for sniffing markup.
    /// Never throws: undecodable bytes become U+FFFD.
    /// </summary>
    public static string DecodeHead(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        Encoding encoding;
        var start = 0;
        if (TryDetectBom(bytes, out var bomEncoding, out var bomLength))
        {
            encoding = bomEncoding;
            start = bomLength;
        }
        else if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            encoding = new UnicodeEncoding(bigEndian, false, false);
        }
        else
        {
            encoding = Encoding.UTF8;
        }

        var head = bytes[start..];
        head = head[..Math.Min(head.Length, maxBytes)];
        var lenient = (Encoding)encoding.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        return lenient.GetString(head);
    }

    /// <summary>Decodes with an encoding chosen by name (e.g. from an HTML meta charset); null when the name is unknown.</summary>
    public static DecodedText? TryDecodeAs(ReadOnlySpan<byte> bytes, string charsetName)
    {
        EnsureCodePages();
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(NormaliseCharsetName(charsetName));
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (encoding.CodePage == Encoding.UTF8.CodePage && !Utf8.IsValid(bytes))
        {
            // A page that claims UTF-8 but is not: let the caller fall back to detection.
            return null;
        }

        if (TryDetectBom(bytes, out _, out var bomLength) && encoding.Preamble.Length > 0 && bytes.StartsWith(encoding.Preamble))
        {
            bytes = bytes[bomLength..];
        }

        var decoded = DecodeCounting(encoding, bytes);
        return decoded.InvalidSequences <= Tolerance(decoded.Text.Length) ? decoded : null;
    }

    /// <summary>
    /// Maps the charset labels found in the wild to the encoding that browsers actually use for them:
    /// GB2312 and GBK pages are decoded as GB18030 (their superset), as the WHATWG Encoding Standard prescribes.
    /// </summary>
    public static string NormaliseCharsetName(string name)
    {
        var trimmed = name.Trim().Trim('"', '\'').Trim();
        return trimmed.ToUpperInvariant() switch
        {
            "GB2312" or "GBK" or "CP936" or "X-GBK" or "GB_2312-80" or "CHINESE" or "CSGB2312" or "ISO-IR-58" or "WINDOWS-936" or "EUC-CN" => "GB18030",
            "BIG5-HKSCS" or "X-X-BIG5" or "CN-BIG5" or "CSBIG5" => "big5",
            "UNICODE" => "utf-16",
            _ => trimmed,
        };
    }

    private static DecodedText DecodeLegacy(ReadOnlySpan<byte> bytes)
    {
        EnsureCodePages();
        var sample = bytes[..Math.Min(bytes.Length, DetectionSampleBytes)];
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        var detectedName = detected?.EncodingName?.ToUpperInvariant() ?? string.Empty;
        var preferBig5 = detectedName.Contains("BIG5", StringComparison.Ordinal) && detected!.Confidence >= 0.5f;

        Encoding[] candidates = preferBig5 ? [Big5Strict, Gb18030Strict] : [Gb18030Strict, Big5Strict];
        DecodedText? best = null;
        foreach (var candidate in candidates)
        {
            var decoded = DecodeCounting(candidate, bytes);
            if (decoded.InvalidSequences == 0 && ControlCharacterCount(decoded.Text) <= Tolerance(decoded.Text.Length))
            {
                return decoded;
            }

            if (best is null || decoded.InvalidSequences < best.InvalidSequences)
            {
                best = decoded;
            }
        }

        if (best is not null && best.InvalidSequences <= Tolerance(best.Text.Length) && ControlCharacterCount(best.Text) <= Tolerance(best.Text.Length))
        {
            return best;
        }

        throw UnknownEncoding();
    }

    /// <summary>How many broken sequences or stray control characters still count as "decodes sensibly": 1 per 1,000 characters, at least 2.</summary>
    private static int Tolerance(int length) => Math.Max(2, length / 1000);

    /// <summary>Control characters that never occur in a text report (all C0 controls except TAB, LF, VT, FF, CR, SUB, ESC).</summary>
    private static int ControlCharacterCount(string text)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ch < 0x20 && ch is not ('\t' or '\n' or '\v' or '\f' or '\r' or '\u001A' or '\u001B'))
            {
                count++;
            }
        }

        return count;
    }

    private static DecodedText DecodeCounting(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var fallback = new CountingDecoderFallback();
        var counting = (Encoding)encoding.Clone();
        counting.DecoderFallback = fallback;

        // One decoding pass in chunks (Encoding.GetString would run the fallback twice: once to count, once to decode).
        var decoder = counting.GetDecoder();
        var builder = new StringBuilder(bytes.Length);
        Span<char> chunk = new char[64 * 1024];
        var rest = bytes;
        var completed = false;
        while (!completed)
        {
            decoder.Convert(rest, chunk, flush: true, out var bytesUsed, out var charsUsed, out completed);
            builder.Append(chunk[..charsUsed]);
            rest = rest[bytesUsed..];
        }

        return new DecodedText(builder.ToString(), encoding.WebName, fallback.Count);
    }

    private static DocumentReadException UnknownEncoding() => new(
        ReadErrorCodes.UnknownEncoding,
        "无法识别该文本文件的字符编码（既不是 UTF-8，也不是 GB18030/GBK 或 Big5），文字会变成乱码。请用记事本或 WPS 打开该文件，选择“另存为”，编码选“UTF-8”后重新上传；或直接上传 Word（.docx）版本。");

    /// <summary>Replaces each undecodable sequence with U+FFFD and counts them.</summary>
    private sealed class CountingDecoderFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }

                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;

            public override void Reset() => _pending = false;
        }
    }
}
