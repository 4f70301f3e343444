using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>The list's filters beyond year/unit/state: rule category, reviewed, and the sort orders.</summary>
public sealed class ListFilterTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const int Year = 2041;

    [Fact]
    public async Task Category_reviewed_and_sort_select_and_order_the_right_submissions()
    {
        await SeedAsync();
        var client = await factory.ClientAsync();

        var crossref = await ListAsync(client, "category=crossref");
        var reviewed = await ListAsync(client, "reviewed=true");
        var open = await ListAsync(client, "reviewed=false");
        var byErrors = await ListAsync(client, "sort=errors");
        var byScore = await ListAsync(client, "sort=score");
        var byUnit = await ListAsync(client, "sort=unit");

        Assert.Equal(["单位乙"], crossref);
        Assert.Equal(["单位丙"], reviewed);
        Assert.Equal(["单位乙", "单位甲"], open.Order(StringComparer.Ordinal));
        Assert.Equal(["单位乙", "单位甲", "单位丙"], byErrors);
        Assert.Equal(["单位甲", "单位丙", "单位乙"], byScore);
        Assert.Equal(["单位丙", "单位乙", "单位甲"], byUnit);
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string filter)
    {
        var page = await client.GetJsonAsync($"/api/submissions?year={Year}&{filter}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unit").GetString()!).ToList();
    }

    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        var now = DateTime.UtcNow;
        Submission Make(string unit, int errors, decimal? score, bool reviewed, int minutes) => new()
        {
            Id = Guid.CreateVersion7(),
            UnitName = unit,
            Year = Year,
            FileName = "r.txt",
            ContentType = "text/plain",
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(unit))),
            Version = 1,
            State = SubmissionState.Done,
            CreatedAt = now.AddMinutes(minutes),
            ErrorCount = errors,
            FindingCount = errors,
            Score = score,
            ReviewedAt = reviewed ? now : null,
            ReviewedBy = reviewed ? "审核员" : null,
        };
        var a = Make("单位甲", 2, 80m, reviewed: false, minutes: 1);
        var b = Make("单位乙", 5, null, reviewed: false, minutes: 2);
        var c = Make("单位丙", 0, 95m, reviewed: true, minutes: 3);
        db.Submissions.AddRange(a, b, c);
        db.Findings.Add(new Finding
        {
            SubmissionId = b.Id, Ordinal = 0, Rule = "crossref.report-vs-table", Category = "crossref", Severity = "error",
            Message = "报告与表格不一致", Form = "department-report", RelatedJson = "[]", Fingerprint = "0123456789abcdef",
        });
        db.Findings.Add(new Finding
        {
            SubmissionId = a.Id, Ordinal = 0, Rule = "totals.sum", Category = "totals", Severity = "error",
            Message = "合计不符", Form = "basic-data", RelatedJson = "[]", Fingerprint = "fedcba9876543210",
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
