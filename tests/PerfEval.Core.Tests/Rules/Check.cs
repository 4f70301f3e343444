using System.Text.Json;
using System.Text.RegularExpressions;
using PerfEval.Core.Forms;
using PerfEval.Core.Rules;

namespace PerfEval.Core.Tests.Rules;

/// <summary>Runs one rule over forms built with <see cref="Build"/>, and asserts what a finding says and where.</summary>
internal static partial class Check
{
    public static IReadOnlyList<Finding> Run<TRule>(params Form[] forms)
        where TRule : IRule, new() => new TRule().Evaluate(Build.Submission(forms)).ToList();

    public static Finding Single<TRule>(params Form[] forms)
        where TRule : IRule, new() => Assert.Single(Run<TRule>(forms));

    public static void Silent<TRule>(params Form[] forms)
        where TRule : IRule, new() => Assert.Empty(Run<TRule>(forms));

    public static void Is(this Finding finding, string rule, Severity severity)
    {
        Assert.Equal(rule, finding.Rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(rule.Split('.')[0], Category(finding.Category));
    }

    public static void AtCell(this Finding finding, FormKind form, int table, int row, int column)
    {
        Assert.Equal(form, finding.Form);
        Assert.Equal((table, row, column), (finding.Location.Table, finding.Location.Row, finding.Location.Column));
    }

    /// <summary>A finding on a report: the paragraph (block index) and, for a figure, the figure's offset in it.</summary>
    public static void AtParagraph(this Finding finding, FormKind form, int paragraph, string? figure = null, string? paragraphText = null)
    {
        Assert.Equal(form, finding.Form);
        Assert.Equal(paragraph, finding.Location.Paragraph);
        Assert.Null(finding.Location.Table);
        if (figure is not null && paragraphText is not null)
        {
            Assert.Equal(paragraphText.IndexOf(figure, StringComparison.Ordinal), finding.Location.Offset);
        }
    }

    public static void Figures(this Finding finding, decimal? expected, decimal? actual)
    {
        Assert.Equal(expected, finding.Expected);
        Assert.Equal(actual, finding.Actual);
    }

    /// <summary>The Chinese part of the message (before " / ") is Chinese and names every one of <paramref name="words"/>.</summary>
    public static void Says(this Finding finding, params string[] words)
    {
        var chinese = finding.Message.Split(" / ")[0];
        Assert.Matches(Han(), chinese);
        foreach (var word in words)
        {
            Assert.Contains(word, chinese, StringComparison.Ordinal);
        }
    }

    public static void RelatesTo(this Finding finding, params (FormKind Form, int Table, int Row, int Column)[] places) =>
        Assert.Equal(places, finding.Related.Select(r => (r.Form, r.Location.Table ?? 0, r.Location.Row ?? 0, r.Location.Column ?? 0)));

    /// <summary>The category as the JSON output writes it, and as ids and RULES.md do.</summary>
    public static string Category(RuleCategory category) => JsonSerializer.Serialize(category).Trim('"');

    /// <summary>The severity as the JSON output writes it.</summary>
    public static string Name(Severity severity) => JsonSerializer.Serialize(severity).Trim('"');

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
