using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PerfEval.Web.Tests;

/// <summary>
/// The real service executable (<c>dotnet PerfEval.Web.dll</c> from the test's output folder) started as a separate
/// process in the <c>worker</c> role on a PostgreSQL database. Its output is drained into a ring buffer (so a full pipe
/// never blocks it) and quoted when a test fails. Disposing kills the whole process tree if it is still running.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _dataFolder;
    private bool _disposed;

    private WorkerProcess(Process process, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a worker on the given database and returns once its Hangfire server has announced itself in the job
    /// storage (so it is fetching jobs); fails with the worker's output if it exits or takes longer than a minute.
    /// </summary>
    /// <param name="settings">Extra configuration, as <c>PerfEval:Jobs:WorkerCount</c> style keys.</param>
    public static async Task<WorkerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "PerfEval.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references PerfEval.Web, so the build copies it here");

        var dataFolder = Path.Combine(Path.GetTempPath(), "perfeval-web-tests", "worker-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo(DotnetHost(), [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        environment["PerfEval__Role"] = "worker";
        environment["PerfEval__Database__Provider"] = "Postgres";
        environment["PerfEval__Database__ConnectionString"] = connectionString;
        environment["PerfEval__DataFolder"] = dataFolder;
        environment["Logging__LogLevel__Default"] = "Information";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process, dataFolder);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start " + dll);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.WaitUntilServingAsync(connectionString, cancellationToken);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>Kills the process and everything it started, and waits until it is gone (as a crash or a power cut would).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The last lines the worker wrote, for a failure message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return $"--- worker {SafeId()} output (last {_output.Count} lines) ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        }
    }

    /// <summary>Whether the Hangfire server of this process has written its record (it does so just before its workers start fetching).</summary>
    public async Task<bool> IsAnnouncedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.server WHERE id LIKE @pattern", connection);
        command.Parameters.AddWithValue("pattern", $"%:{Id.ToString(CultureInfo.InvariantCulture)}:%");
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The Hangfire schema is not installed yet.
            return false;
        }
    }

    /// <summary>Whether a Hangfire server id (as a Processing state records it) belongs to this process.</summary>
    public bool Owns(string? serverId) =>
        serverId is not null && serverId.Contains($":{Id.ToString(CultureInfo.InvariantCulture)}:", StringComparison.Ordinal);

    private async Task WaitUntilServingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await IsAnnouncedAsync(connectionString, cancellationToken))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the worker exited with code {_process.ExitCode} before serving{Environment.NewLine}{Output()}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"the worker did not announce its Hangfire server within 60 s{Environment.NewLine}{Output()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string SafeId()
    {
        try
        {
            return Id.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    /// <summary>The <c>dotnet</c> that runs the tests (the CLI tells its children where it is), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
