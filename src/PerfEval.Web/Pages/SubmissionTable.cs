using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Pages;

/// <summary>The rows of the shared submissions table, and whether the unit column is shown (not to a unit).</summary>
public sealed record SubmissionTable(IReadOnlyList<SubmissionView> Items, bool ShowUnit, string Caption);
