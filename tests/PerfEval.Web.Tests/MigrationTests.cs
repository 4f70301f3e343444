using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>Every provider's migrations exist and match the model, so `Migrate()` at start builds the current schema.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_migrations_matching_the_model(string provider)
    {
        using PerfEvalDbContext db = provider switch
        {
            "Sqlite" => Create<SqliteDesignTimeFactory, SqliteDbContext>(),
            "Postgres" => Create<PostgresDesignTimeFactory, PostgresDbContext>(),
            _ => Create<SqlServerDesignTimeFactory, SqlServerDbContext>(),
        };

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes without a migration (dotnet ef migrations add)");
    }

    private static TContext Create<TFactory, TContext>()
        where TFactory : IDesignTimeDbContextFactory<TContext>, new()
        where TContext : DbContext =>
        new TFactory().CreateDbContext([]);
}
