using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Data;

namespace PerfEval.Web.Auth;

/// <summary>The <c>PerfEval:Admin</c> section: an admin created at start when it does not exist yet.</summary>
public sealed class AdminOptions
{
    public string? UserName { get; set; }

    /// <summary>Given (from an environment variable or a secret store), the admin is created with it; left out, the
    /// first start creates <c>admin</c> with a one-time password and writes that password to the log once.</summary>
    public string? Password { get; set; }
}

/// <summary>What creating or resetting an account gives: the password to hand over once.</summary>
public sealed record IssuedPassword(string UserName, string Role, string? Unit, string OneTimePassword);

/// <summary>
/// Roles and the first admin. Nothing ships with a default password: the first admin comes from configuration, or is
/// created on the first start with a random one-time password printed once (change it at the first sign-in), or by
/// the command <c>PerfEval.Web create-admin</c>.
/// </summary>
public sealed partial class AccountBootstrap(
    PerfEvalDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<AccountBootstrap> logger)
{
    public const string DefaultAdminName = "admin";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                // Two instances starting together may both try; the loser's failure is harmless.
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates the first admin when there is none. Returns the one-time password when one was made.</summary>
    public async Task<IssuedPassword?> EnsureAdminAsync(AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        await EnsureRolesAsync();
        if (!string.IsNullOrWhiteSpace(options.Password))
        {
            var name = string.IsNullOrWhiteSpace(options.UserName) ? DefaultAdminName : options.UserName.Trim();
            if (await users.FindByNameAsync(name) is null)
            {
                await CreateAsync(name, Roles.Admin, null, null, options.Password, mustChange: false);
                Log.AdminFromConfiguration(logger, name);
            }

            return null;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var adminName = string.IsNullOrWhiteSpace(options.UserName) ? DefaultAdminName : options.UserName.Trim();
        var issued = await CreateOrResetAsync(adminName, Roles.Admin, null, null);
        Log.FirstAdmin(logger, issued.UserName, issued.OneTimePassword);
        return issued;
    }

    /// <summary>Creates an account with a one-time password, or gives an existing one a new one-time password (its
    /// role and unit unchanged). The password must be changed at the first sign-in.</summary>
    public async Task<IssuedPassword> CreateOrResetAsync(string userName, string role, string? unit, string? displayName)
    {
        await EnsureRolesAsync();
        var password = AccessTokens.NewOneTimePassword();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await CreateAsync(userName, role, unit, displayName, password, mustChange: true);
            return new IssuedPassword(userName, role, unit, password);
        }

        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var currentRole = (await users.GetRolesAsync(user)).FirstOrDefault() ?? role;
        return new IssuedPassword(user.UserName!, currentRole, user.UnitName, password);
    }

    private async Task CreateAsync(string userName, string role, string? unit, string? displayName, string password, bool mustChange)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role {role}.", nameof(role));
        }

        if (role == Roles.Unit)
        {
            await EnsureOrganisationAsync(unit ?? throw new ArgumentException("A unit account needs its unit.", nameof(unit)));
        }

        var user = new AppUser
        {
            UserName = userName,
            UnitName = role == Roles.Unit ? unit : null,
            DisplayName = displayName,
            MustChangePassword = mustChange,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    /// <summary>Adds the organisation to the list of units expected to submit, when it is not there yet.</summary>
    public async Task EnsureOrganisationAsync(string name)
    {
        if (!await db.Organisations.AnyAsync(o => o.Name == name))
        {
            db.Organisations.Add(new Organisation { Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Added by someone else in the meantime.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Admin account {UserName} created from configuration")]
        public static partial void AdminFromConfiguration(ILogger logger, string userName);

        [LoggerMessage(Level = LogLevel.Warning, Message =
            "首次启动：已创建管理员账号 {UserName}，一次性密码 {Password}（登录后须立即修改）。 / First start: admin account {UserName} created with one-time password {Password}; change it at the first sign-in.")]
        public static partial void FirstAdmin(ILogger logger, string userName, string password);
    }
}

/// <summary>An account could not be created or changed; the message is Chinese and says why.</summary>
public sealed class AccountException(string message) : Exception(message)
{
    public AccountException()
        : this("账号操作失败。")
    {
    }

    public AccountException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
