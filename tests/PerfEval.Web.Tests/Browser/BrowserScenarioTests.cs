using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PerfEval.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace PerfEval.Web.Tests.Browser;

/// <summary>
/// The pages in a real headless Chromium against the service on a Kestrel port. One scenario, one step per person,
/// each in a browser context of its own; a screenshot of every page visited is kept in
/// <c>TestResults/screenshots</c>. After the unit's upload, an auditor opens the submission, sees the highlighted
/// cells, follows a finding to its place and dismisses it with a comment; the finance bureau opens the statistics and
/// downloads the XLSX.
/// </summary>
public sealed class BrowserScenarioTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Unit = "汨罗市残疾人联合会";

    [Fact]
    public async Task A_unit_uploads_its_report_an_auditor_triages_it_and_the_finance_bureau_downloads_the_statistics()
    {
        var submission = await UnitUploadsTheSampleAndWatchesItFinishAsync();

        Assert.NotEqual(Guid.Empty, submission);
        await AuditorDismissesAFindingAsync(submission);
        await FinanceDownloadsTheStatisticsAsync();
    }

    /// <summary>First sign-in with a one-time password, the forced password change, the upload, and the status page
    /// going from 排队中 to 已完成 while the test processes the file — without the page being reloaded.</summary>
    private async Task<Guid> UnitUploadsTheSampleAndWatchesItFinishAsync()
    {
        var oneTime = await PagesClient.CreateAccountAsync(fixture.Factory, "miluo-clerk", Roles.Unit, Unit, mustChange: true, displayName: "王会计");
        await using var clerk = await fixture.SessionAsync("unit");
        var page = clerk.Page;

        await clerk.SignInAsync("miluo-clerk", oneTime);
        await page.WaitForURLAsync("**/account/password**");
        await Expect(page.Locator("[data-testid=must-change]")).ToBeVisibleAsync();
        await clerk.ShotAsync("password-required");
        await page.Locator("#currentPassword").FillAsync(oneTime);
        await page.Locator("#newPassword").FillAsync("miluo-clerk-2024");
        await page.Locator("#confirmPassword").FillAsync("miluo-clerk-2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();

        await Expect(page.Locator("[data-testid=home-unit]")).ToBeVisibleAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("密码已修改");
        await Expect(page.Locator("[data-testid=role-name]")).ToHaveTextAsync("报送单位");
        await clerk.ShotAsync("home");

        await page.GetByRole(AriaRole.Link, new() { Name = "上传自评材料" }).ClickAsync();
        await page.WaitForURLAsync("**/upload");
        await page.Locator("#file").SetInputFilesAsync(Api.Sample("2023-miluo-disabled-federation.docx"));
        await page.Locator("#year").FillAsync("2023");
        await page.Locator("#note").FillAsync("2023 年度部门整体支出绩效自评材料");
        await clerk.ShotAsync("upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();

        await page.WaitForURLAsync("**/submissions/*/status");
        var id = Guid.Parse(new Uri(page.Url).Segments[2].TrimEnd('/'));
        var state = page.Locator("[data-testid=state]");
        await Expect(state).ToHaveTextAsync("排队中");
        await clerk.ShotAsync("status-queued");

        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        await fixture.ProcessAsync(id);

        await Expect(state).ToHaveTextAsync("已完成", new() { Timeout = BrowserFixture.Timeout });
        await Expect(page.Locator("[data-when=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-when=pending]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-step=finished]")).ToHaveClassAsync("is-done");
        Assert.Equal(0, navigations);
        Assert.NotEqual("0", await page.Locator("[data-field=errorCount]").TextContentAsync());
        await clerk.ShotAsync("status-done");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看检查结果" }).ClickAsync();
        await page.WaitForURLAsync($"**/submissions/{id}");
        await Expect(page.Locator("li.finding").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=document] .flagged").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("form.decision-form").CountAsync());
        await clerk.ShotAsync("submission");

        await clerk.OpenAsync("/submissions");
        await Expect(page.Locator($"tr[data-submission='{id}']")).ToContainTextAsync("已完成");
        await clerk.ShotAsync("submissions");

        Assert.Empty(clerk.ConsoleErrors);
        return id;
    }
    /// <summary>The auditor opens the submission: the flagged cells are drawn, a finding's link scrolls to its place
    /// and highlights it (a cross-reference both places), and a dismissal with a comment shows in the history.</summary>
    private async Task AuditorDismissesAFindingAsync(Guid id)
    {
        var password = await PagesClient.CreateAccountAsync(fixture.Factory, "shen-auditor", Roles.Auditor, displayName: "沈审核");
        await using var auditor = await fixture.SessionAsync("auditor");
        var page = auditor.Page;
        await auditor.SignInAsync("shen-auditor", password);
        await Expect(page.Locator("[data-testid=role-name]")).ToHaveTextAsync("审核人员");

        await auditor.OpenAsync($"/submissions/{id}");
        var flagged = page.Locator("[data-testid=document] .flagged");
        await Expect(flagged.First).ToBeVisibleAsync();
        Assert.True(await flagged.CountAsync() > 0);
        await auditor.ShotAsync("submission");

        var link = page.Locator("a.finding-link").First;
        var placeId = await link.GetAttributeAsync("data-place");
        Assert.False(string.IsNullOrEmpty(placeId));
        await link.ClickAsync();
        await Expect(page.Locator($"[id='{placeId}']")).ToHaveClassAsync(new Regex(@"\bis-highlighted\b"));
        await Expect(page.Locator($"[id='{placeId}']")).ToBeInViewportAsync();

        var crossReference = page.Locator("a.finding-link[data-related]:not([data-related=''])").First;
        Assert.True(await crossReference.CountAsync() > 0, "the seed report has a cross-reference finding");
        var ownPlace = await crossReference.GetAttributeAsync("data-place");
        var relatedPlace = (await crossReference.GetAttributeAsync("data-related"))!.Split(' ')[0];
        await crossReference.ClickAsync();
        await Expect(page.Locator($"[id='{ownPlace}']")).ToHaveClassAsync(new Regex(@"\bis-highlighted\b"));
        await Expect(page.Locator($"[id='{relatedPlace}']")).ToHaveClassAsync(new Regex(@"\bis-highlighted\b"));
        if (placeId != ownPlace && placeId != relatedPlace)
        {
            // The earlier finding's highlight is gone: only the current finding's places are highlighted.
            await Expect(page.Locator($"[id='{placeId}']")).Not.ToHaveClassAsync(new Regex(@"\bis-highlighted\b"));
        }

        await auditor.ShotAsync("finding-highlighted", fullPage: false);

        var finding = page.Locator("li.finding").First;
        var findingId = await finding.GetAttributeAsync("data-finding");
        await finding.Locator("textarea[name=comment]").FillAsync("该处数字经与原始凭证核对无误");
        await finding.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        await page.WaitForURLAsync($"**/submissions/{id}#finding-{findingId}");
        await Expect(page.Locator(".flash")).ToContainTextAsync("已驳回");
        await Expect(page.Locator($"#finding-{findingId} .decision")).ToHaveTextAsync("已驳回");
        await auditor.ShotAsync("finding-dismissed", fullPage: false);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^审核记录") }).ClickAsync();
        var entry = page.Locator("[data-testid=history] tbody tr").First;
        await Expect(entry).ToBeVisibleAsync();
        await Expect(entry).ToContainTextAsync("shen-auditor");
        await Expect(entry).ToContainTextAsync("驳回");
        await Expect(entry).ToContainTextAsync("该处数字经与原始凭证核对无误");
        await Expect(page.Locator("[data-testid=document]")).ToBeHiddenAsync();
        await auditor.ShotAsync("history");

        Assert.Empty(auditor.ConsoleErrors);
    }

    /// <summary>The finance bureau opens the statistics (an inline SVG chart) and downloads the statistics workbook.</summary>
    private async Task FinanceDownloadsTheStatisticsAsync()
    {
        var password = await PagesClient.CreateAccountAsync(fixture.Factory, "li-finance", Roles.Finance, displayName: "李财政");
        await using var finance = await fixture.SessionAsync("finance");
        var page = finance.Page;
        await finance.SignInAsync("li-finance", password);
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
        await page.WaitForURLAsync("**/statistics");

        await Expect(page.Locator("h1")).ToHaveTextAsync("2023 年度统计分析");
        await Expect(page.Locator("[data-testid=charts] svg").First).ToBeVisibleAsync();
        Assert.Equal(4, await page.Locator("[data-testid=charts] svg").CountAsync());
        await Expect(page.Locator($"[data-testid=units] tr[data-unit='{Unit}']")).ToBeVisibleAsync();
        await finance.ShotAsync("statistics");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-statistics-xlsx]").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 100);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        Assert.Empty(finance.ConsoleErrors);
    }
}
