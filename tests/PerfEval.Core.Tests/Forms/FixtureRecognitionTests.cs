using System.Globalization;
using System.Text.Json;
using PerfEval.Core.Forms;
using PerfEval.Core.Tests.Support;
using PerfEval.Core.Text;

namespace PerfEval.Core.Tests.Forms;

/// <summary>
/// The synthetic fixtures (other departments, years, weight schemes, several project tables, a split table,
/// automatic numbering) read into the figures their generator recorded in *.expected.json.
/// </summary>
public sealed class FixtureRecognitionTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Samples.PathOf("fixtures"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var file in json.RootElement.GetProperty("files").EnumerateObject())
            {
                if (file.Value.ValueKind == JsonValueKind.String)
                {
                    data.Add(file.Value.GetString()!);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Recognises_every_form_with_its_figures(string file)
    {
        using var expected = Expected(file);
        var root = expected.RootElement;
        var submission = Samples.Extract("fixtures/" + file).Submission;

        Assert.Equal(root.GetProperty("year").GetInt32(), submission.Year);
        Assert.Equal(root.GetProperty("unit").GetString(), submission.UnitName);
        var kinds = root.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(kinds, submission.Forms.Select(f => JsonNameOf(f.Kind)));

        var forms = root.GetProperty("forms").EnumerateArray().ToList();
        for (var i = 0; i < forms.Count; i++)
        {
            switch (submission.Forms[i])
            {
                case SelfEvalForm self:
                    AssertSelfEval(forms[i], self);
                    break;
                case BasicDataForm basic:
                    AssertBasic(forms[i], basic);
                    break;
                case ReportForm report:
                    AssertReport(forms[i], report);
                    break;
            }
        }
    }

    [Fact]
    public void Word_automatic_numbering_gives_the_same_section_tree_as_typed_numbers()
    {
        var typed = Samples.Extract("fixtures/2024-county-education-bureau.docx").Submission.OfType<ReportForm>().ToList();
        var auto = Samples.Extract("fixtures/2024-county-education-bureau-autonumber.docx").Submission.OfType<ReportForm>().ToList();

        Assert.Equal(typed.Count, auto.Count);
        for (var i = 0; i < typed.Count; i++)
        {
            Assert.Equal(Outline(typed[i].Sections), Outline(auto[i].Sections));
            Assert.Contains(Flatten(auto[i].Sections, 1), s => s.Section.AutoNumbered);
            Assert.DoesNotContain(Flatten(typed[i].Sections, 1), s => s.Section.AutoNumbered);
        }
    }

    [Fact]
    public void A_table_split_over_a_page_break_reads_as_one_form()
    {
        var forms = Samples.Extract("fixtures/2023-township-civil-affairs-continued.docx").Submission.OfType<SelfEvalForm>()
            .Where(f => f.Kind == FormKind.ProjectSelfEval).ToList();

        var project = Assert.Single(forms);
        Assert.NotNull(project.Total);
        Assert.Equal(100m, project.Total.Weight.Value.Number);
        Assert.All(project.Indicators, i => Assert.False(string.IsNullOrEmpty(i.Level1)));
    }

    private static void AssertSelfEval(JsonElement e, SelfEvalForm f)
    {
        var name = e.TryGetProperty("projectName", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : e.GetProperty("unitName").GetString();
        Assert.Equal(name, f.Name);
        if (e.TryGetProperty("supervisor", out var sup))
        {
            Assert.Equal(sup.GetString(), f.Department);
            Assert.Equal(e.GetProperty("implementer").GetString(), f.ImplementingUnit);
        }

        var funds = e.GetProperty("funds").EnumerateArray().ToList();
        Assert.Equal(funds.Count, f.Funds.Count);
        for (var i = 0; i < funds.Count; i++)
        {
            var x = funds[i];
            var a = f.Funds[i];
            Assert.Equal(Key(x.GetProperty("label").GetString()!).Replace("其中:", string.Empty, StringComparison.Ordinal), Key(a.Label));
            Assert.Equal(Num(x, "initialBudget"), a.InitialBudget.Value.Number);
            Assert.Equal(Num(x, "fullYearBudget"), a.AdjustedBudget.Value.Number);
            Assert.Equal(Num(x, "executed"), a.Executed.Value.Number);
            Assert.Equal(Num(x, "weight"), a.Weight.Value.Number);
            Assert.Equal(Num(x, "executionRate"), a.ExecutionRate.Value.Number);
            Assert.Equal(Num(x, "score"), a.Score.Value.Number);
        }

        var weights = e.GetProperty("levelWeights").EnumerateArray().Select(w => (w.GetProperty("level").GetString(), w.GetProperty("weight").GetDecimal())).ToList();
        Assert.Equal(weights, f.LevelWeights.Select(w => ((string?)w.Level1, w.Weight)));

        var indicators = e.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(indicators.Count, f.Indicators.Count);
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var a = f.Indicators[i];
            Assert.Equal(x.GetProperty("level1").GetString(), a.Level1);
            Assert.Equal(x.GetProperty("level2").GetString(), a.Level2);
            Assert.Equal(Key(x.GetProperty("level3").GetString()!), Key(a.Name));
            Assert.Equal(Key(Str(x, "target")), Key(a.Target.Value.Raw));
            Assert.Equal(Key(Str(x, "actual")), Key(a.Actual.Value.Raw));
            Assert.Equal(Num(x, "weight"), a.Weight.Value.Number);
            Assert.Equal(Num(x, "score"), a.Score.Value.Number);
            Assert.Equal(Key(Str(x, "deviation")), Key(a.Deviation));
        }

        var total = e.GetProperty("total");
        Assert.NotNull(f.Total);
        Assert.Equal(Num(total, "weight"), f.Total.Weight.Value.Number);
        Assert.Equal(Num(total, "score"), f.Total.Score.Value.Number);
    }

    private static void AssertBasic(JsonElement e, BasicDataForm f)
    {
        var staff = e.GetProperty("staff");
        Assert.NotNull(f.Staffing);
        Assert.Equal(Num(staff, "authorized"), f.Staffing.Authorized.Value.Number);
        Assert.Equal(Num(staff, "actual"), f.Staffing.Actual.Value.Number);
        Assert.Equal(Num(staff, "controlRate"), f.Staffing.ControlRate.Value.Number);

        var rows = e.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, f.FundRows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(Key(rows[i].GetProperty("label").GetString()!).TrimEnd(':'), Key(f.FundRows[i].Label));
            Assert.Equal(Num(rows[i], "prevYearFinal"), f.FundRows[i].Values[0].Value.Number);
            Assert.Equal(Num(rows[i], "budget"), f.FundRows[i].Values[1].Value.Number);
            Assert.Equal(Num(rows[i], "final"), f.FundRows[i].Values[2].Value.Number);
        }
    }

    private static void AssertReport(JsonElement e, ReportForm r)
    {
        var headings = e.GetProperty("headings").EnumerateArray()
            .Select(h => (h.GetProperty("depth").GetInt32(), h.GetProperty("label").GetString(), Key(h.GetProperty("title").GetString()!)))
            .ToList();
        var actual = Flatten(r.Sections, 1).Select(x => (x.Depth, (string?)x.Section.Label, Key(x.Section.Heading))).ToList();
        Assert.Equal(headings, actual);
    }

    private static List<string> Outline(IReadOnlyList<Section> sections) =>
        Flatten(sections, 1).Select(x => $"{x.Depth}|{x.Section.Label}|{x.Section.Number}|{x.Section.Heading}|{x.Section.Text}").ToList();

    private static IEnumerable<(int Depth, Section Section)> Flatten(IReadOnlyList<Section> sections, int depth)
    {
        foreach (var s in sections)
        {
            yield return (depth, s);
            foreach (var child in Flatten(s.Children, depth + 1))
            {
                yield return child;
            }
        }
    }

    private static JsonDocument Expected(string file)
    {
        foreach (var path in Directory.EnumerateFiles(Samples.PathOf("fixtures"), "*.expected.json"))
        {
            var json = JsonDocument.Parse(File.ReadAllText(path));
            if (json.RootElement.GetProperty("files").EnumerateObject().Any(f => f.Value.GetString() == file))
            {
                return json;
            }

            json.Dispose();
        }

        throw new InvalidOperationException($"no expected.json names {file}");
    }

    private static string JsonNameOf(FormKind kind) => JsonSerializer.Serialize(kind).Trim('"');

    private static decimal? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? decimal.Parse(v.GetRawText(), CultureInfo.InvariantCulture) : null;

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    private static string Key(string text) => TextNormalizer.Key(text);
}
