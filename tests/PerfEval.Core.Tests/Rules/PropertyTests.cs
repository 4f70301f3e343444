using System.Globalization;
using System.Text;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Rules;
using PerfEval.Core.Tests.Rules.Generated;

namespace PerfEval.Core.Tests.Rules;

/// <summary>
/// Property tests over generated submissions, one per seed: <see cref="ReportGenerator"/> draws the figures (weight
/// scheme, indicators from word pools, scores, amounts, rates), <see cref="ReportComposer"/> lays them out as the
/// fixtures do (附件1–4 and the project reports) and <see cref="GenDocument"/> writes the seed-style .txt or a .docx.
/// A consistent report is recognised form by form and gets no error and no warning; a report with one known error
/// injected (<see cref="Mutations"/>) gets findings of exactly the rule(s) that error violates.
/// A failure names the seed: set PERFEVAL_GENERATED_DIR to a folder to get generated-NNN.txt/.docx written there
/// (and the mutated ones as generated-NNN.&lt;mutation&gt;.txt), then run <c>perfeval check</c> on them.
/// </summary>
public sealed class PropertyTests
{
    private const int Seeds = 200;

    /// <summary>Seeds each mutation is tried on (the first ones where the error can be placed).</summary>
    private const int MutationSeeds = 10;

    /// <summary>Each seed's report checked once (as .txt) and shared by the tests below.</summary>
    private static readonly Lazy<Baseline[]> Baselines = new(() => [.. Enumerable.Range(1, Seeds).Select(seed =>
    {
        var spec = ReportGenerator.Generate(seed);
        var result = Run(ReportComposer.Compose(spec).ToTxtBytes(), seed, "txt");
        return new Baseline(seed, spec, Serious(result), Outline(result.Extraction.Submission));
    })]);

    public static TheoryData<string> MutationIds => [.. Mutations.All.Select(m => m.Id)];

    [Fact]
    public void The_generator_is_deterministic_and_its_figures_add_up()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var spec = ReportGenerator.Generate(seed);
            Assert.Equal(ReportComposer.Compose(spec).ToTxt(), ReportComposer.Compose(ReportGenerator.Generate(seed)).ToTxt());
            SpecCheck(spec);
        }
    }

    /// <summary>
    /// The rules can only check what is recognised: every generated form comes back as the form it is, with all its
    /// indicators and its total (a form read as another kind silences every rule about it).
    /// </summary>
    [Fact]
    public void Generated_reports_are_recognised_form_by_form()
    {
        var wrong = Baselines.Value.Where(b => b.Outline != Outline(b.Spec)).ToList();
        var failures = new StringBuilder();
        foreach (var b in wrong.Take(6))
        {
            failures.Append(CultureInfo.InvariantCulture, $"seed {b.Seed}:\n  generated:\n{Outline(b.Spec)}  recognised:\n{b.Outline}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} generated reports are not recognised as generated (seeds {string.Join(", ", wrong.Select(b => b.Seed))}).\n{failures}");
    }

    [Fact]
    public void Consistent_generated_reports_have_no_error_or_warning_findings()
    {
        var failures = Baselines.Value.Where(b => b.Findings.Count > 0).Select(b => (b.Seed, (IReadOnlyList<Finding>)b.Findings)).ToList();
        Assert.True(failures.Count == 0, Describe(failures, "txt"));
    }

    [Fact]
    public void Consistent_generated_reports_read_from_docx_have_no_error_or_warning_findings()
    {
        var failures = new List<(int Seed, IReadOnlyList<Finding> Findings)>();
        for (var seed = 1; seed <= Seeds; seed += 4)
        {
            var document = ReportComposer.Compose(ReportGenerator.Generate(seed));
            var findings = Serious(Run(document.ToDocx(), seed, "docx"));
            if (findings.Count > 0)
            {
                failures.Add((seed, findings));
            }
        }

        Assert.True(failures.Count == 0, Describe(failures, "docx"));
    }

    /// <summary>
    /// One error injected into a consistent report: the error and warning findings it introduces (those the report
    /// did not have before the edit) are of exactly the expected rules. Compared with the report before the edit so
    /// that a false positive the consistent report already has (the property above reports it) does not hide what the
    /// injected error does; on a report without findings this is the plain "set of rule ids == expected".
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationIds))]
    public void One_injected_error_fires_exactly_its_rule(string id)
    {
        var mutation = Mutations.All.Single(m => m.Id == id);
        var tried = 0;
        var problems = new StringBuilder();
        foreach (var baseline in Baselines.Value)
        {
            if (tried == MutationSeeds)
            {
                break;
            }

            var (seed, spec) = (baseline.Seed, baseline.Spec);
            var document = ReportComposer.Compose(spec);
            var edit = mutation.Apply(spec, document, new Random((seed * 7919) + id.Length));
            if (edit is null)
            {
                continue;
            }

            tried++;
            var mutated = Serious(Run(document.ToTxtBytes(), seed, $"{id}.txt"));
            var known = baseline.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var introduced = mutated.Where(f => !known.Contains(f.Fingerprint)).ToList();
            var rules = introduced.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
            var expected = mutation.Expected(spec).ToHashSet(StringComparer.Ordinal);
            if (!rules.SetEquals(expected))
            {
                problems.Append(CultureInfo.InvariantCulture, $"seed {seed}: {edit}\n  expected {{{string.Join(", ", expected.Order())}}}, got {{{string.Join(", ", rules.Order())}}}\n");
                foreach (var f in introduced)
                {
                    problems.Append(CultureInfo.InvariantCulture, $"    {Line(f)}\n");
                }
            }
        }

        Assert.True(tried >= MutationSeeds / 2, $"{id}: only {tried} seeds offered a place for the error");
        Assert.True(problems.Length == 0, $"{id}:\n{problems}");
    }

    private static CheckResult Run(byte[] bytes, int seed, string kind)
    {
        if (Environment.GetEnvironmentVariable("PERFEVAL_GENERATED_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, $"generated-{seed:000}.{kind}"), bytes);
        }

        var extension = kind.EndsWith("docx", StringComparison.Ordinal) ? "docx" : "txt";
        return Evaluator.Check(bytes, $"generated-{seed}.{extension}");
    }

    private static List<Finding> Serious(CheckResult result) => [.. result.Findings.Where(f => f.Severity >= Severity.Warning)];

    private static string Describe(List<(int Seed, IReadOnlyList<Finding> Findings)> failures, string kind)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{failures.Count} of the generated consistent reports ({kind}) have error/warning findings.\n");
        foreach (var rule in failures.SelectMany(f => f.Findings.Select(x => (x.Rule, f.Seed))).GroupBy(x => x.Rule).OrderByDescending(g => g.Select(x => x.Seed).Distinct().Count()))
        {
            var seeds = rule.Select(x => x.Seed).Distinct().ToList();
            sb.Append(CultureInfo.InvariantCulture, $"  {rule.Key}: {seeds.Count} seeds ({string.Join(", ", seeds.Take(12))}{(seeds.Count > 12 ? ", …" : string.Empty)})\n");
        }

        foreach (var (seed, findings) in failures.Take(8))
        {
            sb.Append(CultureInfo.InvariantCulture, $"seed {seed}:\n");
            foreach (var f in findings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {Line(f)}\n");
            }
        }

        return sb.ToString();
    }

    private static string Line(Finding f) =>
        $"[{f.Severity}] {f.Rule} ({f.Form}{(f.FormName is null ? string.Empty : " " + f.FormName)}, {RuleText.Describe(f.Location)}): {f.Message}"
        + (f.Location.Excerpt is { } excerpt ? $" «{excerpt}»" : string.Empty);

    private static string Outline(ReportSpec s)
    {
        var sb = new StringBuilder();
        sb.Append("    basic-data\n");
        sb.Append(CultureInfo.InvariantCulture, $"    department-self-eval {s.Unit}: {s.Department.Indicators.Count()} indicators, 总分 {Num.Score(s.Department.TotalScore)}\n");
        foreach (var p in s.Projects)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    project-self-eval {p.Name}: {p.Table.Indicators.Count()} indicators, 总分 {Num.Score(p.Table.TotalScore)}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"    department-report: {(s.ExperienceSection ? 8 : 7)} sections\n");
        foreach (var p in s.Projects)
        {
            sb.Append("    project-report: 7 sections\n");
        }

        return sb.ToString();
    }

    private static string Outline(Core.Forms.Submission submission)
    {
        var sb = new StringBuilder();
        foreach (var form in submission.Forms)
        {
            switch (form)
            {
                case Core.Forms.SelfEvalForm t:
                    sb.Append(CultureInfo.InvariantCulture, $"    {Kebab(t.Kind)} {t.Name}: {t.Indicators.Count} indicators, 总分 {t.Total?.Score.Value.Raw}\n");
                    break;
                case Core.Forms.ReportForm r:
                    sb.Append(CultureInfo.InvariantCulture, $"    {Kebab(r.Kind)}: {r.Sections.Count} sections\n");
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $"    {Kebab(form.Kind)}\n");
                    break;
            }
        }

        return sb.ToString();

        static string Kebab(Core.Forms.FormKind kind) => kind switch
        {
            Core.Forms.FormKind.BasicData => "basic-data",
            Core.Forms.FormKind.DepartmentSelfEval => "department-self-eval",
            Core.Forms.FormKind.ProjectSelfEval => "project-self-eval",
            Core.Forms.FormKind.DepartmentReport => "department-report",
            _ => "project-report",
        };
    }

    /// <summary>The generator's own arithmetic, checked without the engine: what the property relies on.</summary>
    private static void SpecCheck(ReportSpec s)
    {
        foreach (var t in s.Projects.Select(p => p.Table).Prepend(s.Department))
        {
            Assert.Equal(100m, t.TotalWeight);
            foreach (var level in t.Levels)
            {
                Assert.Equal(level.Weight, level.Items.Sum(i => i.Weight));
                Assert.All(level.Items, i => Assert.InRange(i.Score, 0m, i.Weight));
                Assert.All(level.Items, i => Assert.Equal(i.Score < i.Weight, i.Deviation.Length > 0));
                Assert.All(level.Items, i => Assert.True(i.Weight * 2 == Math.Floor(i.Weight * 2) && i.Score * 2 == Math.Floor(i.Score * 2)));
            }

            Assert.InRange(t.Fund.Executed, 0m, t.Fund.Budget);
            Assert.Equal(Math.Min(10m, Math.Round(t.Fund.Executed / t.Fund.Budget * 10m, 2, MidpointRounding.AwayFromZero)), t.Fund.Score);
        }

        var names = s.Projects.SelectMany(p => p.Table.Indicators).Concat(s.Department.Indicators).Select(i => Core.Text.TextNormalizer.Key(i.Name)).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                Assert.True(RuleText.Similarity(names[i], names[j]) < ReportGenerator.MaxNameSimilarity, $"seed {s.Seed}: {names[i]} ~ {names[j]}");
            }
        }

        foreach (var p in s.Projects)
        {
            var f = p.Table.Fund;
            Assert.Equal(f.Initial, p.Parts.Sum(x => x.Initial));
            Assert.Equal(f.Budget, p.Parts.Sum(x => x.Budget));
            Assert.Equal(f.Executed, p.Parts.Sum(x => x.Executed));
        }

        Assert.Equal(s.DeptExecuted, s.Department.Fund.Executed);
        Assert.Equal(s.DeptExecuted, s.GeneralBudget + s.GovernmentFund + s.SpecialAccount + s.OtherIncome);
        Assert.True(s.ProjectGeneralBudget > 0m, $"seed {s.Seed}: project expenditure must cover the non-general income");
        Assert.InRange(s.ActualStaff, 1, s.AuthorizedStaff);
    }

    private sealed record Baseline(int Seed, ReportSpec Spec, List<Finding> Findings, string Outline);
}
