using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Accounts;

namespace PerfEval.Web.Tests;

public sealed class SqliteTokenCacheTests(TokenCacheHost<ServiceFactory> host)
    : TokenCacheTests<ServiceFactory>(host), IClassFixture<TokenCacheHost<ServiceFactory>>;

public sealed class PostgresTokenCacheTests(TokenCacheHost<PostgresServiceFactory> host)
    : TokenCacheTests<PostgresServiceFactory>(host), IClassFixture<TokenCacheHost<PostgresServiceFactory>>;

public sealed class SqliteTokenCacheOffTests(TokenCacheOffHost<ServiceFactory> host)
    : TokenCacheOffTests<ServiceFactory>(host), IClassFixture<TokenCacheOffHost<ServiceFactory>>;

public sealed class PostgresTokenCacheOffTests(TokenCacheOffHost<PostgresServiceFactory> host)
    : TokenCacheOffTests<PostgresServiceFactory>(host), IClassFixture<TokenCacheOffHost<PostgresServiceFactory>>;

/// <summary>
/// The access-token cache (<c>PerfEval:Auth:TokenCacheSeconds</c> = 10) as an API client sees it: a change made in this
/// process refuses the token on the very next request; a change made by another process on the same database (here
/// written straight to the database) is seen when the cache entry ends; expiry is checked on every request.
/// </summary>
public abstract class TokenCacheTests<TFactory>(TokenCacheHost<TFactory> host)
    where TFactory : ServiceFactory, new()
{
    [Fact]
    public async Task A_token_revoked_through_the_api_is_refused_on_the_next_request()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("revoke-api", Roles.Unit, "撤销单位");
        using var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));

        using var revoke = await client.DeleteAsync(new Uri($"/api/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(client));
    }

    [Fact]
    public async Task A_token_revoked_by_an_admin_is_refused_on_the_owners_next_request()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("revoke-owner", Roles.Auditor);
        var (adminToken, _) = await host.IssueAsync("revoke-admin", Roles.Admin);
        using var owner = host.Client(token);
        using var admin = host.Client(adminToken);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(owner));

        using var revoke = await admin.DeleteAsync(new Uri($"/api/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(owner));
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(admin));
    }

    [Fact]
    public async Task Disabling_an_account_refuses_its_tokens_on_the_next_request()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, _) = await host.IssueAsync("disable-me", Roles.Finance);
        var (adminToken, _) = await host.IssueAsync("disable-admin", Roles.Admin);
        using var client = host.Client(token);
        using var admin = host.Client(adminToken);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));

        using var disable = await admin.PostAsync(new Uri("/api/admin/users/disable-me/disable", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(client));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_its_tokens_on_the_next_request()
    {
        // The lockout is written by Identity, not by a handler of ours: the user manager drops the cache.
        host.Factory.SkipUnlessAvailable();
        var (token, _) = await host.IssueAsync("locked-out", Roles.Auditor);
        using var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));

        using var anonymous = host.Client(null);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/auth/token",
                new { userName = "locked-out", password = $"wrong-pass-{i}", name = "脚本" }, TestContext.Current.CancellationToken);
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(client));
    }

    [Fact]
    public async Task A_token_revoked_by_another_process_is_accepted_until_the_cache_entry_ends()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("revoke-elsewhere", Roles.Unit, "他处撤销单位");
        using var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));

        await host.RevokeInDatabaseAsync(id);
        var withinTtl = await host.StatusAsync(client);
        host.Clock.Advance(TimeSpan.FromSeconds(9));
        var justBeforeTtl = await host.StatusAsync(client);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterTtl = await host.StatusAsync(client);

        // The documented delay: another process's revocation is seen at most TokenCacheSeconds later.
        Assert.Equal(HttpStatusCode.OK, withinTtl);
        Assert.Equal(HttpStatusCode.OK, justBeforeTtl);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTtl);
    }

    [Fact]
    public async Task A_token_expiring_within_the_cache_lifetime_is_refused_from_its_expiry()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("expiring", Roles.Finance);
        await host.SetExpiryAsync(id, host.Clock.GetUtcNow().UtcDateTime.AddSeconds(3));
        using var client = host.Client(token);

        var fresh = await host.StatusAsync(client);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var beforeExpiry = await host.StatusAsync(client);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await host.StatusAsync(client);

        Assert.Equal(HttpStatusCode.OK, fresh);
        Assert.Equal(HttpStatusCode.OK, beforeExpiry);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry);
    }

    [Fact]
    public async Task An_unknown_token_is_not_remembered_so_it_works_once_it_exists()
    {
        host.Factory.SkipUnlessAvailable();
        await host.IssueAsync("late-token", Roles.Auditor);
        var token = AccessTokens.NewToken();
        using var client = host.Client(token);

        var before = await host.StatusAsync(client);
        await host.AddTokenAsync("late-token", token);
        var after = await host.StatusAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, before);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task The_last_used_time_is_still_written_at_most_once_a_minute()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("last-used", Roles.Auditor);
        using var client = host.Client(token);

        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));
        var first = host.Clock.GetUtcNow().UtcDateTime;
        var written = await host.LastUsedAsync(id);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));
        var halfAMinuteLater = await host.LastUsedAsync(id);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));
        var aMinuteLater = await host.LastUsedAsync(id);

        Assert.Equal(first, written);
        Assert.Equal(first, halfAMinuteLater);
        Assert.Equal(first.AddSeconds(61), aMinuteLater);
    }
}

/// <summary>With <c>PerfEval:Auth:TokenCacheSeconds</c> = 0 every request asks the database.</summary>
public abstract class TokenCacheOffTests<TFactory>(TokenCacheOffHost<TFactory> host)
    where TFactory : ServiceFactory, new()
{
    [Fact]
    public async Task Without_the_cache_a_token_revoked_by_another_process_is_refused_at_once()
    {
        host.Factory.SkipUnlessAvailable();
        var (token, id) = await host.IssueAsync("revoke-uncached", Roles.Auditor);
        using var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, await host.StatusAsync(client));

        await host.RevokeInDatabaseAsync(id);

        Assert.Equal(HttpStatusCode.Unauthorized, await host.StatusAsync(client));
    }
}

public sealed class TokenCacheOffHost<TFactory> : TokenCacheHost<TFactory>
    where TFactory : ServiceFactory, new()
{
    protected override int TokenCacheSeconds => 0;
}

/// <summary>
/// The service of <typeparamref name="TFactory"/> with <c>PerfEval:Auth:TokenCacheSeconds</c> set and a clock the
/// tests move (the service's <see cref="TimeProvider"/>), plus what the tests do to tokens behind the API's back.
/// </summary>
public class TokenCacheHost<TFactory> : IAsyncDisposable
    where TFactory : ServiceFactory, new()
{
    private readonly Lazy<WebApplicationFactory<Program>> app;

    public TokenCacheHost()
    {
        Factory = new TFactory();
        app = new(() => Factory.WithWebHostBuilder(b => b
            .UseSetting("PerfEval:Auth:TokenCacheSeconds", TokenCacheSeconds.ToString(CultureInfo.InvariantCulture))
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock))));
    }

    public TFactory Factory { get; }

    /// <summary>Starts now, in whole seconds (PostgreSQL keeps microseconds, not ticks).</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected virtual int TokenCacheSeconds => 10;

    /// <summary>A client sending the token (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = app.Value.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The status of <c>GET /api/me</c>: 200 while the token signs in, 401 once it does not.</summary>
    public async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>An account (created on first use, password already changed) and a new token of it.</summary>
    public async Task<(string Token, Guid Id)> IssueAsync(string userName, string role, string? unit = null)
    {
        await using var scope = app.Value.Services.CreateAsyncScope();
        var user = await UserAsync(scope.ServiceProvider, userName, role, unit);
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var created = await IssueToken.CreateAsync(db, Clock, user.Id, "tests", null, TestContext.Current.CancellationToken);
        return (created.Token, created.Id);
    }

    /// <summary>Stores a token of the caller's choosing for an existing account.</summary>
    public async Task AddTokenAsync(string userName, string token)
    {
        await using var scope = app.Value.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("no such account");
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        db.AccessTokens.Add(new AccessToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Name = "chosen",
            Hash = AccessTokens.Hash(token),
            Prefix = AccessTokens.Shown(token),
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Revokes the token the way another process on the same database would: in the database only.</summary>
    public Task RevokeInDatabaseAsync(Guid id) =>
        UpdateAsync(id, now => tokens => tokens.ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), TestContext.Current.CancellationToken));

    public Task SetExpiryAsync(Guid id, DateTime expiresAt) =>
        UpdateAsync(id, _ => tokens => tokens.ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, expiresAt), TestContext.Current.CancellationToken));

    public async Task<DateTime?> LastUsedAsync(Guid id)
    {
        await using var scope = app.Value.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        return await db.AccessTokens.AsNoTracking().Where(t => t.Id == id).Select(t => t.LastUsedAt)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposes the derived host too, then the database.
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task UpdateAsync(Guid id, Func<DateTime, Func<IQueryable<AccessToken>, Task<int>>> update)
    {
        await using var scope = app.Value.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        Assert.Equal(1, await update(Clock.GetUtcNow().UtcDateTime)(db.AccessTokens.Where(t => t.Id == id)));
    }

    private static async Task<AppUser> UserAsync(IServiceProvider services, string userName, string role, string? unit)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing;
        }

        await services.GetRequiredService<AccountBootstrap>().CreateOrResetAsync(userName, role, unit, null);
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("account not created");
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return user;
    }
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
