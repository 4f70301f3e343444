using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules;

/// <summary>Small helpers so each rule reads as what it checks.</summary>
internal static class FindingBuilder
{
    public static Finding Make(this RuleDescriptor d, Form form, Location? at, string message, decimal? expected = null, decimal? actual = null, IEnumerable<RelatedPlace>? related = null, Severity? severity = null) => new()
    {
        Rule = d.Id,
        Category = d.Category,
        Severity = severity ?? d.Severity,
        Message = message,
        Form = form.Kind,
        FormName = NameOf(form),
        Location = at ?? form.TitleAt ?? new Location(),
        Expected = expected,
        Actual = actual,
        Related = related?.ToList() ?? [],
    };

    public static string? NameOf(Form form) => form switch
    {
        SelfEvalForm s => s.Name ?? s.Title,
        ReportForm r => r.Subject ?? r.Title,
        _ => form.Title,
    };

    /// <summary>"581.79" — a figure as people write it (no trailing zeros).</summary>
    public static string F(decimal value) => Values.Measure.Format(value);
}
