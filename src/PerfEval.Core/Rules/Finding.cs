using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules;

/// <summary>What kind of inconsistency a rule looks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleCategory>))]
public enum RuleCategory
{
    /// <summary>A whole does not equal the sum of its parts.</summary>
    [JsonStringEnumMemberName("total")]
    Total,

    /// <summary>A stated rate does not equal its quotient.</summary>
    [JsonStringEnumMemberName("rate")]
    Rate,

    /// <summary>Weights and scores that do not add up or do not follow the rules of scoring.</summary>
    [JsonStringEnumMemberName("score")]
    Score,

    /// <summary>The same indicator counted twice, or one text reused for different indicators.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    /// <summary>The same quantity stated differently in two places.</summary>
    [JsonStringEnumMemberName("crossref")]
    CrossReference,

    /// <summary>Blank or unmeasurable values.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>Section numbering that skips or repeats; a form that is absent.</summary>
    [JsonStringEnumMemberName("structure")]
    Structure,
}

/// <summary>How much a finding matters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>A rule's identity: stable dotted id, category, default severity and a short title.</summary>
public sealed record RuleDescriptor(string Id, RuleCategory Category, Severity Severity, string Title);

/// <summary>The other place a finding speaks of (for a cross-reference, the place that disagrees).</summary>
public sealed record RelatedPlace(FormKind Form, Location Location);

/// <summary>One inconsistency found in a submission.</summary>
public sealed record Finding
{
    public required string Rule { get; init; }

    public required RuleCategory Category { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The finding in Chinese, naming the figures (and in English after " / " where cheap).</summary>
    public required string Message { get; init; }

    public required FormKind Form { get; init; }

    /// <summary>The name of the form (project name or title), so two project tables are told apart.</summary>
    public string? FormName { get; init; }

    public required Location Location { get; init; }

    /// <summary>The figure the rule derived (the sum, the quotient, the weight stated elsewhere).</summary>
    public decimal? Expected { get; init; }

    /// <summary>The figure written in the document.</summary>
    public decimal? Actual { get; init; }

    public IReadOnlyList<RelatedPlace> Related { get; init; } = [];

    /// <summary>
    /// A stable identity of the finding — rule, form, place and figures, not its position in the output — so a
    /// reviewer's decision on it survives a re-check of the same file.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = string.Join(
                '|',
                Rule,
                Form,
                FormName,
                Location.Table,
                Location.Row,
                Location.Column,
                Location.Paragraph,
                Location.Offset,
                Expected?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(';', Related.Select(r => $"{r.Form}:{r.Location.Table}:{r.Location.Row}:{r.Location.Column}:{r.Location.Paragraph}")));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }
}
