using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules;

/// <summary>Runs every rule of the catalog over a submission and orders the findings by form and place.</summary>
public static class Checker
{
    public static IReadOnlyList<Finding> Check(Submission submission, IReadOnlyList<IRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var findings = new List<Finding>();
        foreach (var rule in rules ?? RuleCatalog.All)
        {
            findings.AddRange(rule.Evaluate(submission));
        }

        var formOrder = new Dictionary<(FormKind, string?), int>();
        for (var i = 0; i < submission.Forms.Count; i++)
        {
            formOrder.TryAdd((submission.Forms[i].Kind, FindingBuilder.NameOf(submission.Forms[i])), i);
        }

        return findings
            .DistinctBy(f => f.Fingerprint)
            .OrderBy(f => formOrder.TryGetValue((f.Form, f.FormName), out var i) ? i : int.MaxValue)
            .ThenBy(f => f.Location.Table ?? int.MaxValue)
            .ThenBy(f => f.Location.Row ?? 0)
            .ThenBy(f => f.Location.Paragraph ?? 0)
            .ThenBy(f => f.Location.Column ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
    }
}
