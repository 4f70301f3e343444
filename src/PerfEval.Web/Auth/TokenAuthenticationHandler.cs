using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
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
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
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

        var hash = AccessTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        var user = await users.FindByIdAsync(found.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The account of the access token is disabled.");
        }

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
        {
            await db.AccessTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
