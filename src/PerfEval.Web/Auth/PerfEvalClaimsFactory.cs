using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PerfEval.Web.Data;

namespace PerfEval.Web.Auth;

/// <summary>Adds the unit account's organisation and the display name to the signed-in principal.</summary>
public sealed class PerfEvalClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "perfeval:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.UnitName))
        {
            identity.AddClaim(new Claim(Viewer.UnitClaim, user.UnitName));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.UserName ?? string.Empty));
        return identity;
    }
}
