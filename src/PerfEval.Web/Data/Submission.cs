namespace PerfEval.Web.Data;

/// <summary>Where a submission is in its processing: queued → processing → done | failed.</summary>
public enum SubmissionState
{
    Queued,
    Processing,
    Done,
    Failed,
}

/// <summary>One uploaded file of one unit for one fiscal year, with what processing made of it.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }

    /// <summary>The submitting organisation (the unit); bound to the signed-in account once accounts exist.</summary>
    public required string UnitName { get; set; }

    public int Year { get; set; }

    /// <summary>The file name part only, as uploaded (no folders).</summary>
    public required string FileName { get; set; }

    /// <summary>The media type of the format sniffed from the bytes, not the one the client claimed.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: the same unit uploading the same bytes gets this submission back.</summary>
    public required string Sha256 { get; set; }

    public string? Note { get; set; }

    /// <summary>1 for a unit's first upload for a year, then 2, 3, … Earlier versions stay readable.</summary>
    public int Version { get; set; }

    public SubmissionState State { get; set; }

    /// <summary>For <see cref="SubmissionState.Failed"/>: a stable code (a reader code such as <c>corrupt-zip</c>).</summary>
    public string? ErrorCode { get; set; }

    /// <summary>For <see cref="SubmissionState.Failed"/>: what went wrong, in Chinese, for the clerk.</summary>
    public string? ErrorMessage { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>How many times a job started on this submission (retries and re-runs included).</summary>
    public int Attempts { get; set; }

    public int FindingCount { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    /// <summary>The fiscal year the document itself states, when it does.</summary>
    public int? StatedYear { get; set; }

    /// <summary>The unit name the document itself states, when it does.</summary>
    public string? StatedUnitName { get; set; }

    /// <summary>The account that uploaded it (a unit clerk, or an admin uploading on a unit's behalf).</summary>
    public string? UploadedBy { get; set; }

    /// <summary>When the checks last ran on it (the first run, or a re-check after the rules changed).</summary>
    public DateTime? CheckedAt { get; set; }

    /// <summary>The 全年预算数 of the department self-evaluation's total fund row, in 万元.</summary>
    public decimal? Budget { get; set; }

    /// <summary>The 全年执行数 of the same row, in 万元.</summary>
    public decimal? Executed { get; set; }

    /// <summary>The self-assessed 总分 得分 of the department self-evaluation.</summary>
    public decimal? Score { get; set; }

    /// <summary>The grade the score gives: 优 (≥90), 良 (80–90), 中 (60–80), 差 (&lt;60).</summary>
    public string? Grade { get; set; }

    /// <summary>Set when an auditor marks the submission reviewed; cleared when it is reopened.</summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public StoredFile? File { get; set; }

    public List<ExtractedForm> Forms { get; set; } = [];

    public List<Finding> Findings { get; set; } = [];
}

/// <summary>The original bytes of a submission, kept apart so listing submissions never loads them.</summary>
public sealed class StoredFile
{
    public Guid SubmissionId { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>One typed form recognised in a submission, as the JSON of the pipeline's form record.</summary>
public sealed class ExtractedForm
{
    public long Id { get; set; }

    public Guid SubmissionId { get; set; }

    /// <summary>Position in the document, from 0.</summary>
    public int Ordinal { get; set; }

    /// <summary>The form kind's wire name (<c>basic-data</c>, <c>project-self-eval</c>, …).</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The project name or report subject that tells two forms of one kind apart.</summary>
    public string? Name { get; set; }

    public required string Json { get; set; }
}

/// <summary>One inconsistency found in a submission (a stored copy of the pipeline's finding).</summary>
public sealed class Finding
{
    public long Id { get; set; }

    public Guid SubmissionId { get; set; }

    /// <summary>Position in the checker's output, from 0.</summary>
    public int Ordinal { get; set; }

    public required string Rule { get; set; }

    public required string Category { get; set; }

    public required string Severity { get; set; }

    public required string Message { get; set; }

    public required string Form { get; set; }

    public string? FormName { get; set; }

    public int? Table { get; set; }

    public int? Row { get; set; }

    public int? Column { get; set; }

    public int? Paragraph { get; set; }

    public int? Offset { get; set; }

    public int? Length { get; set; }

    public string? Excerpt { get; set; }

    public decimal? Expected { get; set; }

    public decimal? Actual { get; set; }

    /// <summary>The other places the finding speaks of, as a JSON array.</summary>
    public required string RelatedJson { get; set; }

    public required string Fingerprint { get; set; }
}
