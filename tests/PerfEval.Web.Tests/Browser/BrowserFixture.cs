using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Tests.Browser;

/// <summary>
/// The service on a real Kestrel port (a temporary SQLite data folder, role <c>api</c>: uploads stay queued until
/// the test processes them, so the browser is seen to go from 排队中 to 已完成) and Debian's Chromium driven by
/// Playwright. Playwright's own browser download is not used: the browser is <c>/usr/bin/chromium</c>
/// (<c>.ci/run</c> installs it), or the one named by <c>PERFEVAL_CHROMIUM</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "PERFEVAL_CHROMIUM";

    /// <summary>Generous: CI machines are small and the first page of a fresh process compiles a lot.</summary>
    public const float Timeout = 60_000;

    private IPlaywright? playwright;

    public BrowserServiceFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the screenshots go: <c>TestResults/screenshots</c> beside the test assembly.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install Debian's package (apt-get install -y chromium), as .ci/run does, or set {ChromiumVariable}.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Timeout = Timeout,
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page on the service; screenshots numbered in order.</summary>
    public async Task<BrowserSession> SessionAsync(string who)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return new BrowserSession(this, context, await context.NewPageAsync(), who);
    }

    /// <summary>Runs the processing job of a submission now, as a worker would.</summary>
    public async Task ProcessAsync(Guid submissionId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<ProcessSubmissionJob>(scope.ServiceProvider);
        await job.RunAsync(submissionId, null, TestContext.Current.CancellationToken);
    }

    private int shot;

    internal string NextScreenshotPath(string who, string name) =>
        Path.Combine(ScreenshotFolder, $"{Interlocked.Increment(ref shot):00}-{who}-{name}.png");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>The service with no in-process worker: the browser test decides when a submission is processed.</summary>
public sealed class BrowserServiceFactory : ServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["PerfEval:Role"] = "api" };
}
