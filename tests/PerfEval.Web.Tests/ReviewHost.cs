using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;

namespace PerfEval.Web.Tests;

/// <summary>A signed-in user as the tests send it (the service has no sign-in of its own yet).</summary>
public sealed record ReviewUser(string Name, string Role, string? Unit = null)
{
    public static ReviewUser Auditor(string name) => new(name, Roles.Auditor);

    public static ReviewUser Admin { get; } = new("管理员", Roles.Admin);

    public static ReviewUser UnitClerk(string name, string? unit) => new(name, Roles.Unit, unit);
}

/// <summary>
/// The service of <typeparamref name="TFactory"/> (a fresh SQLite or PostgreSQL database per test class) with one
/// addition for the tests: a request carrying <see cref="TestUsers.Header"/> runs as that user (name, role and unit
/// claims, as sign-in will give them), so the handlers see a real <see cref="Viewer"/>.
/// </summary>
public sealed class ReviewHost<TFactory> : IAsyncDisposable
    where TFactory : ServiceFactory, new()
{
    private readonly Lazy<WebApplicationFactory<Program>> app;

    public ReviewHost()
    {
        Factory = new TFactory();
        app = new(() => Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestUsers>())));
    }

    public TFactory Factory { get; }

    public IServiceProvider Services => app.Value.Services;

    public HttpClient Client(ReviewUser user)
    {
        var client = app.Value.CreateClient();
        client.DefaultRequestHeaders.Add(TestUsers.Header, TestUsers.Encode(user));
        return client;
    }

    /// <summary>A client without a user (the service treats it as the system until sign-in exists).</summary>
    public HttpClient AnonymousClient() => app.Value.CreateClient();

    /// <summary>Uploads the seed report for a unit of its own (the same bytes for another unit are a new submission),
    /// waits until it is checked and returns its id.</summary>
    public async Task<Guid> UploadSeedAsync(string unit)
    {
        var client = Client(ReviewUser.Admin);
        var bytes = await File.ReadAllBytesAsync(Api.Sample("2023-miluo-disabled-federation.docx"), TestContext.Current.CancellationToken);
        var (_, receipt) = await client.UploadAsync(bytes, "2023-miluo-disabled-federation.docx", unit: unit);
        var id = receipt.GetProperty("id").GetString()!;
        var submission = await client.WaitUntilFinishedAsync(id);
        Assert.Equal("done", submission.GetProperty("state").GetString());
        return Guid.Parse(id);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposes the derived host too, then the database.
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Runs a request carrying <see cref="Header"/> (<c>name|role|unit</c>, each part URI-escaped) as that user.</summary>
public sealed class TestUsers : IStartupFilter
{
    public const string Header = "X-Test-User";

    public static string Encode(ReviewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return string.Join('|', Uri.EscapeDataString(user.Name), Uri.EscapeDataString(user.Role), Uri.EscapeDataString(user.Unit ?? string.Empty));
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, proceed) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && value.ToString().Split('|') is [var name, var role, var unit])
            {
                var claims = new List<Claim>
                {
                    new(ClaimTypes.Name, Uri.UnescapeDataString(name)),
                    new(ClaimTypes.Role, Uri.UnescapeDataString(role)),
                };
                if (unit.Length > 0)
                {
                    claims.Add(new Claim(Viewer.UnitClaim, Uri.UnescapeDataString(unit)));
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
            }

            return proceed(context);
        });
        next(app);
    };
}

/// <summary>The review endpoints as a client calls them.</summary>
internal static class ReviewApiCalls
{
    public static async Task<JsonElement> GetReviewAsync(this HttpClient client, Guid id) =>
        await client.GetJsonAsync($"/api/submissions/{id}/review");

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> DecideAsync(
        this HttpClient client, Guid id, object finding, string? action, string? comment = null)
    {
        var response = await client.PostAsJsonAsync(
            new Uri($"/api/submissions/{id}/findings/{finding}/decision", UriKind.Relative),
            new { action, comment },
            TestContext.Current.CancellationToken);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> MarkReviewedAsync(this HttpClient client, Guid id, string? comment = null)
    {
        using var content = JsonContent.Create(new { comment });
        var response = await client.PostAsync(new Uri($"/api/submissions/{id}/reviewed", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> UnmarkReviewedAsync(this HttpClient client, Guid id)
    {
        var response = await client.DeleteAsync(new Uri($"/api/submissions/{id}/reviewed", UriKind.Relative), TestContext.Current.CancellationToken);
        return (response, await response.ReadJsonAsync());
    }

    /// <summary>Every finding of a review answer, in form and category order.</summary>
    public static List<JsonElement> Findings(this JsonElement review) =>
        review.GetProperty("forms").EnumerateArray()
            .SelectMany(f => f.GetProperty("categories").EnumerateArray())
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .ToList();

    public static JsonElement Finding(this JsonElement review, string fingerprint) =>
        review.Findings().Single(f => f.GetProperty("fingerprint").GetString() == fingerprint);

    public static List<JsonElement> History(this JsonElement review) => review.GetProperty("history").EnumerateArray().ToList();
}
