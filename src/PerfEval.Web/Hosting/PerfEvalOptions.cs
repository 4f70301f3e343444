namespace PerfEval.Web.Hosting;

/// <summary>What this process does: serve the API, run jobs, or both (the default, for a single machine).</summary>
public enum ServiceRole
{
    /// <summary>API and an in-process Hangfire server.</summary>
    All,

    /// <summary>API only: uploads are enqueued for workers elsewhere.</summary>
    Api,

    /// <summary>Hangfire server only (plus the health endpoints).</summary>
    Worker,
}

/// <summary>The relational database that holds submissions, results and (on PostgreSQL and SQL Server) the job queue.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The <c>PerfEval</c> configuration section.</summary>
public sealed class PerfEvalOptions
{
    public const string Section = "PerfEval";

    public ServiceRole Role { get; set; } = ServiceRole.All;

    /// <summary>Where the SQLite files live; relative to the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public JobOptions Jobs { get; set; } = new();

    public UploadOptions Upload { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres and SqlServer; for Sqlite defaults to <c>perfeval.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class JobOptions
{
    /// <summary>Hangfire worker threads in this process; 0 means four per processor (a job waits for the database about
    /// as long as it computes).</summary>
    public int WorkerCount { get; set; }

    /// <summary>How often an idle worker looks for new jobs (SQLite and SQL Server storage).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// PostgreSQL only: an idle worker also wakes when a job is enqueued (LISTEN/NOTIFY), so a job uploaded through an
    /// API process starts at once instead of at the worker's next poll. Off by default: Hangfire.PostgreSql 1.21 opens
    /// a listening connection for every fetch, and when that listener fails while a job is being fetched, the fetched
    /// job is dropped but kept invisible (its sliding timeout is extended forever), so the submission waits for the
    /// stuck-submission sweep. Workers in the process that enqueued a job are woken without it.
    /// </summary>
    public bool LongPolling { get; set; }

    /// <summary>
    /// PostgreSQL only: Hangfire's storage is wrapped so that a job's state changes, locks, fetch and creation take
    /// fewer database round trips (<c>Jobs/Storage/BatchingPostgreSqlStorage</c>). On by default; off gives
    /// Hangfire.PostgreSql's storage unchanged (the same tables and rows either way, so it can be switched at any
    /// restart, and processes with and without it can share a database).
    /// </summary>
    public bool BatchedStorage { get; set; } = true;

    /// <summary>How long a stopping server waits for running jobs before abandoning them to be picked up again.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a fetched job stays invisible to other workers. A job whose worker process died (killed, power lost)
    /// is handed to another worker after this long. On PostgreSQL and SQL Server the timeout slides: a live worker
    /// keeps extending it, so a long job is never run twice. On SQLite it is fixed (Hangfire.Storage.SQLite has no
    /// sliding timeout), so there it must be longer than the longest job.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Hangfire storage for SQLite; defaults to <c>hangfire.db</c> in the data folder.</summary>
    public string? SqliteFile { get; set; }
}

public sealed class UploadOptions
{
    /// <summary>The largest file accepted, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}

public sealed class AuthOptions
{
    /// <summary>
    /// How long (seconds) a successful access-token look-up is reused by this process instead of asking the database
    /// again; 0 turns the cache off. A revocation or account change made in this process takes effect at once; one
    /// made by another process on the same database is seen here at most this long after.
    /// </summary>
    public int TokenCacheSeconds { get; set; } = 10;
}
