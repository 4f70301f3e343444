using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PerfEval.Web.Data;

/// <summary>
/// Submissions, their original bytes and their results. One model for every provider; each provider has a derived
/// context (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>, <see cref="SqlServerDbContext"/>) so that
/// its migrations live in their own folder and are found by context type.
/// </summary>
public abstract class PerfEvalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<ExtractedForm> ExtractedForms => Set<ExtractedForm>();

    public DbSet<Finding> Findings => Set<Finding>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every timestamp is UTC; SQLite and SQL Server forget the kind on the way back, this restores it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(38, 10);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PerfEvalDbContext).Assembly);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite flavour (the embedded default); migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PerfEvalDbContext(options);

/// <summary>The PostgreSQL flavour; migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : PerfEvalDbContext(options);

/// <summary>The SQL Server flavour; migrations in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : PerfEvalDbContext(options);
