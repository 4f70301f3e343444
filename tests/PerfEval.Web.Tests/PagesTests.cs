using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PerfEval.Core.Tests.Documents.Sniffing;
using PerfEval.Web.Auth;

namespace PerfEval.Web.Tests;

/// <summary>
/// The reviewer pages through a cookie sign-in on the sign-in page, as a browser uses them: home pages per role,
/// unit scoping, upload with Chinese refusals, escaping, antiforgery, security headers and the one-time password.
/// </summary>
public sealed class PagesTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static int counter;

    private static string Name(string prefix) => $"{prefix}-{Interlocked.Increment(ref counter)}";

    private static Task<byte[]> SampleAsync() =>
        File.ReadAllBytesAsync(Api.Sample("2023-miluo-disabled-federation.docx"), TestContext.Current.CancellationToken);

    /// <summary>Uploads through the upload page and returns the submission id from the redirect.</summary>
    private static async Task<string> UploadThroughPageAsync(PagesClient client, byte[] bytes, string fileName, string? unit = null, string year = "2023")
    {
        var upload = await client.GetAsync("/upload");
        var values = new Dictionary<string, string> { ["year"] = year };
        if (unit is not null)
        {
            values["unit"] = unit;
        }

        using var response = await client.SubmitFileAsync(upload, upload.Form("input[type=file]"), values, bytes, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/submissions/[0-9a-f-]{36}/status$", location);
        return location.Split('/')[2];
    }

    [Theory]
    [InlineData(Roles.Unit, "home-unit")]
    [InlineData(Roles.Auditor, "home-auditor")]
    [InlineData(Roles.Finance, "home-finance")]
    [InlineData(Roles.Admin, "home-admin")]
    public async Task Each_role_gets_its_own_home_page(string role, string section)
    {
        var unit = role == Roles.Unit ? "首页测试单位" : null;
        using var client = await PagesClient.SignedInAsync(factory, Name("home-" + role), role, unit, displayName: "张三");

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotNull(home.Document.QuerySelector($"[data-testid={section}]"));
        Assert.Equal("张三", home.Document.QuerySelector("[data-testid=user-name]")?.TextContent);
        Assert.Equal(Roles.DisplayName(role), home.Document.QuerySelector("[data-testid=role-name]")?.TextContent);
        var links = home.Document.QuerySelectorAll<IHtmlAnchorElement>("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/submissions", links);
        Assert.Equal(role is Roles.Unit or Roles.Admin, links.Contains("/upload"));
        Assert.Equal(role != Roles.Unit, links.Contains("/statistics"));
        Assert.Equal(role == Roles.Admin, links.Contains("/admin/accounts"));
        Assert.NotNull(home.Form("button").QuerySelector("input[name=__RequestVerificationToken]"));
        if (role == Roles.Finance)
        {
            Assert.NotNull(home.Document.QuerySelector("main a[href='/statistics']"));
        }
    }

    [Fact]
    public async Task A_unit_home_lists_its_own_submissions_and_an_auditor_home_the_ones_with_errors()
    {
        var unit = Name("列表单位");
        using var clerk = await PagesClient.SignedInAsync(factory, Name("clerk"), Roles.Unit, unit);
        var id = await UploadThroughPageAsync(clerk, await SampleAsync(), "自评报告.docx");
        var finished = await (await factory.ClientAsync()).WaitUntilFinishedAsync(id);
        Assert.True(finished.GetProperty("errorCount").GetInt32() > 0, "the seed report has errors");
        using var auditor = await PagesClient.SignedInAsync(factory, Name("auditor"), Roles.Auditor);

        var unitHome = await clerk.GetAsync("/");
        var auditorHome = await auditor.GetAsync("/");

        var row = unitHome.Document.QuerySelector($"tr[data-submission='{id}']");
        Assert.NotNull(row);
        Assert.Contains("自评报告.docx", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("已完成", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(unitHome.Document.QuerySelector("main a[href='/upload']"));
        var auditorRow = auditorHome.Document.QuerySelector($"tr[data-submission='{id}']");
        Assert.NotNull(auditorRow);
        Assert.Contains(unit, auditorRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(finished.GetProperty("errorCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            auditorRow.QuerySelector("td.has-errors")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/submissions")]
    [InlineData("/upload")]
    [InlineData("/admin/accounts")]
    [InlineData("/account/password")]
    public async Task Pages_send_an_anonymous_visitor_to_the_sign_in_page(string path)
    {
        using var client = PagesClient.Anonymous(factory);

        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(path), page.Response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_sign_in_and_denied_pages_are_open_and_in_Chinese()
    {
        using var client = PagesClient.Anonymous(factory);

        var login = await client.GetAsync("/account/login");
        var denied = await client.GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("zh-CN", login.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("用户名", login.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("没有权限", denied.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Auditor, "/upload")]
    [InlineData(Roles.Finance, "/upload")]
    [InlineData(Roles.Unit, "/admin/accounts")]
    [InlineData(Roles.Auditor, "/admin/accounts")]
    [InlineData(Roles.Unit, "/statistics")]
    public async Task A_role_without_the_right_is_sent_to_the_denied_page(string role, string path)
    {
        using var client = await PagesClient.SignedInAsync(factory, Name("denied-" + role), role, role == Roles.Unit ? "权限单位" : null);

        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/denied", page.Response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_then_lock_the_account_with_a_Chinese_message()
    {
        var userName = Name("locked");
        await PagesClient.CreateAccountAsync(factory, userName, Roles.Finance);
        using var client = PagesClient.Anonymous(factory);

        using var first = await client.SignInAsync(userName, "wrong-password-1");
        for (var i = 0; i < 4; i++)
        {
            (await client.SignInAsync(userName, "wrong-password-1")).Dispose();
        }

        using var locked = await client.SignInAsync(userName, "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("用户名或密码错误", (await PagesClient.ParseAsync(first)).QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("锁定", (await PagesClient.ParseAsync(locked)).QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_cannot_open_another_units_status_or_submission_page()
    {
        using var unitA = await PagesClient.SignedInAsync(factory, Name("unit-a"), Roles.Unit, "状态甲单位");
        using var unitB = await PagesClient.SignedInAsync(factory, Name("unit-b"), Roles.Unit, "状态乙单位");
        var idOfA = await UploadThroughPageAsync(unitA, Encoding.UTF8.GetBytes("2023年度部门整体支出绩效自评报告\n一、基本情况\n甲\n"), "a.txt");

        var own = await unitA.GetAsync($"/submissions/{idOfA}/status");
        var other = await unitB.GetAsync($"/submissions/{idOfA}/status");
        var otherDetails = await unitB.GetAsync($"/submissions/{idOfA}");
        var otherApi = await unitB.Http.GetAsync(new Uri($"/api/submissions/{idOfA}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("a.txt", own.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Contains("找不到该报送记录", other.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("a.txt", other.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherDetails.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherApi.StatusCode);
    }

    [Fact]
    public async Task The_upload_page_stores_the_report_and_its_status_page_shows_the_result()
    {
        var unit = Name("上传单位");
        using var clerk = await PagesClient.SignedInAsync(factory, Name("uploader"), Roles.Unit, unit);
        var form = await clerk.GetAsync("/upload");

        var id = await UploadThroughPageAsync(clerk, await SampleAsync(), "2023年自评报告.docx");
        var stored = await clerk.Http.GetJsonAsync($"/api/submissions/{id}");
        var finished = await (await factory.ClientAsync()).WaitUntilFinishedAsync(id);
        var status = await clerk.GetAsync($"/submissions/{id}/status");

        var lastYear = (DateTime.UtcNow.AddHours(8).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(lastYear, form.Document.QuerySelector<IHtmlInputElement>("input[name=year]")?.Value);
        Assert.Null(form.Document.QuerySelector("input[name=unit]"));
        Assert.Equal(unit, stored.GetProperty("unit").GetString());
        Assert.Equal(2023, stored.GetProperty("year").GetInt32());
        Assert.Equal("2023年自评报告.docx", stored.GetProperty("fileName").GetString());
        Assert.Equal("done", finished.GetProperty("state").GetString());
        Assert.Equal("已完成", status.Document.QuerySelector("[data-testid=state]")?.TextContent);
        Assert.Equal("done", status.Document.QuerySelector("[data-status]")?.GetAttribute("data-state"));
        Assert.Equal(finished.GetProperty("errorCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            status.Document.QuerySelector("[data-field=errorCount]")?.TextContent);
        Assert.False(status.Document.QuerySelector("[data-when=done]")!.HasAttribute("hidden"));
        Assert.True(status.Document.QuerySelector("[data-when=failed]")!.HasAttribute("hidden"));
        Assert.Null(status.Document.QuerySelector("noscript"));
    }

    [Fact]
    public async Task A_file_the_reader_cannot_read_ends_failed_and_its_status_page_says_why()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, Name("truncated"), Roles.Unit, Name("截断单位"));
        var seed = await SampleAsync();

        var id = await UploadThroughPageAsync(clerk, seed[..(seed.Length * 6 / 10)], "interrupted.docx");
        var finished = await (await factory.ClientAsync()).WaitUntilFinishedAsync(id);
        var status = await clerk.GetAsync($"/submissions/{id}/status");

        Assert.Equal("failed", finished.GetProperty("state").GetString());
        Assert.Equal("处理失败", status.Document.QuerySelector("[data-testid=state]")?.TextContent);
        Assert.Equal(finished.GetProperty("error").GetProperty("message").GetString(), status.Document.QuerySelector("[data-testid=error-message]")?.TextContent);
        Assert.False(status.Document.QuerySelector("[data-when=failed]")!.HasAttribute("hidden"));
        Assert.True(status.Document.QuerySelector("[data-when=done]")!.HasAttribute("hidden"));
        Assert.Equal("is-failed", status.Document.QuerySelector("[data-step=finished]")?.GetAttribute("class"));
    }

    [Fact]
    public async Task Sending_the_same_file_again_shows_the_earlier_submission()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, Name("again"), Roles.Unit, Name("重复单位"));
        var bytes = Encoding.UTF8.GetBytes("2023年度部门整体支出绩效自评报告\n一、基本情况\n重复\n");
        var first = await UploadThroughPageAsync(clerk, bytes, "r.txt");

        var second = await UploadThroughPageAsync(clerk, bytes, "r.txt");
        var status = await clerk.GetAsync($"/submissions/{second}/status");

        Assert.Equal(first, second);
        Assert.Contains("此前已经上传过", status.Document.QuerySelector(".flash")?.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> RefusedFiles() => new()
    {
        { "legacy-doc", "报告.doc", 415, "另存为" },
        { "empty", "报告.docx", 400, "文件是空的" },
        { "pdf", "报告.pdf", 415, "PDF" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task The_upload_page_explains_a_refused_file_in_Chinese_and_stores_nothing(string kind, string fileName, int status, string words)
    {
        var bytes = kind switch
        {
            "legacy-doc" => CfbBuilder.Build(("WordDocument", null), ("1Table", null)),
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
            _ => [],
        };
        var unit = Name("拒收单位");
        using var clerk = await PagesClient.SignedInAsync(factory, Name("refused"), Roles.Unit, unit);
        var upload = await clerk.GetAsync("/upload");

        using var response = await clerk.SubmitFileAsync(upload, upload.Form("input[type=file]"), new() { ["year"] = "2023" }, bytes, fileName);
        var page = await PagesClient.ParseAsync(response);
        var list = await clerk.Http.GetJsonAsync("/api/submissions");

        Assert.Equal(status, (int)response.StatusCode);
        var errors = page.QuerySelector("[data-testid=upload-errors]")?.TextContent;
        Assert.Contains(words, errors, StringComparison.Ordinal);
        Assert.True(Api.HasChinese(errors));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal("2023", page.QuerySelector<IHtmlInputElement>("input[name=year]")?.Value);
    }

    [Fact]
    public async Task The_upload_page_asks_for_a_file_and_a_valid_year()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, Name("fields"), Roles.Unit, "字段单位");
        var upload = await clerk.GetAsync("/upload");
        var fields = PagesClient.HiddenFields(upload.Form("input[type=file]"));
        fields["year"] = "二〇二三";
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        using var response = await clerk.Http.PostAsync(new Uri("/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var errors = (await PagesClient.ParseAsync(response)).QuerySelector("[data-testid=upload-errors]")?.TextContent;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择要上传的报告文件", errors, StringComparison.Ordinal);
        Assert.Contains("预算年度", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_uploads_for_a_unit_named_in_the_form_and_must_name_one()
    {
        using var admin = await PagesClient.SignedInAsync(factory, Name("admin-upload"), Roles.Admin);
        var upload = await admin.GetAsync("/upload");

        using var missing = await admin.SubmitFileAsync(upload, upload.Form("input[type=file]"), new() { ["year"] = "2023" },
            Encoding.UTF8.GetBytes("绩效自评报告 无单位\n"), "x.txt");
        var id = await UploadThroughPageAsync(admin, Encoding.UTF8.GetBytes("绩效自评报告 代报\n"), "y.txt", unit: "代报的单位");
        var stored = await admin.Http.GetJsonAsync($"/api/submissions/{id}");

        Assert.NotNull(upload.Document.QuerySelector("input[name=unit]"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写报送单位的名称", (await PagesClient.ParseAsync(missing)).QuerySelector("[data-testid=upload-errors]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("代报的单位", stored.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Markup_in_a_unit_name_a_file_name_or_a_display_name_is_shown_as_text()
    {
        const string unit = "<script>alert('unit')</script>单位";
        const string fileName = "报告 & 附件 'a'.txt";
        const string displayName = "<img src=x onerror=alert(1)>";
        using var admin = await PagesClient.SignedInAsync(factory, Name("escape-admin"), Roles.Admin);
        await PagesClient.CreateAccountAsync(factory, Name("escape-user"), Roles.Unit, unit, displayName: displayName);
        var id = await UploadThroughPageAsync(admin, Encoding.UTF8.GetBytes("绩效自评报告 转义\n"), fileName, unit: unit);

        foreach (var path in new[] { $"/submissions/{id}/status", $"/submissions/{id}", "/submissions", "/admin/accounts", "/" })
        {
            var page = await admin.GetAsync(path);
            var html = await page.Response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
            Assert.Empty(page.Document.QuerySelectorAll("img"));
            Assert.Contains(unit, page.MainText, StringComparison.Ordinal);
        }

        var status = await admin.GetAsync($"/submissions/{id}/status");
        Assert.Contains(fileName, status.MainText, StringComparison.Ordinal);
        var accounts = await admin.GetAsync("/admin/accounts");
        Assert.Contains(displayName, accounts.MainText, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> FormPages() => new()
    {
        { Roles.Unit, "/upload" },
        { Roles.Unit, "/account/password" },
        { Roles.Unit, "/account/logout" },
        { Roles.Admin, "/admin/accounts" },
        { Roles.Admin, "/upload" },
        { Roles.Auditor, "/" },
    };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task Every_form_that_posts_carries_an_antiforgery_token(string role, string path)
    {
        using var client = await PagesClient.SignedInAsync(factory, Name("forms"), role, role == Roles.Unit ? "表单单位" : null);

        var page = await client.GetAsync(path);

        var posts = page.Document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, f => Assert.False(string.IsNullOrEmpty(
            f.QuerySelector<IHtmlInputElement>("input[type=hidden][name=__RequestVerificationToken]")?.Value)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var clerk = await PagesClient.SignedInAsync(factory, Name("csrf"), Roles.Unit, Name("令牌单位"));
        using var admin = await PagesClient.SignedInAsync(factory, Name("csrf-admin"), Roles.Admin);
        using var anonymous = PagesClient.Anonymous(factory);
        await anonymous.GetAsync("/account/login");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("2023"), "year" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("绩效自评报告 伪造\n")), "file", "forged.txt" },
        };

        using var forgedUpload = await clerk.Http.PostAsync(new Uri("/upload", UriKind.Relative), upload, TestContext.Current.CancellationToken);
        using var forgedLogout = await clerk.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        using var forgedCreate = await admin.Http.PostAsync(new Uri("/admin/accounts?handler=Create", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "forged", ["role"] = Roles.Admin }), TestContext.Current.CancellationToken);
        using var forgedLogin = await anonymous.Http.PostAsync(new Uri("/account/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "x", ["password"] = "y" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forgedUpload.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedLogout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedCreate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedLogin.StatusCode);
        Assert.Equal(0, (await clerk.Http.GetJsonAsync("/api/submissions")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/")).Status);
        Assert.DoesNotContain((await admin.GetAsync("/admin/accounts")).Document.QuerySelectorAll("tr[data-account]"),
            r => r.GetAttribute("data-account") == "forged");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/submissions")]
    [InlineData("/upload")]
    [InlineData("/admin/accounts")]
    public async Task Pages_carry_the_security_headers_and_no_inline_script_or_style(string path)
    {
        using var client = path == "/account/login" ? PagesClient.Anonymous(factory) : await PagesClient.SignedInAsync(factory, Name("headers"), Roles.Admin);

        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var headers = page.Response.Headers;
        var csp = string.Join(";", headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", headers.GetValues("Referrer-Policy").Single());
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent)));
        Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await client.Http.GetAsync(new Uri(stylesheet, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_one_time_password_sends_the_account_to_the_password_page_before_anything_else()
    {
        using var admin = await PagesClient.SignedInAsync(factory, Name("otp-admin"), Roles.Admin);
        var userName = Name("newclerk");
        var accounts = await admin.GetAsync("/admin/accounts");
        using var created = await admin.SubmitAsync(accounts, accounts.Form("input[name=displayName]"),
            new() { ["userName"] = userName, ["role"] = Roles.Unit, ["unit"] = "新建单位", ["displayName"] = "李四" });
        var createdPage = await PagesClient.ParseAsync(created);
        var oneTime = createdPage.QuerySelector("[data-testid=one-time-password]")?.TextContent;
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "a one-time password is never cached");
        Assert.Equal(16, oneTime?.Length);
        Assert.Null((await admin.GetAsync("/admin/accounts")).Document.QuerySelector("[data-testid=one-time-password]"));

        using var clerk = PagesClient.Anonymous(factory);
        using var signIn = await clerk.SignInAsync(userName, oneTime!);
        var home = await clerk.GetAsync("/");
        var upload = await clerk.GetAsync("/upload");
        using var api = await clerk.Http.GetAsync(new Uri("/api/submissions", UriKind.Relative), TestContext.Current.CancellationToken);
        var password = await clerk.GetAsync(signIn.Headers.Location!.OriginalString);

        Assert.Equal("/account/password", signIn.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal("/account/password", home.Response.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        Api.AssertProblem(api, await api.ReadJsonAsync(), 403, "password-change-required");
        Assert.NotNull(password.Document.QuerySelector("[data-testid=must-change]"));

        using var mismatch = await clerk.SubmitAsync(password, password.Form("input[name=newPassword]"),
            new() { ["currentPassword"] = oneTime!, ["newPassword"] = "new-clerk-pass-1", ["confirmPassword"] = "new-clerk-pass-2" });
        using var changed = await clerk.SubmitAsync(password, password.Form("input[name=newPassword]"),
            new() { ["currentPassword"] = oneTime!, ["newPassword"] = "new-clerk-pass-1", ["confirmPassword"] = "new-clerk-pass-1" });
        var after = await clerk.GetAsync("/");
        using var again = PagesClient.Anonymous(factory);
        using var withOneTime = await again.SignInAsync(userName, oneTime!);
        using var withNew = await again.SignInAsync(userName, "new-clerk-pass-1");

        Assert.Contains("不一致", (await PagesClient.ParseAsync(mismatch)).QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotNull(after.Document.QuerySelector("[data-testid=home-unit]"));
        Assert.Contains("密码已修改", after.Document.QuerySelector(".flash")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withOneTime.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal("/", withNew.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_admin_resets_disables_and_enables_an_account_on_the_accounts_page()
    {
        using var admin = await PagesClient.SignedInAsync(factory, Name("manage-admin"), Roles.Admin);
        var userName = Name("managed");
        var original = await PagesClient.CreateAccountAsync(factory, userName, Roles.Finance);
        Form Row(HtmlPage page, string handler) => new(page, page.Document.QuerySelector($"tr[data-account='{userName}']")!
            .QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal)));

        var list = await admin.GetAsync("/admin/accounts");
        var disable = Row(list, "Disable");
        using var disabled = await admin.SubmitAsync(disable.Page, disable.Element, []);
        using (var client = PagesClient.Anonymous(factory))
        {
            using var refused = await client.SignInAsync(userName, original);
            Assert.Contains("停用", (await PagesClient.ParseAsync(refused)).QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
        }

        var listed = await admin.GetAsync("/admin/accounts");
        Assert.Contains("已停用", listed.Document.QuerySelector($"tr[data-account='{userName}']")?.TextContent, StringComparison.Ordinal);
        var enable = Row(listed, "Enable");
        using var enabled = await admin.SubmitAsync(enable.Page, enable.Element, []);
        var reset = Row(await admin.GetAsync("/admin/accounts"), "Reset");
        using var resetAnswer = await admin.SubmitAsync(reset.Page, reset.Element, []);
        var newPassword = (await PagesClient.ParseAsync(resetAnswer)).QuerySelector("[data-testid=one-time-password]")?.TextContent;
        using var clerk = PagesClient.Anonymous(factory);
        using var withOld = await clerk.SignInAsync(userName, original);
        using var withNew = await clerk.SignInAsync(userName, newPassword!);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(16, newPassword?.Length);
        Assert.NotEqual(original, newPassword);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal("/account/password", withNew.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task The_accounts_page_refuses_a_unit_account_without_its_unit_in_Chinese()
    {
        using var admin = await PagesClient.SignedInAsync(factory, Name("invalid-admin"), Roles.Admin);
        var accounts = await admin.GetAsync("/admin/accounts");

        using var response = await admin.SubmitAsync(accounts, accounts.Form("input[name=displayName]"),
            new() { ["userName"] = Name("nounit"), ["role"] = Roles.Unit, ["unit"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("所属单位", (await PagesClient.ParseAsync(response)).QuerySelector("[data-testid=account-error]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        using var client = await PagesClient.SignedInAsync(factory, Name("bye"), Roles.Finance);
        var home = await client.GetAsync("/");

        using var signOut = await client.SubmitAsync(home, home.Form("button"), []);
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/account/login", after.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private sealed record Form(HtmlPage Page, IHtmlFormElement Element);
}
