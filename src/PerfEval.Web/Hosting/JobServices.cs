using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using PerfEval.Web.Jobs.Storage;

namespace PerfEval.Web.Hosting;

/// <summary>
/// Registers Hangfire: the storage for the configured provider, the client every role uses to enqueue, and — for the
/// <c>all</c> and <c>worker</c> roles — a processing server.
/// </summary>
/// <remarks>
/// The storage and the job activator are registered in this container rather than through Hangfire's static
/// <c>GlobalConfiguration</c>, so two hosts in one process (the tests) never share a queue or resolve jobs from each
/// other's services.
/// </remarks>
public static class JobServices
{
    /// <summary>
    /// Worker threads per processor when <see cref="JobOptions.WorkerCount"/> is 0. A job spends about as long waiting
    /// for the database (its own writes and Hangfire's state changes, which are synchronous) as it computes, so one
    /// thread per processor leaves the processors idle half the time (measured with scripts/load/run.sh).
    /// </summary>
    public const int DefaultWorkersPerProcessor = 4;

    public static IServiceCollection AddPerfEvalJobs(this IServiceCollection services, PerfEvalOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Three of Hangfire's default global filters cost database round trips on every job and give this service
        // nothing: CaptureCulture stores the enqueuing culture as two job parameters and reads them back before the
        // job runs (the pipeline is culture-invariant), StatisticsHistory increments daily and hourly counters for
        // the dashboard's history graph (the dashboard's totals and the service's own statistics do not need them),
        // and ContinuationsSupport looks up continuations whenever a job finishes (no job here has any). Retries
        // (AutomaticRetry, set on the job methods) stay. The filter list is process-wide; removing is idempotent.
        GlobalJobFilters.Filters.Remove<CaptureCultureAttribute>();
        GlobalJobFilters.Filters.Remove<StatisticsHistoryAttribute>();
        GlobalJobFilters.Filters.Remove<ContinuationsSupportAttribute>();

        services.AddSingleton<JobStorage>(_ => CreateStorage(options, contentRoot));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new ResilientLogProvider(new AspNetCoreLogProvider(sp.GetRequiredService<ILoggerFactory>())))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (options.Role != ServiceRole.Api)
        {
            services.AddHangfireServer((_, server) =>
            {
                server.WorkerCount = options.Jobs.WorkerCount > 0 ? options.Jobs.WorkerCount : DefaultWorkersPerProcessor * Environment.ProcessorCount;
                server.ShutdownTimeout = options.Jobs.ShutdownTimeout;
                server.SchedulePollingInterval = options.Jobs.PollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
            });
        }

        return services;
    }

    /// <summary>
    /// Whether Hangfire's PostgreSQL storage is wrapped to save round trips (<see cref="BatchingPostgreSqlStorage"/>):
    /// not with long polling (left to Hangfire.PostgreSql), and not on a Hangfire schema other than the one its
    /// statements are written for (a database a newer Hangfire.PostgreSql has upgraded). When the schema cannot be read
    /// yet (the database is down at start) it is the one this package installs.
    /// </summary>
    private static bool UseBatching(PostgreSqlStorage storage, string connectionString, PostgreSqlStorageOptions options)
    {
        if (options.EnableLongPolling)
        {
            return false;
        }

        int? version;
        try
        {
            version = BatchingPostgreSqlStorage.ReadSchemaVersion(connectionString, options.SchemaName);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            version = null;
        }

        if (version is { } v && v != BatchingPostgreSqlStorage.SchemaVersion)
        {
            Console.Error.WriteLine(
                $"Hangfire schema version {v} in {storage}, not {BatchingPostgreSqlStorage.SchemaVersion}: using Hangfire.PostgreSql's storage without the round-trip savings.");
            return false;
        }

        return true;
    }

    private static JobStorage CreateStorage(PerfEvalOptions options, string contentRoot)
    {
        var poll = options.Jobs.PollInterval;
        var invisibility = options.Jobs.InvisibilityTimeout;
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgresOptions = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = poll,
                    // A job whose worker died is fetched again after this long. Sliding: a live worker keeps
                    // extending it, or a job running longer than the timeout would be handed to a second worker.
                    InvisibilityTimeout = invisibility,
                    UseSlidingInvisibilityTimeout = true,
                    EnableLongPolling = options.Jobs.LongPolling,
                    PrepareSchemaIfNecessary = true,
                };
                var connectionString = DataServices.PostgresConnectionString(options);
                var postgres = new PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, postgresOptions),
                    postgresOptions);
                return options.Jobs.BatchedStorage && UseBatching(postgres, connectionString, postgresOptions)
                    ? new BatchingPostgreSqlStorage(postgres, connectionString, postgresOptions)
                    : postgres;
            case DatabaseProvider.SqlServer:
                return new SqlServerStorage(
                    options.Database.ConnectionString!,
                    new SqlServerStorageOptions
                    {
                        SchemaName = "hangfire",
                        QueuePollInterval = poll,
                        SlidingInvisibilityTimeout = invisibility,
                        CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                        UseRecommendedIsolationLevel = true,
                        DisableGlobalLocks = true,
                        PrepareSchemaIfNecessary = true,
                        SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
                    });
            default:
                var file = options.Jobs.SqliteFile;
                if (string.IsNullOrWhiteSpace(file))
                {
                    var folder = options.DataPath(contentRoot);
                    Directory.CreateDirectory(folder);
                    file = Path.Combine(folder, "hangfire.db");
                }

                return new SQLiteStorage(
                    file,
                    new SQLiteStorageOptions
                    {
                        QueuePollInterval = poll,
                        // Fixed, not sliding, in this storage: a job running longer is handed to a second worker
                        // (ProcessSubmissionJob is safe to run twice, but the work would be done twice).
                        InvisibilityTimeout = invisibility,
                        JournalMode = SQLiteStorageOptions.JournalModes.WAL,
                    });
        }
    }
}
