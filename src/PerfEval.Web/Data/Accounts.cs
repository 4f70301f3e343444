using Microsoft.AspNetCore.Identity;

namespace PerfEval.Web.Data;

/// <summary>A person or program that signs in. A <c>unit</c> account is bound to one organisation.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>For the <c>unit</c> role: the organisation whose submissions this account makes and sees.</summary>
    public string? UnitName { get; set; }

    /// <summary>The name shown on pages and in the triage history (a person's name or a desk).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Set for a one-time password (first admin, a new account, a reset): the web pages ask for a new one first,
    /// and tokens cannot be issued with it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A submitting organisation (部门/单位) the finance bureau expects reports from.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A personal access token for API clients. Only its SHA-256 is stored; the token is shown once.</summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>What the owner called it ("报送脚本").</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
