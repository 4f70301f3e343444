namespace PerfEval.Web.Features.Statistics;

/// <summary>
/// The distributions' buckets. Each covers [lower, upper) except where its label says otherwise: an execution rate of
/// exactly 100% is fully executed and falls in 95%–100%, only above it is &gt;100%.
/// </summary>
public static class Buckets
{
    /// <summary>A bucket: its label and what it holds.</summary>
    public sealed record Bucket(string Label, decimal? Lower, decimal? Upper, bool UpperInclusive = false)
    {
        public bool Holds(decimal value) =>
            (Lower is not decimal lower || value >= lower)
            && (Upper is not decimal upper || (UpperInclusive ? value <= upper : value < upper));
    }

    /// <summary>执行率 as a fraction: &lt;60%, 60–80%, 80–90%, 90–95%, 95–100% (100% included), &gt;100%.</summary>
    public static IReadOnlyList<Bucket> ExecutionRate { get; } =
    [
        new("<60%", null, 0.60m),
        new("60%–80%", 0.60m, 0.80m),
        new("80%–90%", 0.80m, 0.90m),
        new("90%–95%", 0.90m, 0.95m),
        new("95%–100%", 0.95m, 1.00m, UpperInclusive: true),
        new(">100%", 1.00m, null),
    ];

    /// <summary>总分: &lt;60 (差), 60–70, 70–80 (中), 80–90 (良), ≥90 (优).</summary>
    public static IReadOnlyList<Bucket> Score { get; } =
    [
        new("<60", null, 60m),
        new("60–70", 60m, 70m),
        new("70–80", 70m, 80m),
        new("80–90", 80m, 90m),
        new("≥90", 90m, null),
    ];

    /// <summary>How many of the values fall in each bucket (every bucket listed, empty ones with 0).</summary>
    public static IReadOnlyList<BucketCount> Count(IReadOnlyList<Bucket> buckets, IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(values);
        var counts = new int[buckets.Count];
        foreach (var value in values)
        {
            for (var i = 0; i < buckets.Count; i++)
            {
                if (buckets[i].Holds(value))
                {
                    counts[i]++;
                    break;
                }
            }
        }

        return [.. buckets.Select((b, i) => new BucketCount(b.Label, b.Lower, b.Upper, counts[i]))];
    }
}
