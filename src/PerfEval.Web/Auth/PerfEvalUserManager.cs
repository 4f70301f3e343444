using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PerfEval.Web.Data;

namespace PerfEval.Web.Auth;

/// <summary>
/// Identity's user manager, which also drops the cached token look-ups (<see cref="AccessTokenCache"/>) whenever an
/// account is changed or deleted. Every change Identity makes to an account — lockout (an admin's disable, or too many
/// wrong passwords), roles, unit or display name, password, security stamp — ends in <see cref="UpdateUserAsync"/>,
/// so none of them can be missed; they are rare enough that clearing the whole cache costs nothing.
/// </summary>
public sealed class PerfEvalUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    AccessTokenCache tokenCache)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> DeleteAsync(AppUser user)
    {
        var result = await base.DeleteAsync(user);
        tokenCache.Invalidate();
        return result;
    }

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        tokenCache.Invalidate();
        return result;
    }
}
