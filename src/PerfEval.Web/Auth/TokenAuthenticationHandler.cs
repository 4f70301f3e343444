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
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PerfEvalDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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

        // One query for the token, its account and the account's role: this runs on every API request of a
        // script, so it must not cost the handful of round trips UserManager and the claims factory would.
        var hash = AccessTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await (
                from t in db.AccessTokens.AsNoTracking()
                join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                where t.Hash == hash && t.RevokedAt == null
                select new
                {
                    t.Id,
                    t.ExpiresAt,
                    t.LastUsedAt,
                    UserId = u.Id,
                    u.UserName,
                    u.UnitName,
                    u.DisplayName,
                    u.LockoutEnd,
                    Role = (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ur.UserId == u.Id
                            select r.Name).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        if (found.LockoutEnd is { } lockout && lockout.UtcDateTime > now)
        {
            return AuthenticateResult.Fail("The account of the access token is disabled.");
        }

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
        {
            await db.AccessTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        // The same claims a cookie sign-in carries (see PerfEvalClaimsFactory).
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserId),
            new(ClaimTypes.Name, found.UserName ?? string.Empty),
            new(PerfEvalClaimsFactory.DisplayNameClaim, found.DisplayName ?? found.UserName ?? string.Empty),
        };
        if (found.Role is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        if (!string.IsNullOrEmpty(found.UnitName))
        {
            claims.Add(new Claim(Viewer.UnitClaim, found.UnitName));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
