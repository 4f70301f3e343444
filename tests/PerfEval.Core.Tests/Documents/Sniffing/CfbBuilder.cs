using System.Buffers.Binary;
using System.Text;

namespace PerfEval.Core.Tests.Documents.Sniffing;

/// <summary>
/// Writes a minimal OLE compound file (CFB version 3, 512-byte sectors): one FAT sector, the directory, then the data of
/// each stream of at least 4,096 bytes in regular sectors (smaller streams are listed with no data, which is enough
/// for sniffing). Layout: sector 0 = FAT, sectors 1.. = directory, then stream data.
/// </summary>
internal static class CfbBuilder
{
    public const uint EndOfChain = 0xFFFFFFFE;
    public const int SectorSize = 512;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] Build(params (string Name, byte[]? Data)[] streams)
    {
        var entries = new List<(string Name, byte Type, byte[]? Data)> { ("Root Entry", 5, null) };
        entries.AddRange(streams.Select(s => (s.Name, (byte)2, s.Data)));
        var directorySectors = (entries.Count + 3) / 4;
        var fat = new List<uint> { FatSector };
        for (var i = 0; i < directorySectors; i++)
        {
            fat.Add(i == directorySectors - 1 ? EndOfChain : (uint)(fat.Count + 1));
        }

        var starts = new uint[entries.Count];
        var dataSectors = new List<byte[]>();
        for (var e = 0; e < entries.Count; e++)
        {
            var data = entries[e].Data;
            if (data is null || data.Length < 4096)
            {
                starts[e] = EndOfChain;
                continue;
            }

            var count = (data.Length + SectorSize - 1) / SectorSize;
            starts[e] = (uint)fat.Count;
            for (var s = 0; s < count; s++)
            {
                fat.Add(s == count - 1 ? EndOfChain : (uint)(fat.Count + 1));
                var sector = new byte[SectorSize];
                data.AsSpan(s * SectorSize, Math.Min(SectorSize, data.Length - (s * SectorSize))).CopyTo(sector);
                dataSectors.Add(sector);
            }
        }

        if (fat.Count > SectorSize / 4)
        {
            throw new InvalidOperationException("The test builder supports one FAT sector only.");
        }

        var output = new byte[SectorSize * (1 + fat.Count)];
        var header = output.AsSpan(0, SectorSize);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0);
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (i * 4))..], FreeSector);
        }

        var fatSpan = SectorSpan(output, 0);
        for (var i = 0; i < SectorSize / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fatSpan[(i * 4)..], i < fat.Count ? fat[i] : FreeSector);
        }

        for (var e = 0; e < entries.Count; e++)
        {
            var entry = output.AsSpan(SectorSize * (2 + (e / 4)) + (e % 4 * 128), 128);
            var name = Encoding.Unicode.GetBytes(entries[e].Name);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length + 2));
            entry[0x42] = entries[e].Type;
            entry[0x43] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], e > 0 && e < entries.Count - 1 ? (uint)(e + 1) : NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], e == 0 && entries.Count > 1 ? 1u : NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], starts[e]);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], (uint)(entries[e].Data?.Length ?? 0));
        }

        for (var s = 0; s < dataSectors.Count; s++)
        {
            dataSectors[s].CopyTo(SectorSpan(output, 1 + directorySectors + s));
        }

        return output;
    }

    /// <summary>The bytes of sector <paramref name="sector"/> (sector n starts at (n + 1) × 512).</summary>
    public static Span<byte> SectorSpan(byte[] file, int sector) => file.AsSpan((sector + 1) * SectorSize, SectorSize);

    /// <summary>Sets FAT entry <paramref name="index"/> (the builder's FAT is sector 0).</summary>
    public static void SetFatEntry(byte[] file, int index, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(SectorSpan(file, 0)[(index * 4)..], value);
}
