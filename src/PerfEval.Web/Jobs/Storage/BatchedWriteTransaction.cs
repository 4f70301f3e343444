using System.Globalization;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Npgsql;
using NpgsqlTypes;

namespace PerfEval.Web.Jobs.Storage;

/// <summary>
/// A write transaction of <see cref="BatchingPostgreSqlStorage"/>. The operations that job states use are Hangfire.PostgreSql's
/// statements, sent at commit as one batch — one round trip, one implicit transaction (PostgreSQL commits or rolls
/// back everything up to the batch's Sync together). A transaction with any other operation is replayed, in order,
/// on Hangfire.PostgreSql's own transaction instead, so it behaves exactly as without the wrapper.
/// </summary>
internal sealed class BatchedWriteTransaction(BatchingPostgreSqlStorage storage, JobStorageConnection innerConnection) : JobStorageTransaction
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<Action<JobStorageTransaction>> _replay = [];
    private readonly List<string> _queues = [];
    private bool _fallback;

    private string Schema => storage.Schema;

    /// <summary>The statements of this transaction so far (for tests); empty once it falls back.</summary>
    internal IReadOnlyList<NpgsqlBatchCommand> Commands => _fallback ? [] : _commands;

    /// <summary>Whether this transaction is replayed on Hangfire.PostgreSql's transaction at commit.</summary>
    internal bool FallsBack => _fallback;

    public override void Commit()
    {
        if (_fallback)
        {
            using var transaction = (JobStorageTransaction)innerConnection.CreateWriteTransaction();
            foreach (var operation in _replay)
            {
                operation(transaction);
            }

            transaction.Commit();
        }
        else if (_commands.Count > 0)
        {
            using var connection = storage.OpenConnection();
            using var batch = new NpgsqlBatch(connection);
            foreach (var command in _commands)
            {
                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
        }

        foreach (var queue in _queues)
        {
            storage.SignalQueue(queue);
        }
    }

    private void Add(Action<JobStorageTransaction> replay, string sql, params NpgsqlParameter[] parameters)
    {
        _replay.Add(replay);
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        _commands.Add(command);
    }

    private void Fallback(Action<JobStorageTransaction> replay)
    {
        _replay.Add(replay);
        _fallback = true;
    }

    private static NpgsqlParameter Long(string id) =>
        new() { Value = Convert.ToInt64(id, CultureInfo.InvariantCulture), NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTime value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string StateData(IState state)
    {
        var data = SerializationHelper.Serialize(state.SerializeData());
        return string.IsNullOrEmpty(data) ? "{}" : data;
    }

    public override void ExpireJob(string jobId, TimeSpan expireIn) => Add(
        t => t.ExpireJob(jobId, expireIn),
        $"UPDATE {Schema}.\"job\" SET \"expireat\" = NOW() + INTERVAL '{Seconds(expireIn)} SECONDS' WHERE \"id\" = $1",
        Long(jobId));

    public override void PersistJob(string jobId) => Add(
        t => t.PersistJob(jobId),
        $"UPDATE {Schema}.\"job\" SET \"expireat\" = NULL WHERE \"id\" = $1",
        Long(jobId));

    public override void SetJobState(string jobId, IState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Add(
            t => t.SetJobState(jobId, state),
            $"WITH \"s\" AS (INSERT INTO {Schema}.\"state\" (\"jobid\", \"name\", \"reason\", \"createdat\", \"data\") " +
            "VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING \"id\") " +
            $"UPDATE {Schema}.\"job\" \"j\" SET \"stateid\" = \"s\".\"id\", \"statename\" = $2 FROM \"s\" WHERE \"j\".\"id\" = $1",
            Long(jobId), Text(state.Name), Text(state.Reason), Time(DateTime.UtcNow), Text(StateData(state)));
    }

    public override void AddJobState(string jobId, IState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Add(
            t => t.AddJobState(jobId, state),
            $"INSERT INTO {Schema}.\"state\" (\"jobid\", \"name\", \"reason\", \"createdat\", \"data\") VALUES ($1, $2, $3, $4, $5::jsonb)",
            Long(jobId), Text(state.Name), Text(state.Reason), Time(DateTime.UtcNow), Text(StateData(state)));
    }

    public override void AddToQueue(string queue, string jobId)
    {
        Add(
            t => t.AddToQueue(queue, jobId),
            $"INSERT INTO {Schema}.\"jobqueue\" (\"jobid\", \"queue\") VALUES ($1, $2)",
            Long(jobId), Text(queue));
        _queues.Add(queue);
    }

    public override void IncrementCounter(string key) => Counter(t => t.IncrementCounter(key), key, 1, null);

    public override void IncrementCounter(string key, TimeSpan expireIn) => Counter(t => t.IncrementCounter(key, expireIn), key, 1, expireIn);

    public override void DecrementCounter(string key) => Counter(t => t.DecrementCounter(key), key, -1, null);

    public override void DecrementCounter(string key, TimeSpan expireIn) => Counter(t => t.DecrementCounter(key, expireIn), key, -1, expireIn);

    private void Counter(Action<JobStorageTransaction> replay, string key, int value, TimeSpan? expireIn) => Add(
        replay,
        expireIn is { } expire
            ? $"INSERT INTO {Schema}.\"counter\" (\"key\", \"value\", \"expireat\") VALUES ($1, $2, NOW() + INTERVAL '{Seconds(expire)} SECONDS')"
            : $"INSERT INTO {Schema}.\"counter\" (\"key\", \"value\") VALUES ($1, $2)",
        Text(key),
        new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Integer });

    public override void AddToSet(string key, string value) => AddToSet(key, value, 0.0);

    public override void AddToSet(string key, string value, double score) => Add(
        t => t.AddToSet(key, value, score),
        $"INSERT INTO {Schema}.\"set\" (\"key\", \"value\", \"score\") VALUES ($1, $2, $3) " +
        "ON CONFLICT (\"key\", \"value\") DO UPDATE SET \"score\" = EXCLUDED.\"score\"",
        Text(key), Text(value), new NpgsqlParameter { Value = score, NpgsqlDbType = NpgsqlDbType.Double });

    public override void RemoveFromSet(string key, string value) => Add(
        t => t.RemoveFromSet(key, value),
        $"DELETE FROM {Schema}.\"set\" WHERE \"key\" = $1 AND \"value\" = $2",
        Text(key), Text(value));

    // The rest (lists, hashes, whole sets; recurring jobs and the dashboard use them) is Hangfire.PostgreSql's.
    public override void InsertToList(string key, string value) => Fallback(t => t.InsertToList(key, value));

    public override void RemoveFromList(string key, string value) => Fallback(t => t.RemoveFromList(key, value));

    public override void TrimList(string key, int keepStartingFrom, int keepEndingAt) =>
        Fallback(t => t.TrimList(key, keepStartingFrom, keepEndingAt));

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs)
    {
        var pairs = keyValuePairs.ToList();
        Fallback(t => t.SetRangeInHash(key, pairs));
    }

    public override void RemoveHash(string key) => Fallback(t => t.RemoveHash(key));

    public override void ExpireSet(string key, TimeSpan expireIn) => Fallback(t => t.ExpireSet(key, expireIn));

    public override void ExpireList(string key, TimeSpan expireIn) => Fallback(t => t.ExpireList(key, expireIn));

    public override void ExpireHash(string key, TimeSpan expireIn) => Fallback(t => t.ExpireHash(key, expireIn));

    public override void PersistSet(string key) => Fallback(t => t.PersistSet(key));

    public override void PersistList(string key) => Fallback(t => t.PersistList(key));

    public override void PersistHash(string key) => Fallback(t => t.PersistHash(key));

    public override void AddRangeToSet(string key, IList<string> items)
    {
        var copy = items.ToList();
        Fallback(t => t.AddRangeToSet(key, copy));
    }

    public override void RemoveSet(string key) => Fallback(t => t.RemoveSet(key));
}
