namespace PerfEval.Web.Data;

/// <summary>What a reviewer did: a decision on one finding, or marking the whole submission reviewed.</summary>
public enum ReviewAction
{
    /// <summary>The finding is a real error in the report.</summary>
    Confirmed,

    /// <summary>The finding does not apply (the comment says why).</summary>
    Dismissed,

    /// <summary>An earlier decision withdrawn: the finding is open again.</summary>
    Reopened,

    /// <summary>The auditor has finished with the submission.</summary>
    Reviewed,

    /// <summary>The submission is open for review again.</summary>
    Unreviewed,
}

/// <summary>
/// One entry of a submission's review history (append-only). A finding is named by its fingerprint, which a re-check
/// of the same file gives again, so decisions survive re-checks; the latest entry for a fingerprint is its state.
/// </summary>
public sealed class ReviewEvent
{
    public long Id { get; set; }

    public Guid SubmissionId { get; set; }

    /// <summary>The finding's fingerprint; null for <see cref="ReviewAction.Reviewed"/> and <see cref="ReviewAction.Unreviewed"/>.</summary>
    public string? Fingerprint { get; set; }

    public ReviewAction Action { get; set; }

    public string? Comment { get; set; }

    /// <summary>The account's user name at the time.</summary>
    public required string Actor { get; set; }

    public DateTime At { get; set; }
}

/// <summary>The document model of a submission as JSON (blocks, tables with spans), for drawing it as the unit wrote it.</summary>
public sealed class StoredDocument
{
    public Guid SubmissionId { get; set; }

    public required string Json { get; set; }
}
