using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PerfEval.Core.Evaluation;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>
/// Worker processes that die and come back, and several of them on one database: the real executable started as
/// separate <c>worker</c> processes on a fresh PostgreSQL database per test, uploads through an in-process <c>api</c>
/// host on the same database. Needs <c>PERFEVAL_TEST_POSTGRES</c>, like the other PostgreSQL tests.
/// </summary>
public sealed class FaultTests
{
    private const string Seed = "2023-miluo-disabled-federation.docx";

    /// <summary>Short, so that a job of a killed worker is fetched again within seconds (the default is 5 minutes).</summary>
    private static readonly Dictionary<string, string> QuickRecovery = new()
    {
        ["PerfEval:Jobs:InvisibilityTimeout"] = "00:00:03",
        ["PerfEval:Jobs:WorkerCount"] = "1",
        ["PerfEval:Jobs:PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task A_job_whose_worker_process_is_killed_midway_completes_once_on_the_next_worker()
    {
        await using var cluster = await Cluster.StartAsync();
        var bytes = ReportDocx.BigTable(10_000, "进程中止测试");
        var first = await cluster.StartWorkerAsync(QuickRecovery);

        var id = await cluster.UploadAsync(bytes, "big-table.docx", "fault-unit");
        await cluster.WaitForStateAsync(id, SubmissionState.Processing, first);
        await first.KillAsync();

        // Caught mid-flight: claimed once, nothing stored, and not finished.
        var killed = await cluster.SubmissionAsync(id);
        Assert.True(killed.State == SubmissionState.Processing, $"the job was {killed.State} when its worker died; it should have been mid-way");
        Assert.Equal(1, killed.Attempts);
        Assert.Equal((0, 0, 0), await cluster.ResultRowsAsync(id));

        var second = await cluster.StartWorkerAsync(QuickRecovery);
        var done = await cluster.WaitForStateAsync(id, SubmissionState.Done, second);

        Assert.True(done.Attempts >= 2, $"attempts {done.Attempts}");
        var expected = Evaluator.Check(bytes, "big-table.docx");
        await cluster.AssertStoredOnceAsync(id, expected);
        var processing = await cluster.ProcessingServersAsync(id);
        Assert.True(first.Owns(processing[0]), $"first Processing state by {processing[0]}, not the killed worker {first.Id}");
        Assert.True(second.Owns(processing[^1]), $"last Processing state by {processing[^1]}, not the new worker {second.Id}");
        Assert.Equal("Succeeded", await cluster.JobStateAsync(id));
        using var client = await cluster.ApiClientAsync();
        var submission = await client.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("done", submission.GetProperty("state").GetString());
        Assert.Equal(expected.Findings.Count, submission.GetProperty("findingCount").GetInt32());
    }

    [Fact]
    public async Task A_worker_process_killed_inside_the_results_transaction_leaves_nothing_half_written()
    {
        await using var cluster = await Cluster.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var first = await cluster.StartWorkerAsync(QuickRecovery);

        // Hold the findings table so the job stops inside its results transaction: after the submission row was set
        // to done, at the insert of the findings (a first run has no earlier results to delete). Then kill the worker
        // there.
        await using (var blocker = await cluster.OpenAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var lockFindings = new NpgsqlCommand("LOCK TABLE \"Findings\" IN SHARE MODE", blocker, transaction))
            {
                await lockFindings.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var id = await cluster.UploadAsync(bytes, Seed, "transaction-unit");
            await cluster.WaitUntilBlockedAsync("INSERT INTO \"Findings\"", first);
            await first.KillAsync();

            var killed = await cluster.SubmissionAsync(id);
            Assert.Equal(SubmissionState.Processing, killed.State);
            Assert.Equal(1, killed.Attempts);
            Assert.Equal(0, killed.FindingCount);
            Assert.Equal((0, 0, 0), await cluster.ResultRowsAsync(id));
            await transaction.CommitAsync(TestContext.Current.CancellationToken);

            var second = await cluster.StartWorkerAsync(QuickRecovery);
            var done = await cluster.WaitForStateAsync(id, SubmissionState.Done, second);

            Assert.Equal(2, done.Attempts);
            await cluster.AssertStoredOnceAsync(id, Evaluator.Check(bytes, Seed));
            Assert.Equal("Succeeded", await cluster.JobStateAsync(id));
        }
    }

    [Fact]
    public async Task A_second_worker_process_on_the_same_database_takes_jobs_too()
    {
        await using var cluster = await Cluster.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["PerfEval:Jobs:WorkerCount"] = "1",
            ["PerfEval:Jobs:PollInterval"] = "00:00:00.200",
        };
        var starting = new[] { cluster.StartWorkerAsync(settings), cluster.StartWorkerAsync(settings) };
        await Task.WhenAll(starting); // both finished (or failed) before anything else, so the cluster knows of both
        var a = await starting[0];
        var b = await starting[1];

        // Twenty different files (a table of 1,500 rows, each with its own title): a job takes long enough that the
        // one worker thread of a process cannot empty the queue while the other process sleeps between two polls.
        var files = Enumerable.Range(1, 20).Select(i => ReportDocx.BigTable(1_500, $"第{i}批")).ToList();
        Assert.Equal(20, files.Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f))).Distinct().Count());
        // All at once, so that jobs wait in the queue for whichever worker is free.
        var ids = await Task.WhenAll(files.Select((file, i) => cluster.UploadAsync(file, $"batch-{i + 1}.docx", $"unit-{i + 1}")));

        foreach (var id in ids)
        {
            var done = await cluster.WaitForStateAsync(id, SubmissionState.Done, a, b);
            Assert.Equal(1, done.Attempts);
        }

        var byServer = new List<string>();
        foreach (var id in ids)
        {
            byServer.Add(Assert.Single(await cluster.ProcessingServersAsync(id)));
            Assert.Equal("Succeeded", await cluster.JobStateAsync(id));
        }

        var byA = byServer.Count(a.Owns);
        var byB = byServer.Count(b.Owns);
        Assert.True(byA > 0 && byB > 0, $"worker {a.Id} ran {byA} jobs and worker {b.Id} ran {byB}; each should have run some");
        Assert.Equal(ids.Length, byA + byB);

        var expected = Evaluator.Check(files[0], "batch-1.docx");
        await cluster.AssertStoredOnceAsync(ids[0], expected);
        foreach (var id in ids)
        {
            var (findings, forms, documents) = await cluster.ResultRowsAsync(id);
            Assert.Equal((expected.Findings.Count, expected.Extraction.Submission.Forms.Count, 1), (findings, forms, documents));
        }
    }

    /// <summary>
    /// One test's system: a fresh PostgreSQL database, an in-process <c>api</c> host on it, and the worker processes
    /// a test starts (it owns them). Disposing kills the workers, stops the host and drops the database, whatever the
    /// test did.
    /// </summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

        private readonly ApiFactory _api;
        private readonly List<WorkerProcess> _workers = [];

        private Cluster(ApiFactory api) => _api = api;

        public string ConnectionString => _api.ConnectionString;

        public static async Task<Cluster> StartAsync()
        {
            var server = Environment.GetEnvironmentVariable(PostgresServiceFactory.Variable);
            Assert.SkipWhen(server is null, $"{PostgresServiceFactory.Variable} is not set: PostgreSQL tests skipped");
            var cluster = new Cluster(new ApiFactory(server!));
            try
            {
                // Starting the host migrates the new database; resolving the storage installs Hangfire's schema,
                // so the workers that start next find both.
                _ = cluster._api.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().Servers();
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            return cluster;
        }

        public async Task<WorkerProcess> StartWorkerAsync(IReadOnlyDictionary<string, string> settings)
        {
            var worker = await WorkerProcess.StartAsync(ConnectionString, settings, TestContext.Current.CancellationToken);
            lock (_workers)
            {
                _workers.Add(worker);
            }

            return worker;
        }

        /// <summary>The HTTP client for the API, signed in as an admin (who uploads on units' behalf). Every request of
        /// these tests goes through a client made here.</summary>
        public Task<HttpClient> ApiClientAsync() => _api.ClientAsync();

        /// <summary>Uploads a file as the given unit and returns the new submission's id.</summary>
        public async Task<Guid> UploadAsync(byte[] bytes, string fileName, string unit)
        {
            using var client = await ApiClientAsync();
            var (response, body) = await client.UploadAsync(bytes, fileName, unit: unit);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return Guid.Parse(body.GetProperty("id").GetString()!);
        }

        public async Task<NpgsqlConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        }

        public async Task<Submission> SubmissionAsync(Guid id)
        {
            await using var scope = _api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            return await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        }

        /// <summary>Rows stored for a submission: findings, extracted forms, stored documents.</summary>
        public async Task<(int Findings, int Forms, int Documents)> ResultRowsAsync(Guid id)
        {
            await using var scope = _api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            var ct = TestContext.Current.CancellationToken;
            return (
                await db.Findings.CountAsync(f => f.SubmissionId == id, ct),
                await db.ExtractedForms.CountAsync(f => f.SubmissionId == id, ct),
                await db.StoredDocuments.CountAsync(d => d.SubmissionId == id, ct));
        }

        /// <summary>Exactly one set of results, and the one the pipeline gives for the bytes, in its order.</summary>
        public async Task AssertStoredOnceAsync(Guid id, CheckResult expected)
        {
            await using var scope = _api.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            var findings = await db.Findings.AsNoTracking().Where(f => f.SubmissionId == id).OrderBy(f => f.Ordinal).ToListAsync(ct);
            var forms = await db.ExtractedForms.AsNoTracking().Where(f => f.SubmissionId == id).OrderBy(f => f.Ordinal).ToListAsync(ct);

            Assert.Equal(expected.Findings.Select(f => f.Fingerprint), findings.Select(f => f.Fingerprint));
            Assert.Equal(Enumerable.Range(0, findings.Count), findings.Select(f => f.Ordinal));
            Assert.Equal(expected.Extraction.Submission.Forms.Count, forms.Count);
            Assert.Equal(Enumerable.Range(0, forms.Count), forms.Select(f => f.Ordinal));
            Assert.Equal(1, await db.StoredDocuments.CountAsync(d => d.SubmissionId == id, ct));
            Assert.Equal(findings.Count, submission.FindingCount);
        }

        /// <summary>Polls the submission until it reaches the state; fails with the workers' output after 90 s or when all of them have died.</summary>
        public async Task<Submission> WaitForStateAsync(Guid id, SubmissionState state, params WorkerProcess[] workers)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var submission = await SubmissionAsync(id);
                if (submission.State == state)
                {
                    return submission;
                }

                if (submission.State == SubmissionState.Failed || clock.Elapsed > Patience || workers.All(w => w.HasExited))
                {
                    Assert.Fail($"submission {id} is {submission.State} ({submission.ErrorCode}) after {clock.Elapsed.TotalSeconds:0.0} s, waiting for {state}"
                        + Environment.NewLine + string.Join(Environment.NewLine, workers.Select(w => w.Output())));
                }

                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        /// <summary>Waits until some session on the database waits for a lock while running a statement that starts with the text.</summary>
        public async Task WaitUntilBlockedAsync(string statement, WorkerProcess worker)
        {
            await using var connection = await OpenAsync();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE @statement",
                    connection);
                command.Parameters.AddWithValue("statement", statement + "%");
                if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
                {
                    return;
                }

                if (clock.Elapsed > Patience || worker.HasExited)
                {
                    Assert.Fail($"no session blocked at {statement} after {clock.Elapsed.TotalSeconds:0.0} s{Environment.NewLine}{worker.Output()}");
                }

                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        /// <summary>The server ids of the Processing states of the submission's Hangfire job, oldest first.</summary>
        public async Task<List<string>> ProcessingServersAsync(Guid id)
        {
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT s.data->>'ServerId' FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
                WHERE s.name = 'Processing' AND j.arguments::text LIKE @id ORDER BY s.id
                """,
                connection);
            command.Parameters.AddWithValue("id", $"%{id}%");
            var servers = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                servers.Add(reader.GetString(0));
            }

            Assert.NotEmpty(servers);
            return servers;
        }

        /// <summary>The state of the one Hangfire job enqueued for the submission.</summary>
        public async Task<string> JobStateAsync(Guid id)
        {
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand("SELECT statename FROM hangfire.job WHERE arguments::text LIKE @id", connection);
            command.Parameters.AddWithValue("id", $"%{id}%");
            var states = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                states.Add(reader.GetString(0));
            }

            return Assert.Single(states);
        }

        public async ValueTask DisposeAsync()
        {
            List<WorkerProcess> workers;
            lock (_workers)
            {
                workers = [.. _workers];
            }

            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }

            await _api.DisposeAsync();
        }
    }

    /// <summary>The <c>api</c> role in process on a database of its own, which it creates (migrations) and drops at the end.</summary>
    private sealed class ApiFactory : ServiceFactory
    {
        private readonly string _server;
        private readonly string _database = "perfeval_fault_" + Guid.NewGuid().ToString("N")[..12];

        public ApiFactory(string server)
        {
            _server = server;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
            Settings = new Dictionary<string, string>
            {
                ["PerfEval:Role"] = "api",
                ["PerfEval:Database:Provider"] = "Postgres",
                ["PerfEval:Database:ConnectionString"] = ConnectionString,
            };
        }

        public string ConnectionString { get; }

        protected override IReadOnlyDictionary<string, string> Settings { get; }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A .docx written in code (a zip with the three parts Word needs): a title and one project-expenditure table of
    /// the given number of rows. The title makes the bytes differ; the same arguments give the same bytes.
    /// </summary>
    private static class ReportDocx
    {
        private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

        private static readonly string[] Headers = ["序号", "项目名称", "资金来源", "年初预算数（万元）", "全年执行数（万元）", "执行率", "绩效指标完成情况", "备注"];
        private static readonly string[] Places = ["城关镇", "新市镇", "古培镇", "长乐镇", "大荆镇", "归义镇"];
        private static readonly string[] Programs = ["残疾人康复救助", "辅助器具适配", "职业技能培训", "困难残疾人生活补贴", "家庭无障碍改造"];
        private static readonly string[] Sources = ["中央财政补助资金", "省级财政专项资金", "县本级财政预算安排"];

        public static byte[] BigTable(int rows, string label)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                WriteEntry(zip, "[Content_Types].xml",
                    """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
                WriteEntry(zip, "_rels/.rels",
                    """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
                using var stream = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
                using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                WriteDocument(xml, rows, label);
            }

            return buffer.ToArray();
        }

        private static void WriteEntry(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        private static void WriteDocument(XmlWriter xml, int rows, string label)
        {
            xml.WriteStartDocument(true);
            xml.WriteStartElement("w", "document", W);
            xml.WriteStartElement("w", "body", W);
            Paragraph(xml, $"2023年度项目支出绩效自评明细表（{label}）");
            Paragraph(xml, "单位：万元");
            xml.WriteStartElement("w", "tbl", W);
            Row(xml, Headers);
            var state = 0x9E3779B97F4A7C15UL;
            int Next(int max)
            {
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                return (int)((state * 0x2545F4914F6CDD1DUL >> 33) % (ulong)max);
            }

            for (var r = 1; r < rows; r++)
            {
                var budget = 1_000 + Next(900_000);
                var spent = budget * (7_000 + Next(3_000)) / 10_000;
                Row(xml,
                [
                    r.ToString(CultureInfo.InvariantCulture),
                    $"{Places[Next(Places.Length)]}{Programs[Next(Programs.Length)]}项目（第{r % 37 + 1}批）",
                    Sources[r / 500 % Sources.Length],
                    (budget / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    (spent / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    (spent * 100m / budget).ToString("0.00", CultureInfo.InvariantCulture) + "%",
                    $"受益残疾人数≥{10 + Next(500)}人，实际完成{10 + Next(600)}人",
                    "按计划完成",
                ]);
            }

            xml.WriteEndElement(); // tbl
            xml.WriteEndElement(); // body
            xml.WriteEndElement(); // document
        }

        private static void Row(XmlWriter xml, string[] cells)
        {
            xml.WriteStartElement("w", "tr", W);
            foreach (var cell in cells)
            {
                xml.WriteStartElement("w", "tc", W);
                Paragraph(xml, cell);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void Paragraph(XmlWriter xml, string text)
        {
            xml.WriteStartElement("w", "p", W);
            xml.WriteStartElement("w", "r", W);
            xml.WriteElementString("w", "t", W, text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    }
}
