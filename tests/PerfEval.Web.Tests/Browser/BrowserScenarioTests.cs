using Microsoft.Playwright;
using PerfEval.Web.Auth;
using static Microsoft.Playwright.Assertions;

namespace PerfEval.Web.Tests.Browser;

/// <summary>
/// The pages in a real headless Chromium against the service on a Kestrel port. One scenario, one step per person,
/// each in a browser context of its own; a screenshot of every page visited is kept in
/// <c>TestResults/screenshots</c>. Steps to append once the review and statistics pages exist: an auditor opens the
/// submission, sees the highlighted cells and dismisses a finding with a comment; the finance bureau opens the
/// statistics and downloads the XLSX.
/// </summary>
public sealed class BrowserScenarioTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Unit = "汨罗市残疾人联合会";

    [Fact]
    public async Task A_unit_signs_in_for_the_first_time_uploads_its_report_and_watches_the_check_finish()
    {
        var submission = await UnitUploadsTheSampleAndWatchesItFinishAsync();

        Assert.NotEqual(Guid.Empty, submission);
        // Next, after the review and statistics merge:
        // await AuditorDismissesAFindingAsync(submission);
        // await FinanceDownloadsTheStatisticsAsync();
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
        await Expect(page.Locator("table.findings tbody tr").First).ToBeVisibleAsync();
        await clerk.ShotAsync("submission");

        await clerk.OpenAsync("/submissions");
        await Expect(page.Locator($"tr[data-submission='{id}']")).ToContainTextAsync("已完成");
        await clerk.ShotAsync("submissions");

        Assert.Empty(clerk.ConsoleErrors);
        return id;
    }
}
