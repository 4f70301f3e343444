using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PerfEval.Web.Data;

/// <summary>
/// Submissions, their original bytes and their results, the review history, and the accounts (ASP.NET Core Identity
/// on the same database). One model for every provider; each provider has a derived
/// context (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>, <see cref="SqlServerDbContext"/>) so that
/// its migrations live in their own folder and are found by context type.
/// </summary>
public abstract class PerfEvalDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<ReviewEvent> ReviewEvents => Set<ReviewEvent>();

    public DbSet<StoredDocument> StoredDocuments => Set<StoredDocument>();

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PerfEvalDbContext).Assembly);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite flavour (the embedded default); migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PerfEvalDbContext(options);

/// <summary>
/// The PostgreSQL flavour; migrations in <c>Data/Migrations/Postgres</c>. The large values (the original file, the
/// document model and the forms as JSON) are compressed with lz4 rather than PostgreSQL's default pglz, which costs
/// the database several times the CPU on every insert (PostgreSQL 14 or later).
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : PerfEvalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StoredFile>().Property(f => f.Content).UseCompressionMethod("lz4");
        builder.Entity<StoredDocument>().Property(d => d.Json).UseCompressionMethod("lz4");
        builder.Entity<ExtractedForm>().Property(f => f.Json).UseCompressionMethod("lz4");
    }
}

/// <summary>The SQL Server flavour; migrations in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : PerfEvalDbContext(options);
