using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PerfEval.Web.Data;

namespace PerfEval.Web.Auth;

/// <summary>
/// Signs in an API client by <c>Authorization: Bearer pe_…</c>: the token's hash must name a token that is neither
/// revoked nor expired, of an account that is not locked out. The principal is the same as a cookie sign-in gives.
/// A successful look-up is reused for a few seconds (<see cref="AccessTokenCache"/>); expiry and lockout are still
/// checked on every request.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PerfEvalDbContext db,
    TimeProvider clock,
    AccessTokenCache tokenCache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>Last-used times are written at most this often per token.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The token from an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>401 as a Chinese ProblemDetails (token missing, unknown, revoked or expired).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthServices.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized);

    /// <summary>403 as a Chinese ProblemDetails (the token's role may not do this).</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthServices.WriteProblemAsync(Context, StatusCodes.Status403Forbidden);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = AccessTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var fromCache = tokenCache.TryGet(hash, now, out var cached);
        var lookupGeneration = tokenCache.Generation;
        var grant = fromCache ? cached.Grant : await LookUpAsync(hash);

        // Checked against now on every request, also for a cached grant: a token that expires within the cache's
        // lifetime stops at its expiry.
        if (grant is null || grant.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        if (grant.LockoutEnd is { } lockout && lockout.UtcDateTime > now)
        {
            return AuthenticateResult.Fail("The account of the access token is disabled.");
        }

        if (grant.LastUsedAt is null || now - grant.LastUsedAt > LastUsedResolution)
        {
            var written = await db.AccessTokens.Where(t => t.Id == grant.TokenId && t.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            if (written == 0)
            {
                // Revoked since the grant was read (a revocation by this process would have dropped it from the cache).
                tokenCache.Remove(hash);
                return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
            }

            grant = grant with { LastUsedAt = now };
            if (fromCache)
            {
                tokenCache.Replace(hash, cached, grant, now);
            }
        }

        if (!fromCache)
        {
            // Only a token that signs in is kept: an unknown one may be created the next moment.
            tokenCache.Store(hash, grant, lookupGeneration, now);
        }

        // The same claims a cookie sign-in carries (see PerfEvalClaimsFactory).
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, grant.UserId),
            new(ClaimTypes.Name, grant.UserName ?? string.Empty),
            new(PerfEvalClaimsFactory.DisplayNameClaim, grant.DisplayName ?? grant.UserName ?? string.Empty),
        };
        if (grant.Role is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        if (!string.IsNullOrEmpty(grant.UnitName))
        {
            claims.Add(new Claim(Viewer.UnitClaim, grant.UnitName));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// One query for the token, its account and the account's role: this runs for every API request of a script whose
    /// token is not cached, so it must not cost the handful of round trips UserManager and the claims factory would.
    /// </summary>
    private Task<TokenGrant?> LookUpAsync(string hash) =>
        (from t in db.AccessTokens.AsNoTracking()
         join u in db.Users.AsNoTracking() on t.UserId equals u.Id
         where t.Hash == hash && t.RevokedAt == null
         select new TokenGrant(
             t.Id,
             t.ExpiresAt,
             u.Id,
             u.UserName,
             u.DisplayName,
             u.UnitName,
             (from ur in db.UserRoles
              join r in db.Roles on ur.RoleId equals r.Id
              where ur.UserId == u.Id
              select r.Name).FirstOrDefault(),
             u.LockoutEnd,
             t.LastUsedAt))
        .FirstOrDefaultAsync(Context.RequestAborted);
}
