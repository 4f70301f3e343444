namespace PerfEval.Core.Documents;

/// <summary>Caps that keep a hostile or broken file from exhausting memory or time.</summary>
public sealed record ReaderLimits
{
    public static ReaderLimits Default { get; } = new();

    /// <summary>Largest input accepted, in bytes.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of all zip entries read.</summary>
    public long MaxUncompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most zip entries a package may hold.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Highest compression ratio of one entry (uncompressed / compressed), above a minimum size.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not ratio-checked (tiny XML parts compress very well).</summary>
    public long RatioCheckMinBytes { get; init; } = 1024 * 1024;
}
