using System.Diagnostics;
using System.Globalization;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.Storage;
using Npgsql;
using NpgsqlTypes;

namespace PerfEval.Web.Jobs.Storage;

/// <summary>
/// The connection of <see cref="BatchingPostgreSqlStorage"/>: write transactions, distributed locks, fetching and job
/// creation in fewer round trips; every other call goes to Hangfire.PostgreSql's connection it wraps.
/// </summary>
internal sealed class BatchingPostgreSqlConnection(BatchingPostgreSqlStorage storage, JobStorageConnection inner) : JobStorageConnection
{
    private static readonly ILog Logger = LogProvider.GetLogger(typeof(BatchingPostgreSqlConnection));

    /// <summary>Locks this connection holds, with how many times each was taken (re-entrant, as Hangfire expects).</summary>
    private readonly Dictionary<string, int> _locks = new(StringComparer.Ordinal);

    /// <summary>A job's data read together with its state lock, for the next <see cref="GetJobData"/> of that job.</summary>
    private (string JobId, JobData? Data)? _prefetched;

    public override void Dispose()
    {
        inner.Dispose();
        base.Dispose();
    }

    public override IWriteOnlyTransaction CreateWriteTransaction()
    {
        _prefetched = null;
        return new BatchedWriteTransaction(storage, inner);
    }

    /// <summary>
    /// Hangfire.PostgreSql's lock (a row in the <c>lock</c> table, expired after <c>DistributedLockTimeout</c> if its
    /// holder died), taken in one round trip: the delete of an expired lock and the insert run in one batch, so in one
    /// implicit transaction (Hangfire.PostgreSql runs them as two transactions of two round trips each).
    /// </summary>
    /// <remarks>
    /// A job's state lock (<c>job:{id}:state-lock</c>) is what Hangfire's state changer takes before it reads the
    /// job's data and checks its current state; the same batch reads that data right after inserting the lock, and the
    /// next <see cref="GetJobData"/> of that job on this connection returns it instead of asking again. The read comes
    /// after the lock is held, as a separate query would: every state change takes the lock, so none can come between.
    /// </remarks>
    public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        _prefetched = null;
        var key = storage.Options.SchemaName + ":" + resource;
        if (_locks.TryGetValue(key, out var count))
        {
            _locks[key] = count + 1;
            return new Lock(this, key);
        }

        var jobId = JobOfStateLock(resource);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (TryLock(key, jobId))
                {
                    _locks[key] = 1;
                    return new Lock(this, key);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // As Hangfire.PostgreSql does: an error while trying is a failed try, not the end.
                Logger.DebugException($"{key}: failed to acquire lock", ex);
            }

            var left = timeout - stopwatch.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new PostgreSqlDistributedLockException(key);
            }

            Thread.Sleep(left > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left);
        }
    }

    /// <summary>The job id of a job state lock (<c>job:{id}:state-lock</c>, as Hangfire names it), else null.</summary>
    internal static string? JobOfStateLock(string resource)
    {
        const string Prefix = "job:";
        const string Suffix = ":state-lock";
        if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Suffix, StringComparison.Ordinal))
        {
            var id = resource[Prefix.Length..^Suffix.Length];
            if (id.Length > 0 && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return id;
            }
        }

        return null;
    }

    private bool TryLock(string key, string? jobId)
    {
        var schema = storage.Schema;
        using var connection = storage.OpenConnection();
        using var batch = new NpgsqlBatch(connection);
        var expire = new NpgsqlBatchCommand($"DELETE FROM {schema}.\"lock\" WHERE \"resource\" = $1 AND \"acquired\" < $2");
        expire.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        expire.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow - storage.Options.DistributedLockTimeout, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var take = new NpgsqlBatchCommand(
            $"INSERT INTO {schema}.\"lock\" (\"resource\", \"acquired\") SELECT $1, $2 " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {schema}.\"lock\" WHERE \"resource\" = $1) ON CONFLICT DO NOTHING");
        take.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        take.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(expire);
        batch.BatchCommands.Add(take);
        if (jobId is null)
        {
            batch.ExecuteNonQuery();
            return take.RecordsAffected > 0;
        }

        var read = new NpgsqlBatchCommand(JobDataSql(schema));
        read.Parameters.Add(Long(jobId));
        batch.BatchCommands.Add(read);
        JobData? data = null;
        using (var reader = batch.ExecuteReader())
        {
            // The DELETE and the INSERT return no rows; the reader stands on the SELECT's result.
            if (reader.Read())
            {
                data = ToJobData(reader);
            }
        }

        if (take.RecordsAffected == 0)
        {
            return false;
        }

        _prefetched = (jobId, data);
        return true;
    }

    private static string JobDataSql(string schema) =>
        $"SELECT \"invocationdata\", \"statename\", \"arguments\", \"createdat\" FROM {schema}.\"job\" WHERE \"id\" = $1";

    private static NpgsqlParameter Long(string id) =>
        new() { Value = Convert.ToInt64(id, CultureInfo.InvariantCulture), NpgsqlDbType = NpgsqlDbType.Bigint };

    /// <summary>A job row as Hangfire.PostgreSql's <c>GetJobData</c> turns it into <see cref="JobData"/>.</summary>
    private static JobData ToJobData(NpgsqlDataReader reader)
    {
        var invocation = SerializationHelper.Deserialize<InvocationData>(reader.GetString(0));
        invocation.Arguments = reader.IsDBNull(2) ? null : reader.GetString(2);
        Job? job = null;
        JobLoadException? loadException = null;
        try
        {
            job = invocation.DeserializeJob();
        }
        catch (JobLoadException ex)
        {
            loadException = ex;
        }

        return new JobData
        {
            Job = job,
            State = reader.IsDBNull(1) ? null : reader.GetString(1),
            CreatedAt = reader.GetFieldValue<DateTime>(3),
            LoadException = loadException,
        };
    }

    /// <summary>The data read with the job's state lock when it is the next question on this connection, else
    /// Hangfire.PostgreSql's query.</summary>
    public override JobData GetJobData(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (_prefetched is { } prefetched && prefetched.JobId == jobId)
        {
            _prefetched = null;
            return prefetched.Data!;
        }

        _prefetched = null;
        return inner.GetJobData(jobId);
    }

    private void Release(string key)
    {
        _prefetched = null;
        if (!_locks.TryGetValue(key, out var count))
        {
            return;
        }

        if (count > 1)
        {
            _locks[key] = count - 1;
            return;
        }

        _locks.Remove(key);
        try
        {
            using var connection = storage.OpenConnection();
            using var command = new NpgsqlCommand($"DELETE FROM {storage.Schema}.\"lock\" WHERE \"resource\" = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // As Hangfire.PostgreSql does on dispose: the lock then expires after DistributedLockTimeout.
            Logger.WarnException($"{key}: failed to release lock", ex);
        }
    }

    private sealed class Lock(BatchingPostgreSqlConnection owner, string key) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner.Release(key);
            }
        }
    }

    /// <summary>
    /// Hangfire.PostgreSql's fetch statement, sent on its own (it is atomic without the explicit transaction
    /// Hangfire.PostgreSql wraps it in); between tries a worker waits for the poll interval or until a job is added to
    /// one of its queues by this process.
    /// </summary>
    public override IFetchedJob FetchNextJob(string[] queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        if (queues.Length == 0)
        {
            throw new ArgumentException("Queue array must be non-empty.", nameof(queues));
        }

        var schema = storage.Schema;
        var invisibility = ((long)storage.Options.InvisibilityTimeout.Negate().TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var sql =
            $"UPDATE {schema}.\"jobqueue\" SET \"fetchedat\" = NOW() WHERE \"id\" = (" +
            $"SELECT \"id\" FROM {schema}.\"jobqueue\" WHERE \"queue\" = ANY ($1) " +
            $"AND (\"fetchedat\" IS NULL OR \"fetchedat\" < NOW() + INTERVAL '{invisibility} SECONDS') " +
            "ORDER BY \"fetchedat\" NULLS FIRST, \"queue\", \"jobid\" FOR UPDATE SKIP LOCKED LIMIT 1) " +
            "RETURNING \"id\", \"jobid\", \"queue\", \"fetchedat\"";
        var handles = new List<WaitHandle> { cancellationToken.WaitHandle };
        handles.AddRange(queues.Select(storage.QueueSignal));
        var waitHandles = handles.ToArray();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var connection = storage.OpenConnection();
                using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = queues, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    return new PostgreSqlFetchedJob(
                        storage.Inner,
                        reader.GetInt64(0),
                        reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                        reader.GetString(2),
                        reader.GetFieldValue<DateTime>(3));
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.SerializationFailure)
            {
                continue;
            }
            catch (InvalidOperationException ex)
            {
                // Hangfire.PostgreSql treats this (a connection that could not be used) as "no job yet".
                Logger.DebugException("Could not fetch a job; trying again after the poll interval", ex);
            }

            WaitHandle.WaitAny(waitHandles, storage.Options.QueuePollInterval);
        }
    }

    /// <summary>The job and its parameters in one statement (Hangfire.PostgreSql uses a transaction of two or more
    /// round trips).</summary>
    public override string CreateExpiredJob(Job job, IDictionary<string, string> parameters, DateTime createdAt, TimeSpan expireIn)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(parameters);
        var invocationData = InvocationData.SerializeJob(job);
        var payload = SerializationHelper.Serialize(invocationData);
        var schema = storage.Schema;
        var sql =
            $"WITH \"j\" AS (INSERT INTO {schema}.\"job\" (\"invocationdata\", \"arguments\", \"createdat\", \"expireat\") " +
            "VALUES ($1::jsonb, $2::jsonb, $3, $4) RETURNING \"id\"), " +
            $"\"p\" AS (INSERT INTO {schema}.\"jobparameter\" (\"jobid\", \"name\", \"value\") " +
            "SELECT \"j\".\"id\", \"n\".\"name\", \"n\".\"value\" FROM \"j\" CROSS JOIN unnest($5::text[], $6::text[]) AS \"n\" (\"name\", \"value\")) " +
            "SELECT \"id\" FROM \"j\"";
        using var connection = storage.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrEmpty(payload) ? "{}" : payload, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrEmpty(invocationData.Arguments) ? "[]" : invocationData.Arguments, NpgsqlDbType = NpgsqlDbType.Text });
        // Typed by Npgsql from the value, as Hangfire.PostgreSql's Dapper parameters are (Hangfire passes UTC).
        command.Parameters.Add(new NpgsqlParameter { Value = createdAt });
        command.Parameters.Add(new NpgsqlParameter { Value = createdAt.Add(expireIn) });
        command.Parameters.Add(new NpgsqlParameter { Value = parameters.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = parameters.Values.Select(v => (object?)v ?? DBNull.Value).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        var id = (long)command.ExecuteScalar()!;
        return id.ToString(CultureInfo.InvariantCulture);
    }

    // Everything else is Hangfire.PostgreSql's.
    public override void SetJobParameter(string id, string name, string value) => inner.SetJobParameter(id, name, value);

    public override string GetJobParameter(string id, string name) => inner.GetJobParameter(id, name);

    public override StateData GetStateData(string jobId) => inner.GetStateData(jobId);

    public override void AnnounceServer(string serverId, ServerContext context) => inner.AnnounceServer(serverId, context);

    public override void RemoveServer(string serverId) => inner.RemoveServer(serverId);

    public override void Heartbeat(string serverId) => inner.Heartbeat(serverId);

    public override int RemoveTimedOutServers(TimeSpan timeOut) => inner.RemoveTimedOutServers(timeOut);

    public override HashSet<string> GetAllItemsFromSet(string key) => inner.GetAllItemsFromSet(key);

    public override string GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) =>
        inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore);

    public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count) =>
        inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore, count);

    public override long GetSetCount(string key) => inner.GetSetCount(key);

    public override long GetSetCount(IEnumerable<string> keys, int limit) => inner.GetSetCount(keys, limit);

    public override bool GetSetContains(string key, string value) => inner.GetSetContains(key, value);

    public override List<string> GetRangeFromSet(string key, int startingFrom, int endingAt) => inner.GetRangeFromSet(key, startingFrom, endingAt);

    public override TimeSpan GetSetTtl(string key) => inner.GetSetTtl(key);

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs) =>
        inner.SetRangeInHash(key, keyValuePairs);

    public override Dictionary<string, string> GetAllEntriesFromHash(string key) => inner.GetAllEntriesFromHash(key);

    public override string GetValueFromHash(string key, string name) => inner.GetValueFromHash(key, name);

    public override long GetHashCount(string key) => inner.GetHashCount(key);

    public override TimeSpan GetHashTtl(string key) => inner.GetHashTtl(key);

    public override long GetListCount(string key) => inner.GetListCount(key);

    public override List<string> GetAllItemsFromList(string key) => inner.GetAllItemsFromList(key);

    public override List<string> GetRangeFromList(string key, int startingFrom, int endingAt) => inner.GetRangeFromList(key, startingFrom, endingAt);

    public override TimeSpan GetListTtl(string key) => inner.GetListTtl(key);

    public override long GetCounter(string key) => inner.GetCounter(key);

    public override DateTime GetUtcDateTime() => inner.GetUtcDateTime();
}
