using Microsoft.EntityFrameworkCore;
using Npgsql;
using PerfEval.Web.Data;

namespace PerfEval.Web.Hosting;

/// <summary>Registers the DbContext for the configured provider and migrates the schema at start.</summary>
public static class DataServices
{
    public static IServiceCollection AddPerfEvalData(this IServiceCollection services, PerfEvalOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = PostgresConnectionString(options);
                services.AddDbContext<PerfEvalDbContext, PostgresDbContext>(o => o.UseNpgsql(postgres));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = RequireConnectionString(options);
                services.AddDbContext<PerfEvalDbContext, SqlServerDbContext>(o => o.UseSqlServer(sqlServer));
                break;
            default:
                var sqlite = SqliteConnectionString(options, contentRoot);
                services.AddDbContext<PerfEvalDbContext, SqliteDbContext>(o => o.UseSqlite(sqlite));
                break;
        }

        return services;
    }

    /// <summary>The SQLite connection string: the configured one, else <c>perfeval.db</c> in the data folder (created).</summary>
    public static string SqliteConnectionString(PerfEvalOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            return options.Database.ConnectionString;
        }

        var folder = options.DataPath(contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "perfeval.db")}";
    }

    /// <summary>
    /// The PostgreSQL connection string with PerfEval's defaults where it does not say otherwise: statements used
    /// again and again (every upload, job and status request runs the same few) are prepared once per connection
    /// (<c>Max Auto Prepare</c>), which saves PostgreSQL from parsing and planning them each time, and a pooled
    /// connection is handed back without Npgsql's reset round trip (<c>No Reset On Close</c>), since nothing here
    /// leaves session state behind. Set <c>Max Auto Prepare=0</c> behind a PgBouncer older than 1.21 (transaction
    /// pooling without prepared-statement support), and <c>No Reset On Close=false</c> if other code shares the
    /// database user and sets session state. The EF Core context and Hangfire's storage use the same string.
    /// </summary>
    public static string PostgresConnectionString(PerfEvalOptions options)
    {
        var configured = RequireConnectionString(options);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var keys = given.Keys.Cast<string>().Select(Squeeze).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!keys.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            // Hangfire's LISTEN connection (long polling) is session state: keep the reset when it is on.
            builder.NoResetOnClose = !options.Jobs.LongPolling;
        }

        return builder.ConnectionString;
    }

    private static string Squeeze(string keyword) => keyword.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Creates or upgrades the schema. Every role does this at start; EF Core takes a lock so that
    /// an API and two workers starting together do not race.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static string RequireConnectionString(PerfEvalOptions options) =>
        string.IsNullOrWhiteSpace(options.Database.ConnectionString)
            ? throw new InvalidOperationException(
                $"PerfEval:Database:ConnectionString is required for the {options.Database.Provider} provider.")
            : options.Database.ConnectionString;
}
