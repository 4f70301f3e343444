using Npgsql;
using PerfEval.Web.Hosting;

namespace PerfEval.Web.Tests;

/// <summary>The defaults PerfEval adds to a PostgreSQL connection string, and that an operator's own settings win.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Adds_statement_preparation_and_no_reset_when_the_string_does_not_say()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataServices.PostgresConnectionString(Options("Host=db;Username=app;Password=secret;Database=perfeval")));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
        Assert.Equal("perfeval", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=perfeval;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;Database=perfeval;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=db;database=perfeval;max auto prepare=0;no reset on close=false")]
    public void Keeps_what_the_operator_set(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataServices.PostgresConnectionString(Options(configured)));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Keeps_the_reset_when_hangfire_listens_for_new_jobs()
    {
        var options = Options("Host=db;Database=perfeval");
        options.Jobs.LongPolling = true;

        var tuned = new NpgsqlConnectionStringBuilder(DataServices.PostgresConnectionString(options));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
    }

    [Fact]
    public void Long_polling_is_off_unless_asked_for() => Assert.False(new JobOptions().LongPolling);

    private static PerfEvalOptions Options(string connectionString) => new()
    {
        Database = { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString },
    };
}
