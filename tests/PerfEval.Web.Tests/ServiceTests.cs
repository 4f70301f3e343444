using System.Net;
using PerfEval.Web.Features.Submissions;

namespace PerfEval.Web.Tests;

/// <summary>Health, the OpenAPI document and list validation on a default service.</summary>
public sealed class ServiceTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = factory.AnonymousClient();

        var live = await client.GetJsonAsync("/health/live");
        var ready = await client.GetJsonAsync("/health/ready");

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(["database", "job-storage"], ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_submission_endpoints()
    {
        var document = await (await factory.ClientAsync()).GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/submissions", out var submissions));
        Assert.True(submissions.TryGetProperty("post", out _));
        Assert.True(submissions.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/submissions/{id}/findings", out _));
        Assert.True(paths.TryGetProperty("/api/submissions/{id}/forms", out _));
        Assert.True(paths.TryGetProperty("/api/submissions/{id}/file", out _));
    }

    [Fact]
    public async Task The_api_reference_page_is_served_with_its_scripts_from_the_service()
    {
        var client = await factory.ClientAsync();

        using var page = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var script = await client.GetAsync(new Uri("/api/docs/scalar.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Theory]
    [InlineData("state=finished")]
    [InlineData("page=0")]
    [InlineData("pageSize=1000")]
    public async Task A_bad_list_query_is_a_400_problem(string query)
    {
        using var response = await (await factory.ClientAsync()).GetAsync(new Uri($"/api/submissions?{query}", UriKind.Relative), TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), 400, "invalid-field");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await (await factory.ClientAsync()).GetAsync(new Uri("/api/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), 404, "not-found");
    }

    [Theory]
    [InlineData("report.docx", "report.docx")]
    [InlineData("a/b/c.docx", "c.docx")]
    [InlineData(@"a\b\c.docx", "c.docx")]
    [InlineData("  报告.docx  ", "报告.docx")]
    [InlineData("bad\u0001name?.txt", "badname.txt")]
    [InlineData("", "upload")]
    [InlineData(null, "upload")]
    public void File_names_keep_only_their_last_part(string? sent, string kept) =>
        Assert.Equal(kept, UploadSubmission.SanitizeFileName(sent));

    [Fact]
    public void Long_file_names_are_cut_keeping_the_extension()
    {
        var name = UploadSubmission.SanitizeFileName(new string('长', 400) + ".docx");

        Assert.Equal(255, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
    }
}
