using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PerfEval.LoadTest;

/// <summary>What one run is asked to do.</summary>
internal sealed record LoadSettings(
    Uri BaseUrl,
    int Count,
    double Rate,
    int Concurrency,
    int Year,
    TimeSpan PollInterval,
    TimeSpan Timeout);

/// <summary>What happened to one upload, with the client's and the server's clocks (one machine, so comparable).</summary>
internal sealed class Outcome(Payload payload)
{
    public Payload Payload { get; } = payload;

    /// <summary>When the upload was due (rate mode) or queued (as fast as possible).</summary>
    public DateTime DueAt { get; set; }

    public DateTime SentAt { get; set; }

    public DateTime AcceptedAt { get; set; }

    public Guid? Id { get; set; }

    /// <summary>Why the upload itself failed (HTTP status and problem code), if it did.</summary>
    public string? UploadError { get; set; }

    public string? State { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public bool Finished => State is "done" or "failed";

    /// <summary>When to ask for this submission's status next (the poll interval, doubling while it is not finished).</summary>
    public DateTime NextPollAt { get; set; }

    public TimeSpan PollBackoff { get; set; }
}

/// <summary>
/// Uploads the payloads at the given rate (or as fast as the concurrency limit allows), follows each submission's
/// status URL until it is done or failed, and keeps the timestamps the results are computed from.
/// </summary>
internal sealed class LoadRun(HttpClient http, LoadSettings settings)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<Outcome> _pending = new();
    private int _statusRequests;

    public async Task<IReadOnlyList<Outcome>> RunAsync(IReadOnlyList<Payload> payloads, CancellationToken cancellationToken)
    {
        var outcomes = payloads.Select(p => new Outcome(p)).ToArray();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        using var uploadsDone = new CancellationTokenSource();
        var poller = PollAsync(uploadsDone.Token, deadline.Token);

        var timedOut = false;
        try
        {
            await UploadAllAsync(outcomes, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        finally
        {
            await uploadsDone.CancelAsync();
        }

        try
        {
            await poller;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }

        if (timedOut)
        {
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"超时：{settings.Timeout.TotalSeconds:0} 秒内未全部完成 / timeout: not everything finished within {settings.Timeout.TotalSeconds:0} s"));
        }

        return outcomes;
    }

    private async Task UploadAllAsync(Outcome[] outcomes, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var clock = Stopwatch.StartNew();
        var start = DateTime.UtcNow;
        var uploads = new List<Task>(outcomes.Length);
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            if (settings.Rate > 0)
            {
                // Open loop: upload i is due at i / rate, whether or not earlier ones have been answered.
                var due = TimeSpan.FromSeconds(i / settings.Rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                outcome.DueAt = start + due;
            }
            else
            {
                outcome.DueAt = DateTime.UtcNow;
            }

            await slots.WaitAsync(cancellationToken);
            uploads.Add(UploadOneAsync(outcome, slots, cancellationToken));
        }

        await Task.WhenAll(uploads);
    }

    private async Task UploadOneAsync(Outcome outcome, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(outcome.Payload.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", outcome.Payload.FileName);
            form.Add(new StringContent(settings.Year.ToString(CultureInfo.InvariantCulture)), "year");
            form.Add(new StringContent(outcome.Payload.Unit), "unit");
            outcome.SentAt = DateTime.UtcNow;
            using var response = await http.PostAsync(new Uri("api/submissions", UriKind.Relative), form, cancellationToken);
            outcome.AcceptedAt = DateTime.UtcNow;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var json = JsonDocument.Parse(body);
                outcome.Id = json.RootElement.GetProperty("id").GetGuid();
                outcome.State = "queued";
                _pending.Enqueue(outcome);
            }
            else
            {
                outcome.UploadError = $"{(int)response.StatusCode} {ProblemCode(body)}";
            }
        }
        catch (HttpRequestException ex)
        {
            outcome.UploadError = ex.HttpRequestError.ToString();
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>How many status requests the run made (they load the service too).</summary>
    public int StatusRequests => _statusRequests;

    /// <summary>
    /// Every poll interval, asks for the status of the pending submissions that are due, oldest first and at most
    /// <c>concurrency</c> of them, until the uploads are over and nothing is pending. A submission not finished yet is
    /// asked again after twice as long (up to 2 s): the latency is taken from the service's own finish time, so
    /// asking less often does not change it, and a long queue is not made longer by a flood of status requests.
    /// </summary>
    private async Task PollAsync(CancellationToken uploadsDone, CancellationToken cancellationToken)
    {
        var waiting = new List<Outcome>();
        while (true)
        {
            while (_pending.TryDequeue(out var next))
            {
                next.PollBackoff = settings.PollInterval;
                next.NextPollAt = next.AcceptedAt + settings.PollInterval;
                waiting.Add(next);
            }

            if (waiting.Count == 0 && uploadsDone.IsCancellationRequested && _pending.IsEmpty)
            {
                return;
            }

            var now = DateTime.UtcNow;
            var due = waiting.Where(o => o.NextPollAt <= now).OrderBy(o => o.Payload.Index).Take(settings.Concurrency).ToList();
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (outcome, ct) => await RefreshAsync(outcome, ct));
            foreach (var outcome in due.Where(o => !o.Finished))
            {
                outcome.PollBackoff = TimeSpan.FromTicks(Math.Min(outcome.PollBackoff.Ticks * 2, MaxBackoff.Ticks));
                outcome.NextPollAt = DateTime.UtcNow + outcome.PollBackoff;
            }

            waiting.RemoveAll(o => o.Finished);
            await Task.Delay(settings.PollInterval, cancellationToken);
        }
    }

    private async Task RefreshAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref _statusRequests);
            using var response = await http.GetAsync(new Uri($"api/submissions/{outcome.Id}", UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var view = await response.Content.ReadFromJsonAsync<StatusView>(cancellationToken);
            if (view is null)
            {
                return;
            }

            outcome.CreatedAt = view.CreatedAt;
            outcome.StartedAt = view.StartedAt;
            outcome.FinishedAt = view.FinishedAt;
            outcome.State = view.State;
        }
        catch (HttpRequestException)
        {
            // Polled again on the next sweep.
        }
    }

    private static string ProblemCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private sealed record StatusView(string State, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt);
}
