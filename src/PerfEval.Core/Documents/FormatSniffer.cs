using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using PerfEval.Core.Documents.Html;
using PerfEval.Core.Documents.Text;

namespace PerfEval.Core.Documents;

/// <summary>
/// Decides the real format of a file from its bytes; the file name only breaks the tie between plain text and HTML.
/// Everything that cannot be read is refused here with a <see cref="DocumentReadException"/> whose message tells the
/// clerk what the file seems to be and how to save it as .docx.
/// </summary>
public static class FormatSniffer
{
    /// <summary>Bytes examined to tell text from binary and to look for markup.</summary>
    private const int HeadBytes = 8 * 1024;

    private const string SaveAsDocx = "请用 Word 或 WPS 打开该文件，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”后重新上传。";

    public static SourceFormat Sniff(ReadOnlySpan<byte> bytes, string? fileName)
    {
        if (IsBlank(bytes))
        {
            throw new DocumentReadException(
                ReadErrorCodes.Empty,
                bytes.Length == 0
                    ? "文件是空的（0 字节）。请确认上传的是已保存的报告文件，而不是新建后未保存的空文件。"
                    : "文件中没有任何文字内容（只有空白）。请确认上传的是已填写并保存的报告文件。");
        }

        if (bytes.StartsWith(OleSignature))
        {
            throw CompoundFileSniffer.Refuse(bytes, fileName);
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] is 3 or 5 or 7 && bytes[3] == bytes[2] + 1)
        {
            return ZipSniffer.Classify(bytes);
        }

        RefuseKnownBinary(bytes);

        var head = bytes[..Math.Min(bytes.Length, HeadBytes)];
        var hasBom = TextDecoder.TryDetectBom(head, out _, out _);
        if (!hasBom && !TextDecoder.LooksLikeUtf16WithoutBom(head, out _) && LooksBinary(head))
        {
            throw new DocumentReadException(
                ReadErrorCodes.Unsupported,
                "无法识别该文件的格式：它不是 Word 文档（.docx），也不是网页或纯文本，可能是其他软件的专用格式或已损坏。" + SaveAsDocx);
        }

        return MarkupSniffer.Classify(TextDecoder.DecodeHead(bytes, HeadBytes), fileName);
    }

    private static readonly SearchValues<byte> AsciiWhitespace = SearchValues.Create(" \t\r\n\f\v"u8);

    private static readonly SearchValues<byte> PdfLeadIn = SearchValues.Create(" \t\r\n\f\0"u8);

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>True for 0 bytes, or only a BOM and whitespace (ASCII, no-break and ideographic spaces) in any Unicode form.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return true;
        }

        Encoding encoding;
        var start = 0;
        if (TextDecoder.TryDetectBom(bytes, out var bomEncoding, out var bomLength))
        {
            encoding = bomEncoding;
            start = bomLength;
        }
        else if (TextDecoder.LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            encoding = new UnicodeEncoding(bigEndian, false, false);
        }
        else
        {
            // Fast path for the common case: the first non-ASCII-whitespace byte decides, without decoding.
            var firstInk = bytes.IndexOfAnyExcept(AsciiWhitespace);
            if (firstInk < 0)
            {
                return true;
            }

            if (bytes[firstInk] < 0x80)
            {
                return false;
            }

            encoding = Encoding.UTF8;
            start = firstInk;
        }

        // Decode chunk by chunk and stop at the first character that is not white space.
        var lenient = (Encoding)encoding.Clone();
        lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        var decoder = lenient.GetDecoder();
        Span<char> chars = stackalloc char[1024];
        var rest = bytes[start..];
        while (true)
        {
            var chunk = rest[..Math.Min(rest.Length, 1024)];
            rest = rest[chunk.Length..];
            var count = decoder.GetChars(chunk, chars, flush: rest.IsEmpty);
            foreach (var ch in chars[..count])
            {
                if (!char.IsWhiteSpace(ch) && ch != '\uFEFF' && ch != '\0')
                {
                    return false;
                }
            }

            if (rest.IsEmpty)
            {
                return true;
            }
        }
    }

    /// <summary>Refuses formats recognised by their magic numbers (PDF, RTF, images, archives, executables).</summary>
    private static void RefuseKnownBinary(ReadOnlySpan<byte> bytes)
    {
        var pdfAt = bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8);
        if (pdfAt >= 0 && bytes[..pdfAt].IndexOfAnyExcept(PdfLeadIn) < 0)
        {
            throw Unsupported("PDF 文件", "PDF 中的表格无法可靠地还原。请上传报告的 Word（.docx）原件；如只有纸质或 PDF 版本，请在 Word/WPS 中重新录入或转换后核对再上传。");
        }

        if (StartsWithIgnoringBom(bytes, @"{\rtf"u8))
        {
            throw Unsupported("RTF 格式文档（.rtf）", SaveAsDocx);
        }

        var image = bytes switch
        {
            _ when bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) => "PNG 图片",
            _ when bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "JPEG 图片",
            _ when bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) => "GIF 图片",
            _ when bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) => "TIFF 图片",
            _ when bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) => "WebP 图片",
            _ when bytes.Length >= 26 && bytes.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(bytes[2..6]) == bytes.Length => "BMP 图片",
            _ => null,
        };
        if (image is not null)
        {
            throw Unsupported(image, "系统无法从图片（扫描件、截图、照片）中读取文字和表格。请上传报告的 Word（.docx）原件。");
        }

        var archive = bytes switch
        {
            _ when bytes.StartsWith("Rar!\x1A\x07"u8) => "RAR 压缩包",
            _ when bytes.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]) => "7z 压缩包",
            _ when bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => "gzip 压缩包",
            _ => null,
        };
        if (archive is not null)
        {
            throw Unsupported(archive, "请先解压，再单独上传其中的报告文件（.docx）。");
        }

        if ((bytes.StartsWith("MZ"u8) && bytes.Length > 64) || bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            throw Unsupported("可执行程序", "请上传报告的 Word（.docx）文件。");
        }
    }

    private static bool StartsWithIgnoringBom(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return bytes.StartsWith(prefix);
    }

    /// <summary>
    /// Binary when NUL bytes or control characters that never occur in text make up more than 1 % of the head
    /// (at least 3 of them, so one stray byte does not refuse a report).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var suspicious = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1A or 0x1B) || b == 0x7F)
            {
                suspicious++;
            }
        }

        return suspicious >= 3 && suspicious * 100 > head.Length;
    }

    private static DocumentReadException Unsupported(string whatItIs, string whatToDo) =>
        FormatSnifferMessages.Unsupported(whatItIs, whatToDo);

    /// <summary>
    /// Reads the directory of an OLE compound file (CFB, [MS-CFB]) to tell what it holds: a password-protected Office
    /// file, a Word 97-2003 .doc, a WPS .wps, or something else. Every read is bounds-checked and every chain walk is
    /// capped, so a truncated or hostile file ends in a refusal, never in another exception or a loop.
    /// </summary>
    private static class CompoundFileSniffer
    {
        private const uint EndOfChain = 0xFFFFFFFE;
        private const int DirectoryEntrySize = 128;
        private const int MaxDirectoryEntries = 100_000;

        private const string RemovePassword =
            "请在 Word/WPS 中取消文档密码（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密，清空密码）后另存为 .docx 再上传。";

        public static DocumentReadException Refuse(ReadOnlySpan<byte> bytes, string? fileName)
        {
            var entries = TryReadDirectory(bytes);
            var names = entries is not null
                ? new HashSet<string>(entries.Select(e => e.Name), StringComparer.OrdinalIgnoreCase)
                : FindKnownNames(bytes);
            bool Has(string name) => names.Contains(name);

            if (Has("EncryptionInfo") || Has("EncryptedPackage"))
            {
                return new DocumentReadException(ReadErrorCodes.Encrypted, "该文件设置了打开密码（已加密），系统无法读取其内容。" + RemovePassword);
            }

            var isWpsName = fileName is not null && fileName.EndsWith(".wps", StringComparison.OrdinalIgnoreCase);
            var hasWpsStreams = Has("WpsCustomData") || Has("KSOProductBuildVer");
            if (Has("WordDocument"))
            {
                if (entries is not null && IsEncryptedWordBinary(bytes, entries))
                {
                    return new DocumentReadException(
                        ReadErrorCodes.Encrypted,
                        "该文件是设置了打开密码的旧版 Word 97-2003 文档（.doc），系统无法读取。" + RemovePassword);
                }

                if (isWpsName || hasWpsStreams)
                {
                    return LegacyWps();
                }

                return new DocumentReadException(
                    ReadErrorCodes.LegacyDoc,
                    "该文件是旧版 Word 97-2003 格式（.doc），系统无法读取。请用 Word 或 WPS 打开后“另存为”.docx 格式（文件 → 另存为 → 保存类型选“Word 文档（*.docx）”）再上传。");
            }

            if (Has("Workbook") || Has("Book"))
            {
                return Unsupported("旧版 Excel 97-2003 表格（.xls）或 WPS 表格（.et）", "绩效自评报告请上传 Word（.docx）文件；如表格在 Excel 中，请复制到 Word 报告中并保存为 .docx。");
            }

            if (Has("PowerPoint Document"))
            {
                return Unsupported("旧版 PowerPoint 97-2003 演示文稿（.ppt）", "绩效自评报告请上传 Word（.docx）文件。");
            }

            if (isWpsName || hasWpsStreams)
            {
                return LegacyWps();
            }

            return entries is null
                ? new DocumentReadException(
                    ReadErrorCodes.Malformed,
                    "该文件是旧版 Office 格式（OLE 复合文档），但文件已损坏或不完整，无法识别其内容。" + SaveAsDocx)
                : Unsupported("旧版 Office 格式（OLE 复合文档）的文件，但不是 Word 文档", SaveAsDocx);
        }

        private static DocumentReadException LegacyWps() => new(
            ReadErrorCodes.LegacyWps,
            "该文件是 WPS 文字的旧版格式（.wps，或由 WPS 保存的旧版 .doc），系统无法读取。请用 WPS 打开后选择“文件 → 另存为”，文件类型选“Microsoft Word 文件（*.docx）”再上传。");

        /// <summary>The directory entries, or null when the header or the directory chain cannot be read.</summary>
        private static List<DirectoryEntry>? TryReadDirectory(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < 512 || ReadUInt16(bytes, 0x1C) != 0xFFFE)
            {
                return null;
            }

            var sectorShift = ReadUInt16(bytes, 0x1E);
            if (sectorShift is not (9 or 12))
            {
                return null;
            }

            var layout = new Layout(bytes.Length, 1 << sectorShift);
            var fatSectors = ReadFatSectorList(bytes, layout);
            var entries = new List<DirectoryEntry>();
            var sector = ReadUInt32(bytes, 0x30);
            var steps = 0;
            while (sector != EndOfChain && steps++ <= layout.SectorCount)
            {
                if (!layout.TryGetSector(sector, out var offset))
                {
                    return entries.Count > 0 ? entries : null;
                }

                var end = (int)Math.Min(bytes.Length, offset + layout.SectorSize);
                for (var at = (int)offset; at + DirectoryEntrySize <= end && entries.Count < MaxDirectoryEntries; at += DirectoryEntrySize)
                {
                    var entry = bytes.Slice(at, DirectoryEntrySize);
                    var nameLength = ReadUInt16(entry, 0x40);
                    var type = entry[0x42];
                    if (type is 1 or 2 or 5 && nameLength is >= 2 and <= 64 && nameLength % 2 == 0)
                    {
                        var name = Encoding.Unicode.GetString(entry[..(nameLength - 2)]);
                        entries.Add(new DirectoryEntry(name, ReadUInt32(entry, 0x74), ReadUInt32(entry, 0x78)));
                    }
                }

                sector = NextSector(bytes, layout, fatSectors, sector);
            }

            return entries.Count > 0 ? entries : null;
        }

        /// <summary>The sectors holding the FAT: the 109 in the header, then the DIFAT chain (capped, loop-safe).</summary>
        private static List<uint> ReadFatSectorList(ReadOnlySpan<byte> bytes, Layout layout)
        {
            var result = new List<uint>();
            for (var i = 0; i < 109; i++)
            {
                var sector = ReadUInt32(bytes, 0x4C + (i * 4));
                if (sector < layout.SectorCount)
                {
                    result.Add(sector);
                }
            }

            var difat = ReadUInt32(bytes, 0x44);
            var perSector = (layout.SectorSize / 4) - 1;
            var steps = 0;
            while (layout.TryGetSector(difat, out var offset) && steps++ < layout.SectorCount && result.Count < layout.SectorCount)
            {
                for (var i = 0; i < perSector; i++)
                {
                    var sector = ReadUInt32(bytes, offset + (i * 4));
                    if (sector < layout.SectorCount)
                    {
                        result.Add(sector);
                    }
                }

                difat = ReadUInt32(bytes, offset + (perSector * 4));
            }

            return result;
        }

        private static uint NextSector(ReadOnlySpan<byte> bytes, Layout layout, List<uint> fatSectors, uint sector)
        {
            var perSector = (uint)(layout.SectorSize / 4);
            var fatIndex = sector / perSector;
            if (fatIndex >= fatSectors.Count || !layout.TryGetSector(fatSectors[(int)fatIndex], out var offset))
            {
                return EndOfChain;
            }

            return ReadUInt32(bytes, offset + ((sector % perSector) * 4));
        }

        /// <summary>
        /// A .doc protected with a password keeps its directory readable; the "fEncrypted" bit of the FIB at the start of
        /// the WordDocument stream tells. The stream is larger than the mini-stream cutoff, so it starts in a regular sector.
        /// </summary>
        private static bool IsEncryptedWordBinary(ReadOnlySpan<byte> bytes, List<DirectoryEntry> entries)
        {
            var word = entries.Find(e => string.Equals(e.Name, "WordDocument", StringComparison.OrdinalIgnoreCase));
            var layout = new Layout(bytes.Length, 1 << ReadUInt16(bytes, 0x1E));
            if (word is null || word.Size < 4096 || !layout.TryGetSector(word.StartSector, out var offset))
            {
                return false;
            }

            // FIB: wIdent 0xA5EC at 0, flags at 0x0A with fEncrypted = 0x0100.
            return ReadUInt16(bytes, offset) == 0xA5EC && (ReadUInt16(bytes, offset + 0x0A) & 0x0100) != 0;
        }

        /// <summary>Fallback for a directory that cannot be walked: look for the telling stream names as UTF-16 anywhere.</summary>
        private static HashSet<string> FindKnownNames(ReadOnlySpan<byte> bytes)
        {
            string[] known = ["EncryptionInfo", "EncryptedPackage", "WordDocument", "WpsCustomData", "KSOProductBuildVer", "Workbook", "PowerPoint Document"];
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in known)
            {
                if (bytes.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0)
                {
                    found.Add(name);
                }
            }

            return found;
        }

        private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, long offset) =>
            offset >= 0 && offset + 2 <= bytes.Length ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice((int)offset, 2)) : (ushort)0;

        private static uint ReadUInt32(ReadOnlySpan<byte> bytes, long offset) =>
            offset >= 0 && offset + 4 <= bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice((int)offset, 4)) : EndOfChain;

        private sealed record DirectoryEntry(string Name, uint StartSector, uint Size);

        /// <summary>Sector geometry: sector n starts at (n + 1) × size; only sectors that start inside the file exist.</summary>
        private readonly record struct Layout(int FileLength, int SectorSize)
        {
            public long SectorCount => Math.Max(0, ((long)FileLength / SectorSize) - 1 + (FileLength % SectorSize == 0 ? 0 : 1));

            public bool TryGetSector(uint sector, out long offset)
            {
                offset = ((long)sector + 1) * SectorSize;
                return sector < SectorCount && offset < FileLength;
            }
        }
    }

    /// <summary>
    /// Looks at the entry names in a zip's central directory to refuse Office and other packages that are not Word
    /// documents. Anything it cannot read is passed on as .docx, so the .docx reader reports the broken zip.
    /// </summary>
    private static class ZipSniffer
    {
        private const int MaxEntries = 100_000;

        public static SourceFormat Classify(ReadOnlySpan<byte> bytes)
        {
            var names = TryReadEntryNames(bytes, out var mimetype);
            if (names is null || names.Count == 0)
            {
                return SourceFormat.Docx;
            }

            bool Any(Func<string, bool> predicate) => names.Exists(n => predicate(n));
            if (Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)))
            {
                return SourceFormat.Docx;
            }

            if (Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)))
            {
                throw Unsupported("Excel 表格（.xlsx）", "绩效自评报告请上传 Word（.docx）文件；如表格在 Excel 中，请复制到 Word 报告中并保存为 .docx。");
            }

            if (Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)))
            {
                throw Unsupported("PowerPoint 演示文稿（.pptx）", "绩效自评报告请上传 Word（.docx）文件。");
            }

            if (mimetype is not null || Any(n => n.Equals("content.xml", StringComparison.Ordinal)) && Any(n => n.Equals("META-INF/manifest.xml", StringComparison.Ordinal)))
            {
                var kind = mimetype switch
                {
                    "application/vnd.oasis.opendocument.text" => "OpenDocument 文本文档（.odt）",
                    "application/vnd.oasis.opendocument.spreadsheet" => "OpenDocument 电子表格（.ods）",
                    "application/vnd.oasis.opendocument.presentation" => "OpenDocument 演示文稿（.odp）",
                    "application/epub+zip" => "电子书（.epub）",
                    _ => "OpenDocument 文档（.odt 等）",
                };
                throw Unsupported(kind, "请用 WPS、Word 或 LibreOffice 打开后“另存为”Word 文档（*.docx）再上传。");
            }

            if (Any(n => n.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase)))
            {
                throw Unsupported("OFD 版式文件（.ofd）", "版式文件中的表格无法可靠地还原。请上传报告的 Word（.docx）原件。");
            }

            if (Any(n => n.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) && !Any(n => n.StartsWith("Documents/", StringComparison.Ordinal)))
            {
                // An Office package whose main part lives outside word/: the .docx reader follows the relationships.
                return SourceFormat.Docx;
            }

            var hint = Any(n => n.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                ? "请先解压，再单独上传其中的 .docx 报告文件。"
                : "请先解压，再上传其中的 Word（.docx）报告文件。";
            throw Unsupported("压缩包（.zip）", hint);
        }

        /// <summary>The entry names from the central directory, or null when it cannot be located or read.</summary>
        private static List<string>? TryReadEntryNames(ReadOnlySpan<byte> bytes, out string? mimetype)
        {
            mimetype = null;
            const int EocdSize = 22;
            var tailStart = Math.Max(0, bytes.Length - EocdSize - ushort.MaxValue);
            var eocd = bytes[tailStart..].LastIndexOf("PK\x05\x06"u8);
            if (eocd < 0 || tailStart + eocd + EocdSize > bytes.Length)
            {
                return null;
            }

            eocd += tailStart;
            var entryCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(eocd + 10, 2));
            var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(eocd + 12, 4));
            long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(eocd + 16, 4));
            if (entryCount == ushort.MaxValue || directoryOffset == uint.MaxValue)
            {
                return null; // Zip64: leave it to the .docx reader.
            }

            if (directoryOffset + directorySize > eocd)
            {
                // Data prepended to the archive shifts every offset; the directory still ends where the EOCD starts.
                directoryOffset = eocd - (long)directorySize;
                if (directoryOffset < 0)
                {
                    return null;
                }
            }

            var names = new List<string>();
            var at = (int)directoryOffset;
            while (names.Count < Math.Min(entryCount, MaxEntries) && at + 46 <= eocd && bytes.Slice(at, 4).SequenceEqual("PK\x01\x02"u8))
            {
                var method = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 10, 2));
                var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at + 20, 4));
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 28, 2));
                var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 30, 2));
                var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 32, 2));
                var localHeader = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at + 42, 4));
                if (at + 46 + nameLength > bytes.Length)
                {
                    break;
                }

                var name = Encoding.UTF8.GetString(bytes.Slice(at + 46, nameLength));
                names.Add(name);
                if (name == "mimetype" && method == 0 && compressedSize is > 0 and < 200)
                {
                    mimetype = ReadStoredEntry(bytes, localHeader, (int)compressedSize);
                }

                at += 46 + nameLength + extraLength + commentLength;
            }

            return names;
        }

        private static string? ReadStoredEntry(ReadOnlySpan<byte> bytes, uint localHeader, int size)
        {
            if (localHeader > (uint)(bytes.Length - 30) || !bytes.Slice((int)localHeader, 4).SequenceEqual("PK\x03\x04"u8))
            {
                return null;
            }

            var at = (int)localHeader;
            var dataStart = (long)at + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 26, 2)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(at + 28, 2));
            return dataStart + size <= bytes.Length ? Encoding.ASCII.GetString(bytes.Slice((int)dataStart, size)).Trim() : null;
        }
    }
}
