using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Accounts;

namespace PerfEval.Web.Tests;

/// <summary>
/// The service in process on a fresh SQLite database (created by the migrations at start) and a fresh Hangfire
/// SQLite storage, both in a temporary folder of its own, with a real Hangfire server. One per test class.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "perfeval-web-tests", Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string> tokens = [];

    /// <summary>Tests may ask for clients concurrently; accounts and tokens are made one at a time.</summary>
    private readonly SemaphoreSlim tokenLock = new(1, 1);

    /// <summary>A client signed in with a personal access token of an account of the role (created on first use;
    /// the same user name gives the same account). A unit account belongs to <paramref name="unit"/>.</summary>
    public async Task<HttpClient> ClientAsync(string role = Roles.Admin, string? unit = null, string? userName = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, unit, userName));
        return client;
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient AnonymousClient() => CreateClient();

    /// <summary>A personal access token for an account of the role (see <see cref="ClientAsync"/>).</summary>
    public async Task<string> TokenAsync(string role, string? unit = null, string? userName = null)
    {
        userName ??= unit is null ? $"test-{role}" : $"test-{role}-{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(unit))[..16]}";
        await tokenLock.WaitAsync();
        try
        {
            return await IssueTokenAsync(role, unit, userName);
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private async Task<string> IssueTokenAsync(string role, string? unit, string userName)
    {
        if (tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().CreateOrResetAsync(userName, role, unit, null);
            user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("account not created");
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var created = await IssueToken.CreateAsync(db, TimeProvider.System, user.Id, "tests", null, CancellationToken.None);
        tokens[userName] = created.Token;
        return created.Token;
    }

    /// <summary>Skips the calling test when the database this factory needs is not configured.</summary>
    public virtual void SkipUnlessAvailable()
    {
    }

    /// <summary>Settings on top of the defaults; subclasses change the role or the limits.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("PerfEval:DataFolder", DataFolder);
        builder.UseSetting("PerfEval:Jobs:PollInterval", "00:00:00.200");
        builder.UseSetting("PerfEval:Jobs:WorkerCount", "2");
        builder.UseSetting("PerfEval:Jobs:ShutdownTimeout", "00:00:02");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        tokenLock.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>What the tests share: uploading, waiting and reading answers as JSON, the way a client would.</summary>
internal static class Api
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-docs", name);

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, int? year = 2023, string? unit = null, string? note = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        if (year is not null)
        {
            form.Add(new StringContent(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        }

        if (unit is not null)
        {
            form.Add(new StringContent(unit), "unit");
        }

        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        return form;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> UploadAsync(
        this HttpClient client, byte[] bytes, string fileName, int? year = 2023, string? unit = "测试单位", string? note = null)
    {
        using var form = Form(bytes, fileName, year, unit, note);
        var response = await client.PostAsync(new Uri("/api/submissions", UriKind.Relative), form, TestContext.Current.CancellationToken);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls the submission until it is done or failed (60 s at most) and returns it.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(this HttpClient client, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var submission = await client.GetJsonAsync($"/api/submissions/{id}");
            var state = submission.GetProperty("state").GetString();
            if (state is "done" or "failed")
            {
                return submission;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"submission {id} still {state} after 60 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static void AssertProblem(HttpResponseMessage response, JsonElement body, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.True(HasChinese(body.GetProperty("title").GetString()), "title in Chinese");
        Assert.True(HasChinese(body.GetProperty("detail").GetString()), "detail in Chinese");
    }

    public static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    public static JsonContent Json(object value) => JsonContent.Create(value);
}
