using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.LoadTest;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest rank).</summary>
internal sealed record Spread(int Count, double P50, double P95, double Max)
{
    public static Spread Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new Spread(0, double.NaN, double.NaN, double.NaN)
            : new Spread(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The results of a run: throughput, latency from upload to done, and where the time went.</summary>
internal sealed record Report(
    string Tool,
    string? Label,
    string Url,
    int Count,
    double Rate,
    int Concurrency,
    int Uploaded,
    int Done,
    int Failed,
    int Pending,
    IReadOnlyDictionary<string, int> UploadErrors,
    double UploadSeconds,
    double UploadsPerSecond,
    double EndToEndSeconds,
    double ReportsPerSecond,
    [property: JsonPropertyName("latencyMs")] Spread Latency,
    [property: JsonPropertyName("uploadMs")] Spread Upload,
    [property: JsonPropertyName("queueMs")] Spread Queue,
    [property: JsonPropertyName("processingMs")] Spread Processing,
    double BehindScheduleMaxMs,
    int StatusRequests,
    double ClientCpuSeconds,
    IReadOnlyList<double>? LoadAverageAtStart,
    IReadOnlyList<double>? LoadAverageAtEnd)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Report Of(
        string? label,
        LoadSettings settings,
        IReadOnlyList<Outcome> outcomes,
        int statusRequests,
        IReadOnlyList<double>? loadAtStart,
        IReadOnlyList<double>? loadAtEnd)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var uploaded = outcomes.Where(o => o.Id is not null).ToList();
        var finished = uploaded.Where(o => o.Finished && o.FinishedAt is not null).ToList();
        var first = outcomes.Where(o => o.SentAt != default).Select(o => o.SentAt).DefaultIfEmpty().Min();
        var lastAccepted = uploaded.Select(o => o.AcceptedAt).DefaultIfEmpty().Max();
        var lastFinished = finished.Select(o => o.FinishedAt!.Value).DefaultIfEmpty().Max();
        var uploadSeconds = uploaded.Count > 0 ? (lastAccepted - first).TotalSeconds : 0;
        var endToEndSeconds = finished.Count > 0 ? (lastFinished - first).TotalSeconds : 0;

        return new Report(
            "perfeval-loadtest",
            label,
            settings.BaseUrl.ToString(),
            outcomes.Count,
            settings.Rate,
            settings.Concurrency,
            uploaded.Count,
            finished.Count(o => o.State == "done"),
            finished.Count(o => o.State == "failed"),
            uploaded.Count - finished.Count,
            outcomes.Where(o => o.UploadError is not null).GroupBy(o => o.UploadError!).ToDictionary(g => g.Key, g => g.Count()),
            Round(uploadSeconds),
            Round(uploadSeconds > 0 ? uploaded.Count / uploadSeconds : double.NaN),
            Round(endToEndSeconds),
            Round(endToEndSeconds > 0 ? finished.Count / endToEndSeconds : double.NaN),
            Ms(finished.Select(o => (o.FinishedAt!.Value - o.SentAt).TotalMilliseconds)),
            Ms(uploaded.Select(o => (o.AcceptedAt - o.SentAt).TotalMilliseconds)),
            Ms(finished.Where(o => o.StartedAt is not null && o.CreatedAt is not null).Select(o => (o.StartedAt!.Value - o.CreatedAt!.Value).TotalMilliseconds)),
            Ms(finished.Where(o => o.StartedAt is not null).Select(o => (o.FinishedAt!.Value - o.StartedAt!.Value).TotalMilliseconds)),
            Round(outcomes.Where(o => o.SentAt != default).Select(o => (o.SentAt - o.DueAt).TotalMilliseconds).DefaultIfEmpty().Max()),
            statusRequests,
            Round(Environment.CpuUsage.TotalTime.TotalSeconds),
            loadAtStart,
            loadAtEnd);
    }

    public bool Complete => Uploaded == Count && Pending == 0 && UploadErrors.Count == 0;

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"负载测试 / load test{(Label is null ? "" : " — " + Label)}: {Url}");
        text.AppendLine(c, $"  提交 / reports:      {Count} ({(Rate > 0 ? Rate.ToString("0.##", c) + " /s" : "as fast as possible")}, concurrency {Concurrency})");
        text.AppendLine(c, $"  上传 / uploaded:     {Uploaded} in {UploadSeconds:0.00} s = {UploadsPerSecond:0.0} uploads/s");
        text.AppendLine(c, $"  完成 / finished:     {Done} done, {Failed} failed, {Pending} pending; {EndToEndSeconds:0.00} s = {ReportsPerSecond:0.0} reports/s end to end");
        text.AppendLine(c, $"  上传到完成 / upload→done ms: p50 {Latency.P50:0} p95 {Latency.P95:0} max {Latency.Max:0}");
        text.AppendLine(c, $"    其中 / of which: upload p50 {Upload.P50:0} p95 {Upload.P95:0}; queue p50 {Queue.P50:0} p95 {Queue.P95:0}; processing p50 {Processing.P50:0} p95 {Processing.P95:0}");
        if (Rate > 0)
        {
            text.AppendLine(c, $"  最多落后计划 / most behind schedule: {BehindScheduleMaxMs:0} ms");
        }

        text.AppendLine(c, $"  状态查询 / status requests: {StatusRequests}; 本工具 CPU / this tool's CPU: {ClientCpuSeconds:0.00} s");
        foreach (var (error, count) in UploadErrors)
        {
            text.AppendLine(c, $"  上传失败 / upload errors: {count} × {error}");
        }

        if (LoadAverageAtStart is not null && LoadAverageAtEnd is not null)
        {
            text.AppendLine(c, $"  负载 / load average: start {string.Join(' ', LoadAverageAtStart.Select(l => l.ToString("0.00", c)))}, end {string.Join(' ', LoadAverageAtEnd.Select(l => l.ToString("0.00", c)))} ({Environment.ProcessorCount} processors)");
        }

        return text.ToString();
    }

    /// <summary>The 1, 5 and 15 minute load averages, where the system tells them (Linux).</summary>
    public static IReadOnlyList<double>? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Spread Ms(IEnumerable<double> values)
    {
        var spread = Spread.Of(values);
        return spread with { P50 = Round(spread.P50), P95 = Round(spread.P95), Max = Round(spread.Max) };
    }

    private static double Round(double value) => Math.Round(value, 2);
}
