using System.Net;
using System.Text;
using AngleSharp.Dom;
using PerfEval.Web.Auth;

namespace PerfEval.Web.Tests;

/// <summary>The status page of a submission no worker has taken yet (the <c>api</c> role processes nothing): the
/// script's hooks, the fallback without script, and the API answer the script polls with the sign-in cookie.</summary>
public sealed class PagesQueuedStatusTests(ApiRoleServiceFactory factory) : IClassFixture<ApiRoleServiceFactory>
{
    [Fact]
    public async Task A_queued_submission_is_polled_by_script_and_refreshed_without_it()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, "queued-clerk", Roles.Unit, "排队单位");
        var upload = await clerk.GetAsync("/upload");
        using var posted = await clerk.SubmitFileAsync(upload, upload.Form("input[type=file]"), new() { ["year"] = "2024" },
            Encoding.UTF8.GetBytes("2024年度部门整体支出绩效自评报告\n一、基本情况\n"), "queued.txt");
        var path = posted.Headers.Location!.OriginalString;

        var status = await clerk.GetAsync(path);
        var polled = await clerk.Http.GetJsonAsync(status.Document.QuerySelector("[data-status]")!.GetAttribute("data-poll-url")!);

        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Equal("排队中", status.Document.QuerySelector("[data-testid=state]")?.TextContent);
        Assert.Equal("queued", status.Document.QuerySelector("[data-status]")?.GetAttribute("data-state"));
        Assert.Equal("is-current", status.Document.QuerySelector("[data-step=queued]")?.GetAttribute("class"));
        Assert.Equal("已完成", status.Document.QuerySelector("[data-status]")?.GetAttribute("data-label-done"));
        Assert.Contains("http-equiv=\"refresh\" content=\"3\"", status.Document.Head?.QuerySelector("noscript")?.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(path, status.Document.QuerySelector("[data-when=pending] a")?.GetAttribute("href"));
        Assert.False(status.Document.QuerySelector("[data-when=pending]")!.HasAttribute("hidden"));
        Assert.True(status.Document.QuerySelector("[data-when=done]")!.HasAttribute("hidden"));
        Assert.Equal("queued", polled.GetProperty("state").GetString());
        Assert.Equal(path.Split('/')[2], polled.GetProperty("id").GetString());
    }
}

/// <summary>The upload page with a small limit (<see cref="SmallLimitServiceFactory.MaxBytes"/>).</summary>
public sealed class PagesUploadLimitTests(SmallLimitServiceFactory factory) : IClassFixture<SmallLimitServiceFactory>
{
    [Fact]
    public async Task A_body_larger_than_the_limit_is_not_read_and_the_page_says_so()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, "big-clerk", Roles.Unit, "大文件单位");
        var upload = await clerk.GetAsync("/upload");
        var big = new byte[SmallLimitServiceFactory.MaxBytes * 2];
        Random.Shared.NextBytes(big);

        using var posted = await clerk.SubmitFileAsync(upload, upload.Form("input[type=file]"), new() { ["year"] = "2023" }, big, "big.docx");
        var shown = await clerk.GetAsync(posted.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/upload?error=too-large", posted.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, shown.Status);
        Assert.Contains("文件过大：不能超过 0.3 MB", shown.Document.QuerySelector("[data-testid=upload-errors]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(SmallLimitServiceFactory.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            upload.Document.QuerySelector("input[type=file]")?.GetAttribute("data-max-bytes"));
        Assert.Equal(0, (await clerk.Http.GetJsonAsync("/api/submissions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_just_over_the_limit_is_refused_by_the_handler_with_its_reason()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, "edge-clerk", Roles.Unit, "边界单位");
        var upload = await clerk.GetAsync("/upload");
        var over = new byte[SmallLimitServiceFactory.MaxBytes + 1024];
        Random.Shared.NextBytes(over);

        using var posted = await clerk.SubmitFileAsync(upload, upload.Form("input[type=file]"), new() { ["year"] = "2023" }, over, "edge.docx");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Contains("文件过大", (await PagesClient.ParseAsync(posted)).QuerySelector("[data-testid=upload-errors]")?.TextContent, StringComparison.Ordinal);
    }
}
