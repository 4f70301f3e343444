using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace PerfEval.LoadTest;

/// <summary>One file to upload: its name, its bytes and the unit it is uploaded for.</summary>
internal sealed record Payload(int Index, string FileName, byte[] Bytes, string Unit);

/// <summary>
/// Makes N files with different bytes (so the service's per-unit de-duplication by SHA-256 never answers with an
/// existing submission) from the reports in a samples folder, without changing what they say: a .docx gets a zip
/// comment naming the run and the copy (readers ignore it), a .txt a trailing ASCII line.
/// </summary>
internal static class Payloads
{
    private const uint EndOfCentralDirectory = 0x06054b50;

    public static IReadOnlyList<Payload> Make(string samplesFolder, int count, int units, string runId)
    {
        var sources = Directory.EnumerateFiles(samplesFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        if (sources.Count == 0)
        {
            throw new InvalidOperationException($"no .docx or .txt file under {samplesFolder}");
        }

        var payloads = new Payload[count];
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = sources[i % sources.Count];
            var marker = string.Create(CultureInfo.InvariantCulture, $"perfeval load test {runId} copy {i:D6}");
            var variant = name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? WithZipComment(bytes, marker) : WithTrailingLine(bytes, marker);
            var unit = string.Create(CultureInfo.InvariantCulture, $"压测单位{i % units + 1:D2}");
            payloads[i] = new Payload(i, name, variant, unit);
        }

        return payloads;
    }

    /// <summary>The same zip with its end-of-central-directory comment set (the last record of every zip file).</summary>
    private static byte[] WithZipComment(byte[] zip, string comment)
    {
        // The record is 22 bytes plus a comment of at most 65,535; search backwards for its signature.
        for (var at = zip.Length - 22; at >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) != EndOfCentralDirectory)
            {
                continue;
            }

            var text = Encoding.ASCII.GetBytes(comment);
            var result = new byte[at + 22 + text.Length];
            zip.AsSpan(0, at + 20).CopyTo(result);
            BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(at + 20), (ushort)text.Length);
            text.CopyTo(result.AsSpan(at + 22));
            return result;
        }

        throw new InvalidDataException("not a zip file: no end-of-central-directory record");
    }

    /// <summary>The text with one ASCII line after it (ASCII reads the same in UTF-8 and GB18030).</summary>
    private static byte[] WithTrailingLine(byte[] text, string line) =>
        [.. text, .. "\n"u8, .. Encoding.ASCII.GetBytes(line), .. "\n"u8];
}
