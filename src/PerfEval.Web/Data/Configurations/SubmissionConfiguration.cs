using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PerfEval.Web.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("Submissions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UnitName).HasMaxLength(200);
        b.Property(s => s.FileName).HasMaxLength(255);
        b.Property(s => s.ContentType).HasMaxLength(100);
        b.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.Property(s => s.State)
            .HasMaxLength(16)
            .IsUnicode(false)
            .HasConversion(v => StateName(v), v => ParseState(v));
        b.Property(s => s.ErrorCode).HasMaxLength(64).IsUnicode(false);
        b.Property(s => s.ErrorMessage).HasMaxLength(2000);
        b.Property(s => s.StatedUnitName).HasMaxLength(200);
        b.Property(s => s.UploadedBy).HasMaxLength(256);
        b.Property(s => s.ReviewedBy).HasMaxLength(256);
        b.Property(s => s.Grade).HasMaxLength(4);
        b.Property(s => s.Budget).HasPrecision(20, 6);
        b.Property(s => s.Executed).HasPrecision(20, 6);
        b.Property(s => s.Score).HasPrecision(9, 4);

        // One submission per unit and file content; one version number per unit and year.
        b.HasIndex(s => new { s.UnitName, s.Sha256 }).IsUnique();
        b.HasIndex(s => new { s.UnitName, s.Year, s.Version }).IsUnique();
        b.HasIndex(s => new { s.Year, s.CreatedAt });
        b.HasIndex(s => new { s.Year, s.UnitName });
        b.HasIndex(s => s.State);
        b.HasIndex(s => s.CreatedAt);

        b.HasOne(s => s.File).WithOne().HasForeignKey<StoredFile>(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Forms).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>The wire and database name of a state: <c>queued</c>, <c>processing</c>, <c>done</c>, <c>failed</c>.</summary>
    internal static string StateName(SubmissionState state) => state switch
    {
        SubmissionState.Queued => "queued",
        SubmissionState.Processing => "processing",
        SubmissionState.Done => "done",
        _ => "failed",
    };

    internal static SubmissionState ParseState(string name) => name switch
    {
        "queued" => SubmissionState.Queued,
        "processing" => SubmissionState.Processing,
        "done" => SubmissionState.Done,
        _ => SubmissionState.Failed,
    };
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.HasKey(f => f.SubmissionId);
        b.Property(f => f.Content).IsRequired();
    }
}

internal sealed class ExtractedFormConfiguration : IEntityTypeConfiguration<ExtractedForm>
{
    public void Configure(EntityTypeBuilder<ExtractedForm> b)
    {
        b.ToTable("ExtractedForms");
        b.HasKey(f => f.Id);
        b.Property(f => f.Kind).HasMaxLength(32).IsUnicode(false);
        b.Property(f => f.Json).IsRequired();
        b.HasIndex(f => new { f.SubmissionId, f.Ordinal }).IsUnique();
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("Findings");
        b.HasKey(f => f.Id);
        b.Property(f => f.Rule).HasMaxLength(64).IsUnicode(false);
        b.Property(f => f.Category).HasMaxLength(32).IsUnicode(false);
        b.Property(f => f.Severity).HasMaxLength(16).IsUnicode(false);
        b.Property(f => f.Form).HasMaxLength(32).IsUnicode(false);
        b.Property(f => f.RelatedJson).IsRequired();
        b.Property(f => f.Fingerprint).HasMaxLength(16).IsUnicode(false);
        b.HasIndex(f => new { f.SubmissionId, f.Ordinal }).IsUnique();
        b.HasIndex(f => new { f.SubmissionId, f.Severity });
        // The submissions list filters by rule category (EXISTS on this index).
        b.HasIndex(f => new { f.Category, f.SubmissionId });
    }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> b)
    {
        b.ToTable("StoredDocuments");
        b.HasKey(d => d.SubmissionId);
        b.Property(d => d.Json).IsRequired();
        b.HasOne<Submission>().WithOne().HasForeignKey<StoredDocument>(d => d.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> b)
    {
        b.ToTable("ReviewEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Fingerprint).HasMaxLength(16).IsUnicode(false);
        b.Property(e => e.Action).HasMaxLength(16).IsUnicode(false).HasConversion<string>();
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.Property(e => e.Actor).HasMaxLength(256);
        b.HasIndex(e => new { e.SubmissionId, e.Id });
        b.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
