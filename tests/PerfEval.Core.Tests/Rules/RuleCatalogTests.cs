using System.Text.RegularExpressions;
using PerfEval.Core.Rules;

namespace PerfEval.Core.Tests.Rules;

/// <summary>The catalog, its documentation and its tests stay in step: every rule is listed in RULES.md and tested.</summary>
public sealed partial class RuleCatalogTests
{
    private static IEnumerable<RuleDescriptor> Descriptors => RuleCatalog.All.Select(r => r.Descriptor);

    [Fact]
    public void Ids_are_unique_dotted_and_lowercase()
    {
        var ids = Descriptors.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
    }

    [Fact]
    public void Every_id_starts_with_its_category()
    {
        Assert.All(Descriptors, d => Assert.Equal(Check.Category(d.Category), d.Id.Split('.')[0]));
    }

    [Fact]
    public void Every_rule_has_a_chinese_title()
    {
        Assert.All(Descriptors, d => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", d.Title));
    }

    [Fact]
    public void Every_rule_is_documented_in_RULES_md_as_registered()
    {
        var rows = RulesTable();

        foreach (var d in Descriptors)
        {
            Assert.True(rows.TryGetValue(d.Id, out var row), $"{d.Id} has no row in RULES.md");
            Assert.Equal(Check.Category(d.Category), row.Category);
            Assert.Equal(Check.Name(d.Severity), row.Severity);
        }
    }

    [Fact]
    public void Every_row_of_RULES_md_names_a_registered_rule()
    {
        var ids = Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(RulesTable().Keys, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Every_rule_has_a_test_class_named_after_it()
    {
        var testClasses = typeof(RuleCatalogTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("PerfEval.Core.Tests.Rules", StringComparison.Ordinal) == true)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(RuleCatalog.All, rule => Assert.Contains(rule.GetType().Name + "Tests", testClasses));
    }

    /// <summary>The rows of the table in RULES.md: id → (category, severity), ids written as `code`.</summary>
    private static Dictionary<string, (string Category, string Severity)> RulesTable()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "PerfEval.Core", "Rules", "RULES.md");
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var m = TableRow().Match(line);
            if (m.Success)
            {
                Assert.True(rows.TryAdd(m.Groups["id"].Value, (m.Groups["category"].Value, m.Groups["severity"].Value)), $"{m.Groups["id"].Value} is listed twice in RULES.md");
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PerfEval.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\|\s*`(?<id>[^`]+)`\s*\|\s*(?<category>[a-z]+)\s*\|\s*(?<severity>[a-z]+)\s*\|")]
    private static partial Regex TableRow();
}
