using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PerfEval.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.UnitName).HasMaxLength(200);
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasIndex(u => u.UnitName);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.ToTable("AccessTokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        b.Property(t => t.Prefix).HasMaxLength(16).IsUnicode(false);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
