using System.Net;
using System.Text;

namespace PerfEval.Web.Tests;

/// <summary>A service whose upload limit is small, so an oversize body is cheap to send.</summary>
public sealed class SmallLimitServiceFactory : ServiceFactory
{
    public const long MaxBytes = 256 * 1024;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["PerfEval:Upload:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Bad uploads get a 4xx ProblemDetails with a Chinese title, detail and a code; the service keeps serving.</summary>
public sealed class UploadRefusalTests(SmallLimitServiceFactory factory) : IClassFixture<SmallLimitServiceFactory>
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("2023年度部门整体支出绩效自评报告\n一、部门基本情况\n本单位主要职责是……\n");

    [Fact]
    public async Task An_empty_file_is_refused_with_400()
    {
        var (response, body) = await (await factory.ClientAsync()).UploadAsync([], "report.docx");
        Api.AssertProblem(response, body, 400, "empty-file");
    }

    [Fact]
    public async Task A_pdf_is_refused_with_415()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
        var (response, body) = await (await factory.ClientAsync()).UploadAsync(pdf, "report.docx");
        Api.AssertProblem(response, body, 415, "unsupported-format");
    }

    [Fact]
    public async Task A_spreadsheet_is_refused_with_415()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml");
            archive.CreateEntry("xl/workbook.xml");
        }

        var (response, body) = await (await factory.ClientAsync()).UploadAsync(zip.ToArray(), "report.xlsx");
        Api.AssertProblem(response, body, 415, "unsupported-format");
    }

    [Fact]
    public async Task An_oversize_body_is_refused_with_413()
    {
        var big = new byte[SmallLimitServiceFactory.MaxBytes + (128 * 1024)];
        Random.Shared.NextBytes(big);
        var (response, body) = await (await factory.ClientAsync()).UploadAsync(big, "big.docx");
        Api.AssertProblem(response, body, 413, "too-large");
    }

    [Fact]
    public async Task A_file_just_over_the_limit_is_refused_with_413()
    {
        var over = Enumerable.Repeat((byte)'a', (int)SmallLimitServiceFactory.MaxBytes + 1).ToArray();
        var (response, body) = await (await factory.ClientAsync()).UploadAsync(over, "big.txt");
        Api.AssertProblem(response, body, 413, "too-large");
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused_with_415()
    {
        using var content = Api.Json(new { year = 2023 });
        using var response = await (await factory.ClientAsync()).PostAsync(new Uri("/api/submissions", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), 415, "unsupported-content-type");
    }

    [Fact]
    public async Task A_form_without_a_file_is_refused_with_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("2023"), "year" } };
        using var response = await (await factory.ClientAsync()).PostAsync(new Uri("/api/submissions", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), 400, "missing-file");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1999)]
    [InlineData(20230)]
    public async Task A_missing_or_impossible_year_is_refused_with_400(int? year)
    {
        var (response, body) = await (await factory.ClientAsync()).UploadAsync(Text, "report.txt", year: year);
        Api.AssertProblem(response, body, 400, "invalid-year");
    }

    [Theory]
    [InlineData("../../etc/报告.txt", "报告.txt")]
    [InlineData(@"C:\Users\clerk\Desktop\自评报告.txt", "自评报告.txt")]
    [InlineData("..", "upload")]
    public async Task Only_the_file_name_part_of_a_path_is_kept(string sent, string kept)
    {
        var client = await factory.ClientAsync();
        var bytes = Encoding.UTF8.GetBytes($"2023年度部门整体支出绩效自评报告\n{sent}\n");

        var (response, receipt) = await client.UploadAsync(bytes, sent, unit: "path-unit");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submission = await client.GetJsonAsync($"/api/submissions/{receipt.GetProperty("id").GetString()}");
        Assert.Equal(kept, submission.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task An_unknown_submission_is_a_404_problem()
    {
        var client = await factory.ClientAsync();
        foreach (var suffix in new[] { string.Empty, "/findings", "/forms", "/file" })
        {
            using var response = await client.GetAsync(new Uri($"/api/submissions/{Guid.NewGuid()}{suffix}", UriKind.Relative), TestContext.Current.CancellationToken);
            Api.AssertProblem(response, await response.ReadJsonAsync(), 404, "not-found");
        }
    }

    [Fact]
    public async Task After_every_refusal_the_service_still_accepts_a_good_upload()
    {
        var client = await factory.ClientAsync();
        await client.UploadAsync([], "empty.docx");
        await client.UploadAsync(new byte[SmallLimitServiceFactory.MaxBytes + 1], "big.docx");
        await client.UploadAsync(Encoding.ASCII.GetBytes("%PDF-1.4\n"), "a.pdf");

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var (response, receipt) = await client.UploadAsync(Text, "report.txt", unit: "after-refusals");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submission = await client.WaitUntilFinishedAsync(receipt.GetProperty("id").GetString()!);
        Assert.Equal("done", submission.GetProperty("state").GetString());
    }
}
