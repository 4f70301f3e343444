using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules.CrossReferences;

/// <summary>Which forms speak of the same thing: by kind and by the names they carry, never by position.</summary>
internal static class Matching
{
    /// <summary>The table a report reports on: the department table for the department report; the project table whose name the project report's title carries.</summary>
    public static SelfEvalForm? TableFor(Submission submission, ReportForm report)
    {
        if (report.Kind == FormKind.DepartmentReport)
        {
            return submission.OfType<SelfEvalForm>().SingleOrDefaultIfMany(f => f.Kind == FormKind.DepartmentSelfEval);
        }

        var projects = submission.OfType<SelfEvalForm>().Where(f => f.Kind == FormKind.ProjectSelfEval).ToList();
        var title = TextNormalizer.Key(report.Title);
        var subject = TextNormalizer.Key(report.Subject ?? string.Empty);
        var named = projects.Where(p => p.Name is { } n && (title.Contains(TextNormalizer.Key(n), StringComparison.Ordinal) || (subject.Length >= 2 && TextNormalizer.Key(n).StartsWith(subject, StringComparison.Ordinal)))).ToList();
        if (named.Count > 1)
        {
            named = named.Where(p => title.Contains(TextNormalizer.Key(p.Name!), StringComparison.Ordinal)).OrderByDescending(p => p.Name!.Length).Take(1).ToList();
        }

        if (named.Count == 1)
        {
            return named[0];
        }

        return projects.Count == 1 && submission.OfType<ReportForm>().Count(r => r.Kind == FormKind.ProjectReport) == 1 ? projects[0] : null;
    }

    /// <summary>The project report on a project table, the inverse of <see cref="TableFor"/>.</summary>
    public static ReportForm? ReportFor(Submission submission, SelfEvalForm project) =>
        submission.OfType<ReportForm>().Where(r => r.Kind == FormKind.ProjectReport).FirstOrDefault(r => ReferenceEquals(TableFor(submission, r), project));

    private static T? SingleOrDefaultIfMany<T>(this IEnumerable<T> source, Func<T, bool> predicate)
        where T : class
    {
        var list = source.Where(predicate).Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }
}
