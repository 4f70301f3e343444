using System.Diagnostics;
using System.Net;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PerfEval.Web.Jobs.Storage;

namespace PerfEval.Web.Tests;

/// <summary>
/// <see cref="BatchingPostgreSqlStorage"/>, the wrapper around Hangfire.PostgreSql that saves round trips, on the
/// service's own PostgreSQL database: the same rows as Hangfire.PostgreSql writes, atomic batches, locks that exclude
/// each other and Hangfire.PostgreSql's, and the fallback for everything it does not batch. Needs
/// <c>PERFEVAL_TEST_POSTGRES</c>.
/// </summary>
public sealed class BatchingStorageTests(PostgresServiceFactory factory) : IClassFixture<PostgresServiceFactory>
{
    private BatchingPostgreSqlStorage Storage()
    {
        factory.SkipUnlessAvailable();
        _ = factory.Server; // starts the service (migrations, Hangfire schema)
        return Assert.IsType<BatchingPostgreSqlStorage>(factory.Services.GetRequiredService<JobStorage>());
    }

    private static readonly string[] History = ["Succeeded", "Processing", "Enqueued"];
    private static readonly string[] OnlyB = ["b"];
    private static readonly string[] OnlyOne = ["1"];

    /// <summary>A Processing state as a worker makes it (its constructor is internal to Hangfire).</summary>
    private static ProcessingStateLike Processing() => new();

    private sealed class ProcessingStateLike : IState
    {
        public string Name => ProcessingState.StateName;

        public string? Reason => null;

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new() { ["ServerId"] = "server", ["WorkerId"] = "worker" };
    }

    private static Job SomeJob(string text) => Job.FromExpression(() => Console.WriteLine(text));

    private async Task<long> ScalarAsync(string sql)
    {
        var storage = Storage();
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_service_on_PostgreSQL_uses_the_wrapper_on_the_schema_its_statements_are_written_for()
    {
        var storage = Storage();
        Assert.Equal(BatchingPostgreSqlStorage.SchemaVersion, BatchingPostgreSqlStorage.ReadSchemaVersion(storage.ConnectionString, "hangfire"));
        // The statements are Hangfire.PostgreSql 1.21's: a new version of the package needs them checked again.
        Assert.Equal(new Version(1, 21, 1, 0), typeof(PostgreSqlStorage).Assembly.GetName().Version);
    }

    [Fact]
    public async Task With_batched_storage_switched_off_the_service_uses_HangfirePostgreSql_as_it_is_on_the_same_tables()
    {
        Storage();
        await using var plain = factory.WithWebHostBuilder(b => b.UseSetting("PerfEval:Jobs:BatchedStorage", "false"));
        var storage = plain.Services.GetRequiredService<JobStorage>();
        Assert.IsType<PostgreSqlStorage>(storage);
        Assert.IsNotType<BatchingPostgreSqlStorage>(storage);

        // A job created and run through the unwrapped storage lands in the same tables the wrapper uses.
        using var connection = storage.GetConnection();
        var id = connection.CreateExpiredJob(Hangfire.Common.Job.FromExpression(() => Console.WriteLine("x")), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        Assert.NotNull(Storage().GetConnection().GetJobData(id));
    }

    [Fact]
    public void A_job_created_and_moved_through_its_states_reads_back_as_with_HangfirePostgreSql()
    {
        var storage = Storage();
        using var connection = storage.GetConnection();
        var parameters = new Dictionary<string, string> { ["Culture"] = "\"zh-CN\"", ["Empty"] = null! };
        var created = DateTime.UtcNow;
        var id = connection.CreateExpiredJob(SomeJob("批量"), parameters, created, TimeSpan.FromHours(1));

        Assert.Equal("\"zh-CN\"", connection.GetJobParameter(id, "Culture"));
        Assert.Null(connection.GetJobParameter(id, "Empty"));
        var data = storage.Inner.GetConnection().GetJobData(id);
        Assert.Null(data.State);
        Assert.Equal("WriteLine", data.Job.Method.Name);
        Assert.Equal("批量", data.Job.Args[0]);

        using (var transaction = connection.CreateWriteTransaction())
        {
            // A queue no worker of the service listens to: the job must stay as this test leaves it.
            transaction.SetJobState(id, new EnqueuedState("nobody") { Reason = "测试" });
            transaction.AddToQueue("nobody", id);
            transaction.PersistJob(id);
            Assert.False(((BatchedWriteTransaction)transaction).FallsBack);
            Assert.Equal(3, ((BatchedWriteTransaction)transaction).Commands.Count);
            transaction.Commit();
        }

        var state = storage.Inner.GetConnection().GetStateData(id);
        Assert.Equal("Enqueued", state.Name);
        Assert.Equal("测试", state.Reason);
        Assert.Equal("nobody", state.Data["Queue"]);
        Assert.Equal("Enqueued", storage.Inner.GetConnection().GetJobData(id).State);

        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddJobState(id, Processing());
            transaction.SetJobState(id, new SucceededState(null, 1, 2));
            transaction.IncrementCounter("test:batched");
            transaction.IncrementCounter("test:batched", TimeSpan.FromDays(1));
            transaction.DecrementCounter("test:batched");
            transaction.ExpireJob(id, TimeSpan.FromDays(1));
            transaction.AddToSet("test:set", id, 3.5);
            transaction.AddToSet("test:set", id, 4.5);
            transaction.Commit();
        }

        Assert.Equal("Succeeded", connection.GetJobData(id).State);
        Assert.Equal(1, ((JobStorageConnection)connection).GetCounter("test:batched"));
        Assert.Contains(id, connection.GetAllItemsFromSet("test:set"));
        Assert.Equal(id, connection.GetFirstByLowestScoreFromSet("test:set", 4, 5));
        var monitoring = storage.GetMonitoringApi().JobDetails(id);
        Assert.Equal(History, monitoring.History.Select(h => h.StateName).ToArray());
        Assert.NotNull(monitoring.ExpireAt);
    }

    [Fact]
    public async Task A_failing_statement_rolls_back_the_whole_batch()
    {
        var storage = Storage();
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.IncrementCounter("test:atomic");
        transaction.AddToSet("test:atomic", "x");
        transaction.AddJobState("999999999", Processing()); // no such job: foreign key
        Assert.ThrowsAny<PostgresException>(transaction.Commit);

        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM hangfire.counter WHERE key = 'test:atomic'"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM hangfire.set WHERE key = 'test:atomic'"));
    }

    [Fact]
    public void Operations_it_does_not_batch_go_through_HangfirePostgreSqls_transaction_in_order()
    {
        var storage = Storage();
        using var connection = storage.GetConnection();
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToSet("test:fallback", "a");
            transaction.SetRangeInHash("test:hash", [new("Cron", "* * * * *"), new("Queue", "default")]);
            transaction.InsertToList("test:list", "1");
            transaction.RemoveFromSet("test:fallback", "a");
            transaction.AddToSet("test:fallback", "b");
            Assert.True(((BatchedWriteTransaction)transaction).FallsBack);
            transaction.Commit();
        }

        Assert.Equal(OnlyB, connection.GetAllItemsFromSet("test:fallback").ToArray());
        Assert.Equal("* * * * *", connection.GetAllEntriesFromHash("test:hash")!["Cron"]);
        Assert.Equal(OnlyOne, ((JobStorageConnection)connection).GetAllItemsFromList("test:list").ToArray());
    }

    [Fact]
    public void A_lock_excludes_other_connections_and_HangfirePostgreSqls_own_lock_and_is_reentrant()
    {
        var storage = Storage();
        var resource = "test:lock:" + Guid.NewGuid().ToString("N");
        using var first = storage.GetConnection();
        using var second = storage.GetConnection();
        using var plain = storage.Inner.GetConnection();

        using (first.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
        {
            using (first.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
            {
                // re-entrant on the same connection
            }

            // Still held after the inner release.
            Assert.ThrowsAny<DistributedLockTimeoutException>(() => second.AcquireDistributedLock(resource, TimeSpan.FromMilliseconds(200)));
            Assert.ThrowsAny<DistributedLockTimeoutException>(() => plain.AcquireDistributedLock(resource, TimeSpan.FromMilliseconds(200)));
        }

        using (second.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
        {
        }

        using (plain.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
        {
            Assert.ThrowsAny<DistributedLockTimeoutException>(() => first.AcquireDistributedLock(resource, TimeSpan.FromMilliseconds(200)));
        }

        using (first.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
        {
        }
    }

    [Fact]
    public async Task A_lock_left_by_a_dead_holder_is_taken_after_the_lock_timeout()
    {
        var storage = Storage();
        var resource = "test:stale:" + Guid.NewGuid().ToString("N");
        await ScalarAsync(
            $"INSERT INTO hangfire.lock (resource, acquired) VALUES ('hangfire:{resource}', now() - interval '1 day') RETURNING 1");
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock(resource, TimeSpan.FromSeconds(1)))
        {
            Assert.Equal(1, await ScalarAsync($"SELECT count(*) FROM hangfire.lock WHERE resource = 'hangfire:{resource}' AND acquired > now() - interval '1 minute'"));
        }

        Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM hangfire.lock WHERE resource = 'hangfire:{resource}'"));
    }

    [Fact]
    public void The_job_data_read_with_a_state_lock_is_what_GetJobData_reads_and_is_used_once()
    {
        var storage = Storage();
        using var connection = storage.GetConnection();
        var id = connection.CreateExpiredJob(SomeJob("锁"), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.SetJobState(id, new EnqueuedState("nobody"));
            transaction.Commit();
        }

        var plain = storage.Inner.GetConnection().GetJobData(id);
        using (connection.AcquireDistributedJobLock(id, TimeSpan.FromSeconds(1)))
        {
            // Changed behind the lock's back (nothing does this in Hangfire: every state change takes the lock), to
            // tell the read taken with the lock from a new query.
            using (var sneaky = storage.Inner.GetConnection().CreateWriteTransaction())
            {
                sneaky.SetJobState(id, Processing());
                sneaky.Commit();
            }

            var withLock = connection.GetJobData(id);
            Assert.Equal(plain.State, withLock.State);
            Assert.Equal("Enqueued", withLock.State);
            Assert.Equal(plain.CreatedAt, withLock.CreatedAt);
            Assert.Equal(plain.Job.Method, withLock.Job.Method);
            Assert.Equal(plain.Job.Args, withLock.Job.Args);
            Assert.Null(withLock.LoadException);

            // The second question is asked again.
            Assert.Equal("Processing", connection.GetJobData(id).State);
        }

        // A missing job reads as null, as with Hangfire.PostgreSql.
        using (connection.AcquireDistributedJobLock("987654321", TimeSpan.FromSeconds(1)))
        {
            Assert.Null(connection.GetJobData("987654321"));
        }
    }

    [Fact]
    public async Task A_worker_waiting_for_a_job_is_woken_by_an_enqueue_in_this_process()
    {
        var storage = Storage();
        var queue = "test_" + Guid.NewGuid().ToString("N")[..8];
        using var connection = storage.GetConnection();
        var id = connection.CreateExpiredJob(SomeJob("唤醒"), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        var waiting = Task.Run(() =>
        {
            using var worker = storage.GetConnection();
            var stopwatch = Stopwatch.StartNew();
            using var fetched = worker.FetchNextJob([queue], TestContext.Current.CancellationToken);
            fetched.RemoveFromQueue();
            return (fetched, stopwatch.Elapsed);
        });
        await Task.Delay(300, TestContext.Current.CancellationToken);
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToQueue(queue, id);
            transaction.Commit();
        }

        var (job, elapsed) = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.IsType<PostgreSqlFetchedJob>(job);
        Assert.Equal(id, job.JobId);
        // Woken by the enqueue, well before the poll interval (1 s) after it.
        Assert.True(elapsed < TimeSpan.FromMilliseconds(300 + 700), $"fetched after {elapsed}");
    }

    [Fact]
    public async Task A_job_fetched_through_the_wrapper_keeps_its_sliding_invisibility_timeout()
    {
        // A storage of its own with a 3 s invisibility timeout (the service's is 5 minutes), on the same database.
        var service = Storage();
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = false,
            InvisibilityTimeout = TimeSpan.FromSeconds(3),
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(100),
        };
        var inner = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(service.ConnectionString, options), options);
        var storage = new BatchingPostgreSqlStorage(inner, service.ConnectionString, options);
        var queue = "slide_" + Guid.NewGuid().ToString("N")[..8];
        using var connection = storage.GetConnection();
        var id = connection.CreateExpiredJob(SomeJob("滑动"), new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddToQueue(queue, id);
            transaction.Commit();
        }

        // Hangfire.PostgreSql's keep-alive process, which a server runs, extends the fetched job's invisibility.
#pragma warning disable CS0618
        var heartbeat = storage.GetComponents().OfType<IServerComponent>().Single(c => c.GetType().Name == "PostgreSqlHeartbeatProcess");
#pragma warning restore CS0618
        using var stopHeartbeat = new CancellationTokenSource();
        var beating = Task.Run(() =>
        {
            while (!stopHeartbeat.IsCancellationRequested)
            {
                heartbeat.Execute(stopHeartbeat.Token);
            }
        }, TestContext.Current.CancellationToken);

        using var first = storage.GetConnection();
        using var fetched = first.FetchNextJob([queue], TestContext.Current.CancellationToken);
        Assert.Equal(id, fetched.JobId);

        // Held well past the timeout by a live worker: nobody else gets it.
        using var second = storage.GetConnection();
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            Assert.ThrowsAny<OperationCanceledException>(() => second.FetchNextJob([queue], wait.Token));
        }

        // Its worker gone (no more keep-alive), the job is handed out again after the timeout.
        await stopHeartbeat.CancelAsync();
        await beating;
        using var again = second.FetchNextJob([queue], TestContext.Current.CancellationToken);
        Assert.Equal(id, again.JobId);
        again.RemoveFromQueue();
    }

    [Fact]
    public async Task The_dashboard_shows_a_processed_job()
    {
        Storage();
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample("2023-miluo-disabled-federation.docx"), TestContext.Current.CancellationToken);
        var (_, receipt) = await client.UploadAsync(bytes, "seed.docx", unit: "仪表盘测试单位");
        var done = await client.WaitUntilFinishedAsync(receipt.GetProperty("id").GetString()!);
        Assert.Equal("done", done.GetProperty("state").GetString());

        var page = await client.GetAsync(new Uri("/hangfire/jobs/succeeded", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var match = System.Text.RegularExpressions.Regex.Match(html, "/hangfire/jobs/details/(\\d+)");
        Assert.True(match.Success, "no job listed as succeeded");
        var details = await client.GetAsync(new Uri(match.Value, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var detail = await details.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Succeeded", detail, StringComparison.Ordinal);
        Assert.Contains("Processing", detail, StringComparison.Ordinal);
        Assert.Contains("Enqueued", detail, StringComparison.Ordinal);
    }
}
