using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PerfEval.LoadTest;

/// <summary>
/// Load test for the PerfEval service: uploads N reports (distinct bytes made from the sample reports) at a rate or as
/// fast as a concurrency limit allows, follows each until it is done or failed, and prints uploads/s, end-to-end
/// reports/s and the upload-to-done latency (p50/p95/max), also as one JSON line. scripts/load/run.sh starts a
/// service on a fresh database and runs this against it.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var url = new Option<string>("--url") { Description = "服务地址 / service base URL", DefaultValueFactory = _ => "http://127.0.0.1:5080/" };
        var count = new Option<int>("--count", "-n") { Description = "上传的报告数 / reports to upload", DefaultValueFactory = _ => 200 };
        var rate = new Option<double>("--rate") { Description = "每秒上传数，0 为尽快 / uploads per second, 0 = as fast as possible", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "同时进行的请求上限 / most requests in flight", DefaultValueFactory = _ => 16 };
        var units = new Option<int>("--units") { Description = "代为上传的单位数 / units to upload for", DefaultValueFactory = _ => 20 };
        var year = new Option<int>("--year") { Description = "预算年度 / fiscal year", DefaultValueFactory = _ => 2023 };
        var samples = new Option<DirectoryInfo>("--samples") { Description = "样本报告文件夹 (.docx/.txt) / sample reports folder", DefaultValueFactory = _ => new DirectoryInfo("sample-docs") };
        var poll = new Option<int>("--poll-ms") { Description = "查询状态的间隔（毫秒）/ status poll interval in ms", DefaultValueFactory = _ => 250 };
        var timeout = new Option<int>("--timeout-s") { Description = "整个运行的时限（秒）/ limit for the whole run in s", DefaultValueFactory = _ => 600 };
        var token = new Option<string?>("--token") { Description = "访问令牌 / bearer token" };
        var user = new Option<string?>("--user") { Description = "用于换取令牌的账号 / account to obtain a token with" };
        var password = new Option<string?>("--password") { Description = "该账号的密码 / its password" };
        var label = new Option<string?>("--label") { Description = "写入结果的说明 / label written into the results" };

        var root = new RootCommand("PerfEval 负载测试 / load test: upload reports, wait until they are checked, report throughput and latency")
        {
            url, count, rate, concurrency, units, year, samples, poll, timeout, token, user, password, label,
        };
        foreach (var positive in new[] { count, concurrency, units, poll, timeout })
        {
            positive.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{positive.Name} must be positive");
                }
            });
        }

        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() < 0)
            {
                r.AddError("--rate must be 0 (as fast as possible) or positive");
            }
        });
        url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out _))
            {
                r.AddError("--url must be an absolute URL such as http://127.0.0.1:5080/");
            }
        });
        root.SetAction(async (result, cancellationToken) =>
        {
            var baseUrl = result.GetValue(url)!;
            var settings = new LoadSettings(
                new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute),
                result.GetValue(count),
                result.GetValue(rate),
                result.GetValue(concurrency),
                result.GetValue(year),
                TimeSpan.FromMilliseconds(result.GetValue(poll)),
                TimeSpan.FromSeconds(result.GetValue(timeout)));
            return await RunAsync(
                settings,
                result.GetValue(samples)!,
                result.GetValue(units),
                result.GetValue(token),
                result.GetValue(user),
                result.GetValue(password),
                result.GetValue(label),
                cancellationToken);
        });

        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> RunAsync(
        LoadSettings settings,
        DirectoryInfo samples,
        int units,
        string? token,
        string? user,
        string? password,
        string? label,
        CancellationToken cancellationToken)
    {
        if (!samples.Exists)
        {
            await Console.Error.WriteLineAsync($"找不到样本文件夹 / samples folder not found: {samples.FullName}");
            return 2;
        }

        // A new run id per run: re-running against the same database uploads new bytes again.
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var payloads = Payloads.Make(samples.FullName, settings.Count, units, runId);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(100) };

        token ??= user is not null && password is not null ? await ObtainTokenAsync(http, user, password, cancellationToken) : null;
        if (token == string.Empty)
        {
            return 2;
        }

        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var loadAtStart = Report.LoadAverage();
        var run = new LoadRun(http, settings);
        var outcomes = await run.RunAsync(payloads, cancellationToken);
        var report = Report.Of(label, settings, outcomes, run.StatusRequests, loadAtStart, Report.LoadAverage());

        Console.Write(report.ToText());
        Console.WriteLine(report.ToJsonLine());
        return report.Complete ? 0 : 1;
    }

    /// <summary>
    /// Exchanges an account's name and password for a bearer token (<c>POST /api/auth/token</c>). A service without that
    /// endpoint (404) takes anonymous uploads: null, and the run goes on without a token. Any other refusal: an empty
    /// string, after saying why.
    /// </summary>
    private static async Task<string?> ObtainTokenAsync(HttpClient http, string user, string password, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri("api/auth/token", UriKind.Relative), new TokenRequest(user, password, "load test"), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"无法连接服务 / cannot reach the service: {ex.Message}");
            return string.Empty;
        }

        using var answer = response;
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await Console.Error.WriteLineAsync("服务没有 /api/auth/token（404），不带令牌继续 / no token endpoint (404): continuing without a token");
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"无法取得令牌 / could not obtain a token: {(int)response.StatusCode} {body}"));
            return string.Empty;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString() ?? string.Empty;
    }

    private sealed record TokenRequest(string UserName, string Password, string Name);
}
