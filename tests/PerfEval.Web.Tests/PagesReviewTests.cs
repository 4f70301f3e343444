using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Core.Evaluation;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>
/// The submission page (the document with its flagged places, the findings beside it, the typed values, triage and
/// history) and the statistics page, through a cookie sign-in as a browser uses them.
/// </summary>
public sealed class PagesReviewTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Seed = "2023-miluo-disabled-federation.docx";

    private static int counter;

    private static string Name(string prefix) => $"{prefix}-{Interlocked.Increment(ref counter)}";

    /// <summary>Uploads the seed report for a unit (as admin, through the API) and waits until it is checked.</summary>
    private async Task<string> UploadSeedAsync(string unit, int year = 2023)
    {
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var (response, body) = await client.UploadAsync(bytes, Seed, year, unit);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("done", (await client.WaitUntilFinishedAsync(id)).GetProperty("state").GetString());
        return id;
    }

    private static IHtmlFormElement DecisionForm(HtmlPage page, long findingId) =>
        page.Document.Forms.Single(f => f.QuerySelector($"input[name=findingId][value='{findingId}']") is not null);

    private static long FirstFindingId(HtmlPage page) =>
        long.Parse(page.Document.QuerySelector("li.finding[data-finding]")!.GetAttribute("data-finding")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_submission_page_shows_the_document_with_flagged_cells_and_findings_linked_to_their_places()
    {
        var id = await UploadSeedAsync(Name("详情单位"));
        using var auditor = await PagesClient.SignedInAsync(factory, Name("auditor"), Roles.Auditor);

        var page = await auditor.GetAsync($"/submissions/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var document = page.Document.QuerySelector("[data-testid=document]")!;
        Assert.NotEmpty(document.QuerySelectorAll("table td[id^='t']"));
        Assert.NotEmpty(document.QuerySelectorAll("td.flagged.error, th.flagged.error"));
        var links = page.Document.QuerySelectorAll<IHtmlAnchorElement>("[data-testid=findings] a.finding-link").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var target = link.GetAttribute("href")!;
            Assert.StartsWith("#", target, StringComparison.Ordinal);
            var place = page.Document.GetElementById(target[1..]);
            Assert.NotNull(place);
            Assert.True(place.ClassList.Contains("flagged") || place.LocalName == "mark" || place.LocalName == "table",
                $"{target} is not a flagged place");
            foreach (var related in (link.GetAttribute("data-related") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.NotNull(page.Document.GetElementById(related));
            }
        }

        // Grouped by form, then category; each finding has a triage form for the auditor.
        var api = await (await factory.ClientAsync(Roles.Auditor)).GetJsonAsync($"/api/submissions/{id}/findings");
        var forms = api.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("form").GetString(), f.GetProperty("formName").GetString())).Distinct().Count();
        Assert.Equal(forms, page.Document.QuerySelectorAll("[data-testid=findings] h3").Length);
        Assert.Equal(api.GetProperty("findings").GetArrayLength(), page.Document.QuerySelectorAll("li.finding").Length);
        Assert.Equal(page.Document.QuerySelectorAll("li.finding").Length, page.Document.QuerySelectorAll("form.decision-form").Length);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=reviewed-form] input[name=__RequestVerificationToken]"));

        // The extracted typed values: fund rows and indicators with weights and scores.
        var values = page.Document.QuerySelector("[data-testid=typed-values]")!;
        Assert.NotEmpty(values.QuerySelectorAll("table.funds tbody tr"));
        var indicators = values.QuerySelectorAll("table.indicators tbody tr");
        Assert.NotEmpty(indicators);
        Assert.Contains(indicators, row => row.QuerySelectorAll("td")[5].TextContent.Trim().Length > 0);

        // The original file downloads with the cookie.
        using var file = await auditor.Http.GetAsync(new Uri(page.Document.QuerySelector("[data-testid=download-original]")!.GetAttribute("href")!, UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task Markup_in_a_document_cell_is_shown_as_text_on_the_submission_page()
    {
        const string script = "<script>alert(1)</script>";
        var text = $"绩效自评表\n\n\t项目名称\n\t金额\n\n\t{script}\n\t100\n\n说明完毕\n";
        var client = await factory.ClientAsync();
        var (response, body) = await client.UploadAsync(Encoding.UTF8.GetBytes(text), "脚本.txt", 2023, Name("脚本单位"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("done", (await client.WaitUntilFinishedAsync(id)).GetProperty("state").GetString());
        using var auditor = await PagesClient.SignedInAsync(factory, Name("auditor"), Roles.Auditor);

        var page = await auditor.GetAsync($"/submissions/{id}");
        var html = await page.Response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(script, html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        Assert.Contains(page.Document.QuerySelectorAll("[data-testid=document] td"), cell => cell.TextContent.Contains(script, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_auditor_dismisses_a_finding_with_a_comment_and_the_history_shows_it()
    {
        var id = await UploadSeedAsync(Name("驳回单位"));
        var auditorName = Name("reviewer");
        using var auditor = await PagesClient.SignedInAsync(factory, auditorName, Roles.Auditor);
        var page = await auditor.GetAsync($"/submissions/{id}");
        var findingId = FirstFindingId(page);

        using var response = await auditor.SubmitAsync(page, DecisionForm(page, findingId),
            new() { ["decision"] = "dismissed", ["comment"] = "表中数字经核对无误" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/submissions/{id}#finding-{findingId}", response.Headers.Location?.OriginalString);
        var after = await auditor.GetAsync($"/submissions/{id}");
        var finding = after.Document.GetElementById($"finding-{findingId}")!;
        Assert.Contains("finding-dismissed", finding.ClassList);
        Assert.Contains("已驳回", finding.TextContent, StringComparison.Ordinal);
        var entry = after.Document.QuerySelector("[data-testid=history] tbody tr")!;
        Assert.Equal("dismissed", entry.GetAttribute("data-action"));
        Assert.Contains(auditorName, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("驳回", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("表中数字经核对无误", entry.TextContent, StringComparison.Ordinal);

        // Then the submission is marked reviewed, which the history shows too (newest first).
        using var reviewed = await auditor.SubmitAsync(after, after.Form("input[name=reviewed]"), new());
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var last = await auditor.GetAsync($"/submissions/{id}");
        Assert.Contains(auditorName, last.Document.QuerySelector("[data-testid=reviewed]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("reviewed", last.Document.QuerySelector("[data-testid=history] tbody tr")!.GetAttribute("data-action"));
        Assert.Contains("取消已审核", last.Document.QuerySelector("[data-testid=reviewed-form]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismissing_without_a_comment_shows_the_Chinese_error_and_records_nothing()
    {
        var id = await UploadSeedAsync(Name("说明单位"));
        using var auditor = await PagesClient.SignedInAsync(factory, Name("auditor"), Roles.Auditor);
        var page = await auditor.GetAsync($"/submissions/{id}");
        var findingId = FirstFindingId(page);

        using var response = await auditor.SubmitAsync(page, DecisionForm(page, findingId), new() { ["decision"] = "dismissed", ["comment"] = "  " });
        var answer = await PagesClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = answer.GetElementById($"finding-{findingId}")!.QuerySelector("[data-testid=decision-error]");
        Assert.NotNull(error);
        Assert.Contains("请填写说明", error.TextContent, StringComparison.Ordinal);
        var again = await auditor.GetAsync($"/submissions/{id}");
        Assert.Empty(again.Document.QuerySelectorAll("[data-testid=history] tbody tr"));
    }

    [Fact]
    public async Task A_unit_sees_its_findings_without_triage_and_gets_404_for_another_units_submission()
    {
        var unit = Name("本单位");
        var own = await UploadSeedAsync(unit);
        var other = await UploadSeedAsync(Name("他单位"));
        using var clerk = await PagesClient.SignedInAsync(factory, Name("clerk"), Roles.Unit, unit);

        var page = await clerk.GetAsync($"/submissions/{own}");
        var foreign = await clerk.GetAsync($"/submissions/{other}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll("li.finding"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("[data-testid=document] .flagged"));
        var link = page.Document.QuerySelector<IHtmlAnchorElement>("a.finding-link")!;
        Assert.NotNull(page.Document.GetElementById(link.GetAttribute("href")![1..]));
        Assert.Empty(page.Document.QuerySelectorAll("form.decision-form, [data-testid=reviewed-form], [data-testid=history]"));
        Assert.Empty(page.Document.QuerySelectorAll("textarea"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Empty(foreign.Document.QuerySelectorAll("[data-testid=document]"));

    }

    [Fact]
    public async Task A_unit_cannot_decide_a_finding_through_the_page_handler()
    {
        var unit = Name("越权单位");
        var id = await UploadSeedAsync(unit);
        using var clerk = await PagesClient.SignedInAsync(factory, Name("clerk"), Roles.Unit, unit);
        var page = await clerk.GetAsync($"/submissions/{id}");
        var token = page.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        using var response = await clerk.Http.PostAsync(new Uri($"/submissions/{id}?handler=Decide", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["findingId"] = FirstFindingId(page).ToString(CultureInfo.InvariantCulture),
                ["decision"] = "confirmed",
            }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var review = await (await factory.ClientAsync(Roles.Auditor)).GetJsonAsync($"/api/submissions/{id}/review");
        Assert.Empty(review.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task The_statistics_page_shows_the_years_figures_and_inline_svg_charts()
    {
        const int year = 2019;
        var unit = Name("统计单位");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
            db.Organisations.Add(new Organisation { Name = unit });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var id = await UploadSeedAsync(unit, year);
        var headline = Headline.Of(Evaluator.Check(await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken), Seed).Extraction.Submission);
        using var finance = await PagesClient.SignedInAsync(factory, Name("finance"), Roles.Finance);

        var page = await finance.GetAsync($"/statistics?year={year}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"{year} 年度统计分析", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.Document.QuerySelector("[data-testid=units-submitted]")!.TextContent);
        Assert.Equal(headline.Budget!.Value.ToString("0.##", CultureInfo.InvariantCulture), page.Document.QuerySelector("[data-testid=total-budget]")!.TextContent);
        Assert.Equal(headline.Executed!.Value.ToString("0.##", CultureInfo.InvariantCulture), page.Document.QuerySelector("[data-testid=total-executed]")!.TextContent);
        var row = page.Document.QuerySelector($"[data-testid=units] tr[data-unit='{unit}']")!;
        Assert.NotNull(row.QuerySelector($"a[href='/submissions/{id}']"));
        Assert.Contains(headline.Score!.Value.ToString("0.##", CultureInfo.InvariantCulture), row.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll("[data-testid=by-rule] tbody tr"));
        Assert.NotNull(page.Document.QuerySelector($"[data-testid=top-units] a[href='/submissions/{id}']"));

        var charts = page.Document.QuerySelectorAll("[data-testid=charts] svg");
        Assert.Equal(4, charts.Length);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=charts] [style]"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        Assert.Contains(page.Document.QuerySelectorAll("select#year option"), o => o.HasAttribute("selected") && o.TextContent == "2019");
    }

    [Theory]
    [InlineData("export-statistics-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("export-findings-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("export-statistics-csv", "text/csv")]
    [InlineData("export-findings-csv", "text/csv")]
    public async Task The_statistics_download_links_answer_with_the_files(string link, string contentType)
    {
        await UploadSeedAsync(Name("导出单位"), 2018);
        using var finance = await PagesClient.SignedInAsync(factory, Name("finance"), Roles.Finance);
        var page = await finance.GetAsync("/statistics?year=2018");
        var href = page.Document.QuerySelector($"[data-testid={link}]")!.GetAttribute("href")!;

        using var response = await finance.Http.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("year=2018", href, StringComparison.Ordinal);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        if (contentType.Contains("sheet", StringComparison.Ordinal))
        {
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
        else
        {
            Assert.Contains("导出单位", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_statistics_page_defaults_to_the_latest_year_with_submissions_and_is_not_for_units()
    {
        await UploadSeedAsync(Name("最新年度单位"), 2031);
        using var auditor = await PagesClient.SignedInAsync(factory, Name("auditor"), Roles.Auditor);
        using var clerk = await PagesClient.SignedInAsync(factory, Name("clerk"), Roles.Unit, "某单位");

        var page = await auditor.GetAsync("/statistics");
        var refused = await clerk.GetAsync("/statistics");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2031 年度统计分析", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("/account/denied", refused.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
