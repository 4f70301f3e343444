using Microsoft.Extensions.Options;

namespace PerfEval.Web.Auth;

/// <summary>
/// The account commands of the executable, for an operator at the server:
/// <c>create-admin [name]</c> creates an admin (or gives an existing one a new one-time password) and
/// <c>reset-password &lt;name&gt;</c> gives any account a new one-time password. Both print it once and exit.
/// </summary>
public static class AccountCommands
{
    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length == 0 || args[0] is not ("create-admin" or "reset-password"))
        {
            return null;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountBootstrap>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.AppUser>>();
        try
        {
            if (args[0] == "create-admin")
            {
                var name = args.Length > 1 ? args[1] : AccountBootstrap.DefaultAdminName;
                await WriteAsync(output, await accounts.CreateOrResetAsync(name, Roles.Admin, null, null));
                return 0;
            }

            if (args.Length < 2 || await users.FindByNameAsync(args[1]) is null)
            {
                await output.WriteLineAsync("用法：reset-password <用户名>（该账号须已存在）。 / Usage: reset-password <existing user name>.");
                return 2;
            }

            await WriteAsync(output, await accounts.CreateOrResetAsync(args[1], Roles.Unit, null, null));
            return 0;
        }
        catch (AccountException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>At start: the roles, and the first admin when there is none (see <see cref="AccountBootstrap"/>).</summary>
    public static async Task EnsureFirstAdminAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountBootstrap>();
        var issued = await accounts.EnsureAdminAsync(scope.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value);
        if (issued is not null)
        {
            // Also on the console itself, so it is seen even when logging goes elsewhere.
            await Console.Out.WriteLineAsync(
                $"\n==== 首次启动 / first start ====\n管理员账号 / admin user: {issued.UserName}\n一次性密码 / one-time password: {issued.OneTimePassword}\n登录后须立即修改。 / Change it at the first sign-in.\n================================\n");
        }
    }

    private static Task WriteAsync(TextWriter output, IssuedPassword issued) =>
        output.WriteLineAsync($"账号 / user: {issued.UserName}（{Roles.DisplayName(issued.Role)}）\n一次性密码 / one-time password: {issued.OneTimePassword}\n首次登录后须修改。 / Change it at the first sign-in.");
}
