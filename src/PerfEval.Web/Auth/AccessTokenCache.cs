using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PerfEval.Web.Hosting;

namespace PerfEval.Web.Auth;

/// <summary>What the token query found: the token, its account and the account's role.</summary>
public sealed record TokenGrant(
    Guid TokenId,
    DateTime? ExpiresAt,
    string UserId,
    string? UserName,
    string? DisplayName,
    string? UnitName,
    string? Role,
    DateTimeOffset? LockoutEnd,
    DateTime? LastUsedAt);

/// <summary>A grant served from the cache, with what is needed to replace it without extending its life.</summary>
public readonly record struct CachedGrant(TokenGrant Grant, long Generation, DateTime Until);

/// <summary>
/// Successful token look-ups of this process, keyed by the token's hash, for <c>PerfEval:Auth:TokenCacheSeconds</c>
/// (never past the token's own expiry). Failed look-ups are not kept, so a new token works at once. Every change in
/// this process that can refuse a token (revocation, lockout, role, unit, display name: see
/// <see cref="Invalidate"/>'s callers and <see cref="PerfEvalUserManager"/>) drops every entry; other processes on the
/// same database notice such a change when their entry ends, at most the TTL later.
/// </summary>
public sealed class AccessTokenCache : IDisposable
{
    /// <summary>At most this many tokens are kept; beyond it new look-ups are not cached (and older entries are
    /// compacted away), so a flood of distinct tokens cannot grow memory without bound.</summary>
    public const int MaxEntries = 10_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeSpan ttl;

    /// <summary>Bumped by every invalidation; an entry stored under an older generation is ignored. A look-up that
    /// started before an invalidation therefore cannot put back what the invalidation dropped.</summary>
    private long generation;

    public AccessTokenCache(IOptions<PerfEvalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ttl = TimeSpan.FromSeconds(Math.Max(0, options.Value.Auth.TokenCacheSeconds));
    }

    /// <summary>False when <c>TokenCacheSeconds</c> is 0: every request looks its token up.</summary>
    public bool Enabled => ttl > TimeSpan.Zero;

    /// <summary>Read before a look-up and passed to <see cref="Store"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(string hash, DateTime now, out CachedGrant cached)
    {
        cached = default;
        if (!Enabled || !cache.TryGetValue(hash, out CachedGrant found))
        {
            return false;
        }

        if (found.Generation != Generation || now >= found.Until)
        {
            cache.Remove(hash);
            return false;
        }

        cached = found;
        return true;
    }

    /// <summary>Keeps a fresh look-up for the TTL from <paramref name="now"/>, but not past the token's expiry, and
    /// not at all when an invalidation happened since <paramref name="lookupGeneration"/> was read.</summary>
    public void Store(string hash, TokenGrant grant, long lookupGeneration, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var until = now + ttl;
        if (grant.ExpiresAt is { } expires && expires < until)
        {
            until = expires;
        }

        Set(hash, new CachedGrant(grant, lookupGeneration, until), now);
    }

    /// <summary>Replaces a cached grant (a newer last-used time) keeping its generation and its end.</summary>
    public void Replace(string hash, CachedGrant cached, TokenGrant grant, DateTime now) =>
        Set(hash, cached with { Grant = grant }, now);

    /// <summary>Drops one token's entry (found revoked).</summary>
    public void Remove(string hash) => cache.Remove(hash);

    /// <summary>Drops every entry. Call after the change is written: a token, an account or a role changed in a way
    /// that may refuse tokens.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cache.Clear();
    }

    public void Dispose() => cache.Dispose();

    private void Set(string hash, CachedGrant cached, DateTime now)
    {
        if (!Enabled || cached.Until <= now || cached.Generation != Generation)
        {
            return;
        }

        // The entry's own end is checked against the injected clock on every read; the cache's expiry (on the system
        // clock) only frees the memory.
        cache.Set(hash, cached, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = cached.Until - now });
    }
}
