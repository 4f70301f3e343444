using Microsoft.EntityFrameworkCore;
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
                var postgres = RequireConnectionString(options);
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
