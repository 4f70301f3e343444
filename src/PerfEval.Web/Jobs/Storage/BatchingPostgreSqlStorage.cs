using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Npgsql;

namespace PerfEval.Web.Jobs.Storage;

/// <summary>
/// Hangfire.PostgreSql's storage with fewer database round trips on the path every job takes, and everything else
/// left to the storage it wraps (the same schema, tables and rows; the dashboard and the monitoring API are the
/// wrapped storage's).
/// </summary>
/// <remarks>
/// <para>
/// Hangfire.PostgreSql 1.21 sends each statement of a write transaction as a round trip of its own, plus one for the
/// commit; takes a job's state lock in two transactions of two round trips each (delete an expired lock, insert the
/// lock) and releases it in a third; and fetches a job inside an explicit transaction around a single statement. A job
/// from upload to success cost 28 of Hangfire's round trips. This wrapper sends:
/// </para>
/// <list type="bullet">
/// <item>a write transaction of the operations the job states use (state, queue, counter, expiry, set) as one batch:
/// PostgreSQL runs the statements of a batch (one Sync) as one implicit transaction, so it stays atomic; a transaction
/// with any other operation (hashes, lists — recurring jobs, the dashboard) is replayed on Hangfire.PostgreSql's own
/// transaction unchanged;</item>
/// <item>a distributed lock as one round trip to take (the expired-lock delete and the insert in one batch) and one
/// to release, on the same <c>lock</c> table rows as Hangfire.PostgreSql, so both exclude each other;</item>
/// <item>a fetch as the same <c>UPDATE … FOR UPDATE SKIP LOCKED … RETURNING</c> statement without the transaction
/// around it (a single statement is atomic on its own); the fetched job is Hangfire.PostgreSql's own
/// <see cref="PostgreSqlFetchedJob"/>, so the sliding invisibility timeout, acknowledge and requeue are unchanged;</item>
/// <item>a new job as one statement (the job and its parameters).</item>
/// </list>
/// <para>
/// The statements are Hangfire.PostgreSql 1.21's (schema version 23). <see cref="SchemaVersion"/> is checked at start:
/// on another schema the wrapper is not used. Long polling (LISTEN/NOTIFY) is left entirely to Hangfire.PostgreSql:
/// with it on, the wrapper is not used either.
/// </para>
/// </remarks>
public sealed class BatchingPostgreSqlStorage : JobStorage
{
    /// <summary>The Hangfire.PostgreSql schema version whose tables these statements are written for.</summary>
    public const int SchemaVersion = 23;

    private readonly ConcurrentDictionary<string, AutoResetEvent> _queueSignals = new(StringComparer.Ordinal);

    public BatchingPostgreSqlStorage(PostgreSqlStorage inner, string connectionString, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        if (options.EnableLongPolling)
        {
            throw new ArgumentException("Long polling is left to Hangfire.PostgreSql: use its storage directly.", nameof(options));
        }

        Inner = inner;
        ConnectionString = connectionString;
        Options = options;
        Schema = "\"" + options.SchemaName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        JobExpirationTimeout = inner.JobExpirationTimeout;
    }

    /// <summary>The wrapped storage, which does everything this one does not.</summary>
    public PostgreSqlStorage Inner { get; }

    internal string ConnectionString { get; }

    internal PostgreSqlStorageOptions Options { get; }

    /// <summary>The schema name, quoted for SQL.</summary>
    internal string Schema { get; }

    /// <summary>
    /// The schema version Hangfire.PostgreSql installed in the database (null when it cannot be read), for the check at
    /// start that the statements here fit the tables.
    /// </summary>
    public static int? ReadSchemaVersion(string connectionString, string schemaName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            $"SELECT max(\"version\") FROM \"{schemaName.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"schema\"", connection);
        return command.ExecuteScalar() is int version ? version : null;
    }

    internal NpgsqlConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Wakes one worker of this process waiting for a job of the queue (after a commit that added one).</summary>
    internal void SignalQueue(string queue) => QueueSignal(queue).Set();

    internal AutoResetEvent QueueSignal(string queue) => _queueSignals.GetOrAdd(queue, _ => new AutoResetEvent(false));

    public override IMonitoringApi GetMonitoringApi() => Inner.GetMonitoringApi();

    public override IStorageConnection GetConnection() => new BatchingPostgreSqlConnection(this, (JobStorageConnection)Inner.GetConnection());

    public override IStorageConnection GetReadOnlyConnection() => GetConnection();

    [Obsolete("Hangfire 1.8 marks it obsolete, but it is how Hangfire.PostgreSql 1.21 provides its processes.")]
#pragma warning disable CS0618
    public override IEnumerable<IServerComponent> GetComponents() => Inner.GetComponents();
#pragma warning restore CS0618

    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => Inner.GetServerRequiredProcesses();

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => Inner.GetStorageWideProcesses();

    public override IEnumerable<IStateHandler> GetStateHandlers() => Inner.GetStateHandlers();

    public override void WriteOptionsToLog(ILog logger) => Inner.WriteOptionsToLog(logger);

    public override bool HasFeature(string featureId) => Inner.HasFeature(featureId);

    public override bool LinearizableReads => Inner.LinearizableReads;

    public override string ToString() => Inner.ToString();
}
