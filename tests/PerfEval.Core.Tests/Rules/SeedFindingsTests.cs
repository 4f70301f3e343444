using System.Text.Json;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Rules;
using PerfEval.Core.Tests.Support;

namespace PerfEval.Core.Tests.Rules;

/// <summary>
/// The acceptance test of the rule engine: the inconsistencies of the published seed report, found by hand first
/// (each figure re-computed; see the comment on each group), must all be found — and nothing else — whether the
/// report arrives as .docx or as its .txt export. The corrected report must give no error or warning.
/// </summary>
public sealed class SeedFindingsTests
{
    /// <summary>(rule, form, table, row, paragraph, expected, actual) — grid columns differ between .docx and .txt and are left out.</summary>
    private static readonly (string Rule, string Form, int? Table, int? Row, int? Paragraph, decimal? Expected, decimal? Actual)[] Expected =
    [
        ("total.basic-data-parts", "basic-data", 1, 15, null, 15.3m, 18.3m),
        ("total.basic-data-parts", "basic-data", 1, 15, null, 15.3m, 18.3m),
        ("total.fund-breakdown", "department-self-eval", 2, 3, null, 581.79m, 1005.67m),
        ("rate.execution", "department-self-eval", 2, 3, null, 172.86m, 172.85m),
        ("rate.execution-over-100", "department-self-eval", 2, 3, null, 100m, 172.85m),
        ("missing.budget-score", "department-self-eval", 2, 3, null, 10m, null),
        ("score.level-weights", "department-self-eval", 2, 12, null, 30m, 36m),
        ("duplicate.indicator", "department-self-eval", 2, 17, null, null, 3m),
        ("missing.deviation-reason", "department-self-eval", 2, 23, null, 10m, 9m),
        ("missing.indicator-value", "department-self-eval", 2, 23, null, null, null),
        ("missing.deviation-reason", "department-self-eval", 2, 24, null, 5m, 4m),
        ("missing.indicator-value", "department-self-eval", 2, 24, null, null, null),
        ("missing.indicator-value", "department-self-eval", 2, 25, null, null, null),
        ("duplicate.reused-text", "department-self-eval", 2, 26, null, null, null),
        ("missing.indicator-value", "department-self-eval", 2, 26, null, null, null),
        ("missing.deviation-reason", "department-self-eval", 2, 27, null, 10m, 9m),
        ("missing.indicator-value", "department-self-eval", 2, 27, null, null, null),
        ("missing.deviation-reason", "department-self-eval", 2, 28, null, 6m, 5m),
        ("missing.indicator-value", "department-self-eval", 2, 28, null, null, null),
        ("duplicate.reused-text", "department-self-eval", 2, 29, null, null, null),
        ("missing.indicator-value", "department-self-eval", 2, 29, null, null, null),
        ("duplicate.reused-text", "department-self-eval", 2, 30, null, null, null),
        ("missing.indicator-value", "department-self-eval", 2, 30, null, null, null),
        ("score.weight-total", "department-self-eval", 2, 31, null, 106m, 100m),
        ("score.score-total", "department-self-eval", 2, 31, null, 92m, 98m),
        ("crossref.project-fund", "project-self-eval", 3, 4, null, 221m, 154m),
        ("crossref.project-fund", "project-self-eval", 3, 4, null, 221m, 154m),
        ("missing.actual-as-range", "project-self-eval", 3, 11, null, null, null),
        ("missing.actual-as-range", "project-self-eval", 3, 12, null, null, null),
        ("missing.actual-as-range", "project-self-eval", 3, 13, null, null, null),
        ("missing.actual-as-range", "project-self-eval", 3, 14, null, null, null),
        ("crossref.indicator-values", "project-self-eval", 3, 15, null, 150m, 15m),
        ("crossref.indicator-values", "project-self-eval", 3, 15, null, 150m, 15m),
        ("missing.actual-as-range", "project-self-eval", 3, 16, null, null, null),
        ("missing.unmeasurable-target", "project-self-eval", 3, 21, null, null, null),
        ("score.level-weights", "project-self-eval", 3, 23, null, 30m, 23m),
        ("duplicate.reused-text", "project-self-eval", 3, 26, null, null, null),
        ("missing.indicator-value", "project-self-eval", 3, 26, null, null, null),
        ("missing.deviation-reason", "project-self-eval", 3, 27, null, 10m, 9m),
        ("missing.unmeasurable-target", "project-self-eval", 3, 27, null, null, null),
        ("missing.actual-as-range", "project-self-eval", 3, 27, null, null, null),
        ("duplicate.reused-text", "project-self-eval", 3, 28, null, null, null),
        ("missing.deviation-reason", "project-self-eval", 3, 28, null, 8m, 7m),
        ("duplicate.reused-text", "project-self-eval", 3, 29, null, null, null),
        ("duplicate.reused-text", "project-self-eval", 3, 30, null, null, null),
        ("score.weight-total", "project-self-eval", 3, 31, null, 93m, 100m),
        ("score.score-total", "project-self-eval", 3, 31, null, 91m, 98m),
        ("structure.numbering", "department-report", null, null, 31, 1m, 3m),
        ("crossref.department-amounts", "department-report", null, null, 42, 18.3m, 46.74m),
        ("rate.narrative-share", "department-report", null, null, 42, 86.76m, 86.19m),
        ("rate.narrative-share", "department-report", null, null, 42, 13.24m, 13.81m),
        ("crossref.department-amounts", "department-report", null, null, 46, 652.59m, 221m),
        ("total.narrative-parts", "department-report", null, null, 62, 1579m, 628m),
        ("structure.numbering", "department-report", null, null, 75, 8m, 9m),
        ("crossref.project-fund", "project-report", null, null, 84, 154m, 221m),
        ("structure.numbering", "project-report", null, null, 85, 1m, 2m),
        ("structure.numbering", "project-report", null, null, 87, 1m, 2m),
        ("structure.numbering", "project-report", null, null, 89, 1m, 2m),
        ("crossref.project-fund", "project-report", null, null, 90, 154m, 221m),
        ("crossref.indicator-values", "project-report", null, null, 92, 15m, 150m),
        ("structure.numbering", "project-report", null, null, 93, 2m, 3m),
        ("structure.numbering", "project-report", null, null, 94, 1m, 4m),
        ("structure.numbering", "project-report", null, null, 97, 1m, 2m),
        ("crossref.report-score", "project-report", null, null, 105, 98m, 94.8m),
        ("structure.numbering", "project-report", null, null, 106, 5m, 4m),
        ("crossref.project-fund", "project-report", null, null, 110, 154m, 221m),
        ("crossref.project-fund", "project-report", null, null, 110, 154m, 221m),
        ("crossref.indicator-values", "project-report", null, null, 112, 15m, 150m),
    ];

    public static TheoryData<string> SeedFiles => new() { Samples.Seed + ".docx", Samples.Seed + ".txt" };

    public static TheoryData<string> CorrectedFiles => new() { Samples.SeedCorrected + ".docx", Samples.SeedCorrected + ".txt" };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Finds_every_inconsistency_of_the_seed_and_nothing_else(string file)
    {
        var findings = Check(file);

        var actual = findings.Select(Key).Order().ToList();
        var expected = Expected.Select(e => Key(e)).Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void The_seed_has_more_than_twenty_errors_spread_over_all_seven_categories(string file)
    {
        var findings = Check(file);

        Assert.True(findings.Count(f => f.Severity == Severity.Error) > 20);
        Assert.Equal(Enum.GetValues<RuleCategory>().Order(), findings.Select(f => f.Category).Distinct().Order());
        Assert.All(findings, f => Assert.Matches("[\\u4e00-\\u9fff]", f.Message));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Messages_name_the_figures(string file)
    {
        var findings = Check(file);

        var weights = Assert.Single(findings, f => f.Rule == "score.level-weights" && f.Actual == 36m);
        Assert.Contains("36", weights.Message, StringComparison.Ordinal);
        Assert.Contains("30", weights.Message, StringComparison.Ordinal);
        var share = Assert.Single(findings, f => f.Rule == "rate.narrative-share" && f.Actual == 86.19m);
        Assert.Contains("86.76%", share.Message, StringComparison.Ordinal);
        var score = Assert.Single(findings, f => f.Rule == "crossref.report-score");
        Assert.Equal(PerfEval.Core.Forms.FormKind.ProjectSelfEval, Assert.Single(score.Related).Form);
    }

    [Theory]
    [MemberData(nameof(CorrectedFiles))]
    public void The_corrected_seed_gives_no_error_or_warning(string file)
    {
        var findings = Check(file);

        Assert.Empty(findings.Where(f => f.Severity != Severity.Info).Select(f => $"{f.Rule}: {f.Message}"));
    }

    [Fact]
    public void Fingerprints_are_stable_and_unique()
    {
        var first = Check(Samples.Seed + ".docx");
        var again = Check(Samples.Seed + ".docx");

        Assert.Equal(first.Select(f => f.Fingerprint), again.Select(f => f.Fingerprint));
        Assert.Equal(first.Count, first.Select(f => f.Fingerprint).Distinct().Count());
    }

    private static IReadOnlyList<Finding> Check(string file) =>
        Evaluator.Check(File.ReadAllBytes(Samples.PathOf(file)), file).Findings;

    private static string Key(Finding f) =>
        Key((f.Rule, JsonSerializer.Serialize(f.Form).Trim('"'), f.Location.Table, f.Location.Row, f.Location.Paragraph, f.Expected, f.Actual));

    private static string Key((string Rule, string Form, int? Table, int? Row, int? Paragraph, decimal? Expected, decimal? Actual) e) =>
        $"{e.Rule}|{e.Form}|{e.Table}|{e.Row}|{e.Paragraph}|{e.Expected?.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{e.Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
