using System.IO.Compression;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// Zip-level safety checks made before the package is opened, and the byte budget enforced while parts are read.
/// Declared sizes in a zip can lie, so the budget counts the bytes actually decompressed.
/// </summary>
internal sealed class PackageGuard
{
    private readonly ReaderLimits _limits;
    private readonly Dictionary<string, long> _compressedSizes;
    private long _remaining;

    private PackageGuard(ReaderLimits limits, Dictionary<string, long> compressedSizes, PackageKind kind)
    {
        _limits = limits;
        _compressedSizes = compressedSizes;
        _remaining = limits.MaxUncompressedBytes;
        Kind = kind;
    }

    /// <summary>What the entry names suggest the package is, to explain a missing Word document part.</summary>
    public PackageKind Kind { get; }

    /// <summary>Reads the zip directory and refuses corrupt archives and zip bombs.</summary>
    public static PackageGuard Inspect(byte[] bytes, ReaderLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxZipEntries)
            {
                throw new DocumentReadException(
                    ReadErrorCodes.ZipBomb,
                    $"文件内部包含的部件数量异常（{entries.Count} 个，上限 {limits.MaxZipEntries} 个），为安全起见已拒绝读取。请用 Word/WPS 打开该文件并“另存为”新的 .docx 文件后再上传；如文件来源不明，请勿打开。");
            }

            var sizes = new Dictionary<string, long>(entries.Count, StringComparer.OrdinalIgnoreCase);
            long total = 0;
            var hasWord = false;
            var hasExcel = false;
            var hasPowerPoint = false;
            var hasOpenDocument = false;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (entry.Length >= limits.RatioCheckMinBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
                {
                    throw Bomb(limits, $"其中的部件“{entry.FullName}”压缩比异常（{entry.Length / 1024 / 1024} MB 由 {entry.CompressedLength / 1024.0:0.#} KB 解压而来）");
                }

                if (total > limits.MaxUncompressedBytes)
                {
                    throw Bomb(limits, $"解压后总大小超过 {limits.MaxUncompressedBytes / 1024 / 1024} MB 的上限");
                }

                sizes[entry.FullName] = entry.CompressedLength;
                var name = entry.FullName;
                hasWord |= name.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
                hasExcel |= name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase);
                hasPowerPoint |= name.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase);
                hasOpenDocument |= name.Equals("content.xml", StringComparison.OrdinalIgnoreCase);
            }

            var kind = hasWord ? PackageKind.Word
                : hasExcel ? PackageKind.Excel
                : hasPowerPoint ? PackageKind.PowerPoint
                : hasOpenDocument ? PackageKind.OpenDocument
                : PackageKind.Other;
            return new PackageGuard(limits, sizes, kind);
        }
        catch (InvalidDataException ex)
        {
            throw CorruptZip(ex);
        }
        catch (IOException ex)
        {
            throw CorruptZip(ex);
        }
    }

    /// <summary>
    /// Wraps a part stream so that reading more than the remaining budget, or more than the part's compressed size
    /// times the allowed ratio, stops with <see cref="ReadErrorCodes.ZipBomb"/>.
    /// </summary>
    public Stream Limit(Stream partStream, Uri partUri)
    {
        var name = Uri.UnescapeDataString(partUri.OriginalString).TrimStart('/');
        var cap = _remaining;
        if (_compressedSizes.TryGetValue(name, out var compressed))
        {
            var ratioCap = (long)Math.Min(long.MaxValue / 2, Math.Max(_limits.RatioCheckMinBytes, compressed * _limits.MaxCompressionRatio));
            cap = Math.Min(cap, ratioCap);
        }

        return new BoundedReadStream(partStream, cap, this, name);
    }

    /// <summary>Gives back to the budget what a stream from <see cref="Limit"/> has read (its pass was abandoned and is read again).</summary>
    public void Refund(Stream limited)
    {
        if (limited is BoundedReadStream bounded)
        {
            _remaining += bounded.Position;
        }
    }

    public static DocumentReadException CorruptZip(Exception? inner) => new(
        ReadErrorCodes.CorruptZip,
        "文件已损坏或不完整（可能上传中断或保存时出错），无法作为 Word 文档打开。请用 Word/WPS 重新打开该文件并“另存为” .docx 后再上传；如打不开，请从原始电脑上重新获取文件。",
        inner);

    private static DocumentReadException Bomb(ReaderLimits limits, string reason) => new(
        ReadErrorCodes.ZipBomb,
        $"文件内容异常：{reason}，可能是恶意构造的“压缩炸弹”，为安全起见已拒绝读取（单个部件压缩比上限 {limits.MaxCompressionRatio:0}:1，解压总量上限 {limits.MaxUncompressedBytes / 1024 / 1024} MB）。请确认文件来源，用 Word/WPS 打开后删除嵌入的大型对象并“另存为”新的 .docx 再上传。");

    private void Consume(long count) => _remaining -= count;

    private sealed class BoundedReadStream(Stream inner, long cap, PackageGuard owner, string partName) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            _read += n;
            owner.Consume(n);
            if (_read > cap)
            {
                throw Bomb(owner._limits, $"部件“{partName}”解压后的实际大小超过允许范围");
            }

            return n;
        }
    }
}

/// <summary>What kind of Office/ODF package a zip looks like, judged from its entry names.</summary>
internal enum PackageKind
{
    Word,
    Excel,
    PowerPoint,
    OpenDocument,
    Other,
}
