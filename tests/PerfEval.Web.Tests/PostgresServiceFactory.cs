using Npgsql;

namespace PerfEval.Web.Tests;

/// <summary>
/// The service on PostgreSQL: a fresh database per test class (created by the migrations at start, dropped at the
/// end) on the server named by <c>PERFEVAL_TEST_POSTGRES</c>, a connection string without a database, e.g.
/// <c>Host=localhost;Username=postgres;Password=…</c>. Without it the PostgreSQL tests are skipped.
/// </summary>
public sealed class PostgresServiceFactory : ServiceFactory
{
    public const string Variable = "PERFEVAL_TEST_POSTGRES";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(Variable);

    private readonly string database = "perfeval_test_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresServiceFactory()
    {
        var settings = new Dictionary<string, string> { ["PerfEval:Database:Provider"] = "Postgres" };
        if (ServerConnectionString is not null)
        {
            settings["PerfEval:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;
        }

        Settings = settings;
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; }

    public override void SkipUnlessAvailable() =>
        Assert.SkipWhen(ServerConnectionString is null, $"{Variable} is not set: PostgreSQL tests skipped");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ServerConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
