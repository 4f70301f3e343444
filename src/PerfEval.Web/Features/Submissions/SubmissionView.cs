using System.Linq.Expressions;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Submissions;

/// <summary>Why a submission failed: a stable code and the message for the clerk, in Chinese.</summary>
public sealed record SubmissionError(string Code, string Message);

/// <summary>Where to read more about a submission.</summary>
public sealed record SubmissionLinks(string Self, string Findings, string Forms, string File);

/// <summary>A submission as the API shows it: what was uploaded, where processing is, and what it found.</summary>
public sealed record SubmissionView
{
    public required Guid Id { get; init; }

    public required string Unit { get; init; }

    public required int Year { get; init; }

    public required int Version { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    public required string Sha256 { get; init; }

    public string? Note { get; init; }

    public required SubmissionState State { get; init; }

    public SubmissionError? Error { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }

    public required int FindingCount { get; init; }

    public required int ErrorCount { get; init; }

    public required int WarningCount { get; init; }

    /// <summary>The fiscal year the document states, when it does (may differ from <see cref="Year"/>).</summary>
    public int? StatedYear { get; init; }

    /// <summary>The unit name the document states, when it does.</summary>
    public string? StatedUnit { get; init; }

    /// <summary>The account that uploaded the file.</summary>
    public string? UploadedBy { get; init; }

    /// <summary>When the checks last ran (a re-check after a rules change moves it).</summary>
    public DateTime? CheckedAt { get; init; }

    /// <summary>The department's 全年预算数 in 万元, from its self-evaluation.</summary>
    public decimal? Budget { get; init; }

    /// <summary>The department's 全年执行数 in 万元.</summary>
    public decimal? Executed { get; init; }

    /// <summary>The self-assessed 总分.</summary>
    public decimal? Score { get; init; }

    /// <summary>优 / 良 / 中 / 差 from <see cref="Score"/>.</summary>
    public string? Grade { get; init; }

    /// <summary>When an auditor marked it reviewed, and who.</summary>
    public DateTime? ReviewedAt { get; init; }

    public string? ReviewedBy { get; init; }

    public SubmissionLinks Links => new(SelfUrl(Id), SelfUrl(Id) + "/findings", SelfUrl(Id) + "/forms", SelfUrl(Id) + "/file");

    public static string SelfUrl(Guid id) => $"/api/submissions/{id}";

    /// <summary>The projection, translated to SQL, so the stored bytes are never loaded.</summary>
    public static Expression<Func<Submission, SubmissionView>> Projection { get; } = s => new SubmissionView
    {
        Id = s.Id,
        Unit = s.UnitName,
        Year = s.Year,
        Version = s.Version,
        FileName = s.FileName,
        ContentType = s.ContentType,
        Size = s.Size,
        Sha256 = s.Sha256,
        Note = s.Note,
        State = s.State,
        Error = s.ErrorCode == null ? null : new SubmissionError(s.ErrorCode, s.ErrorMessage ?? string.Empty),
        CreatedAt = s.CreatedAt,
        StartedAt = s.StartedAt,
        FinishedAt = s.FinishedAt,
        FindingCount = s.FindingCount,
        ErrorCount = s.ErrorCount,
        WarningCount = s.WarningCount,
        StatedYear = s.StatedYear,
        StatedUnit = s.StatedUnitName,
        UploadedBy = s.UploadedBy,
        CheckedAt = s.CheckedAt,
        Budget = s.Budget,
        Executed = s.Executed,
        Score = s.Score,
        Grade = s.Grade,
        ReviewedAt = s.ReviewedAt,
        ReviewedBy = s.ReviewedBy,
    };
}
