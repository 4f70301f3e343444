using Microsoft.AspNetCore.Http.HttpResults;
using PerfEval.Web.Data;

namespace PerfEval.Web.Features.Review;

/// <summary>Where a finding stands with the reviewers: the action of the latest review event for its fingerprint.</summary>
public enum FindingState
{
    /// <summary>Not decided yet, or an earlier decision was withdrawn.</summary>
    Open,

    /// <summary>A reviewer confirmed it as a real error in the report.</summary>
    Confirmed,

    /// <summary>A reviewer dismissed it (the comment says why).</summary>
    Dismissed,
}

/// <summary>The current decision on a finding: its state, the comment, who decided and when (null while never decided).</summary>
public sealed record FindingDecision(FindingState State, string? Comment, string? DecidedBy, DateTime? DecidedAt)
{
    public static FindingDecision Undecided { get; } = new(FindingState.Open, null, null, null);
}

/// <summary>Stable codes of the review endpoints' refusals (besides <see cref="ApiErrorCodes"/>).</summary>
public static class ReviewErrorCodes
{
    public const string InvalidAction = "invalid-action";
    public const string CommentRequired = "comment-required";
    public const string CommentTooLong = "comment-too-long";
    public const string NotDone = "not-done";
}

/// <summary>The rules every review use case shares: the states events give, and comment checks.</summary>
internal static class Triage
{
    /// <summary>The longest comment kept (the column's size).</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>The decision per fingerprint, folding the events in the order they were appended (by id).</summary>
    public static Dictionary<string, FindingDecision> Decisions(IEnumerable<ReviewEvent> events)
    {
        var decisions = new Dictionary<string, FindingDecision>(StringComparer.Ordinal);
        foreach (var e in events.OrderBy(e => e.Id))
        {
            if (e.Fingerprint is { } fingerprint && StateOf(e.Action) is { } state)
            {
                decisions[fingerprint] = new FindingDecision(state, e.Comment, e.Actor, e.At);
            }
        }

        return decisions;
    }

    public static FindingDecision DecisionOf(this Dictionary<string, FindingDecision> decisions, string fingerprint) =>
        decisions.TryGetValue(fingerprint, out var decision) ? decision : FindingDecision.Undecided;

    /// <summary>The state a finding action leaves; null for the submission actions.</summary>
    public static FindingState? StateOf(ReviewAction action) => action switch
    {
        ReviewAction.Confirmed => FindingState.Confirmed,
        ReviewAction.Dismissed => FindingState.Dismissed,
        ReviewAction.Reopened => FindingState.Open,
        _ => null,
    };

    /// <summary>A comment trimmed, blank as null; <paramref name="problem"/> set when it is too long.</summary>
    public static string? CleanComment(string? comment, out (string Code, string Message)? problem)
    {
        var text = comment?.Trim();
        problem = text is { Length: > MaxCommentLength }
            ? (ReviewErrorCodes.CommentTooLong, $"说明不能超过 {MaxCommentLength} 个字（现为 {text.Length} 个字）。")
            : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static ProblemHttpResult FindingNotFound(Guid submissionId, string finding) =>
        Problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "找不到该检查结果",
            $"编号为 {submissionId} 的报送中没有“{finding}”这条检查结果。检查结果重新检查后编号会变化，请刷新页面或使用其指纹（fingerprint）。");
}
