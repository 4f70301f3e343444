using Microsoft.Playwright;

namespace PerfEval.Web.Tests.Browser;

/// <summary>One person at one browser: signs in, takes a screenshot of each page visited, and collects what the
/// browser reports about the content security policy (a page that breaks it is a failure).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserFixture fixture;
    private readonly string who;

    internal BrowserSession(BrowserFixture fixture, IBrowserContext context, IPage page, string who)
    {
        this.fixture = fixture;
        this.who = who;
        Context = context;
        Page = page;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Errors the page logged (a blocked inline script or style shows up here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Saves a screenshot as <c>TestResults/screenshots/NN-who-name.png</c>: the full page, or only what is in
    /// the window (to show where it has scrolled to).</summary>
    public async Task ShotAsync(string name, bool fullPage = true) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = fixture.NextScreenshotPath(who, name), FullPage = fullPage });

    /// <summary>Opens a path and waits for its main part.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("main").WaitForAsync();
    }

    /// <summary>Signs in on the sign-in page (reached by opening the home page signed out).</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await OpenAsync("/");
        await Page.WaitForURLAsync("**/account/login**");
        await Page.Locator("#userName").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await ShotAsync("sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
