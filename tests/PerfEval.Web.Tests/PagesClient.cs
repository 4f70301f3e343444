using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>
/// A browser-like client of the pages: it keeps cookies, does not follow redirects (the tests look at them), reads
/// answers as HTML documents and posts forms with the antiforgery token of the page they came from.
/// </summary>
internal sealed class PagesClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static PagesClient Anonymous(ServiceFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account with a known password (a one-time one when <paramref name="mustChange"/>).</summary>
    public static async Task<string> CreateAccountAsync(ServiceFactory factory, string userName, string role, string? unit = null,
        bool mustChange = false, string? displayName = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().CreateOrResetAsync(userName, role, unit, displayName);
        if (!mustChange)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("account not created");
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return issued.OneTimePassword;
    }

    /// <summary>A client signed in through the sign-in page as a new account of the role.</summary>
    public static async Task<PagesClient> SignedInAsync(ServiceFactory factory, string userName, string role, string? unit = null, string? displayName = null)
    {
        var password = await CreateAccountAsync(factory, userName, role, unit, displayName: displayName);
        var client = Anonymous(factory);
        using var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the sign-in form; the answer is a redirect on success.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var login = await GetAsync("/account/login");
        return await SubmitAsync(login, login.Form("input[name=password]"), new() { ["userName"] = userName, ["password"] = password });
    }

    public async Task<HtmlPage> GetAsync(string url)
    {
        var response = await Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return new HtmlPage(response, await ParseAsync(response), url);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken);
    }

    /// <summary>Submits a form of a page as a browser would: its hidden fields (the antiforgery token among them)
    /// plus the given values, url-encoded.</summary>
    public Task<HttpResponseMessage> SubmitAsync(HtmlPage page, IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = HiddenFields(form);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return Http.PostAsync(new Uri(page.ActionOf(form), UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    /// <summary>Submits a multipart form (the upload page) with a file.</summary>
    public Task<HttpResponseMessage> SubmitFileAsync(HtmlPage page, IHtmlFormElement form, Dictionary<string, string> values, byte[] file, string fileName)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in HiddenFields(form).Where(f => !values.ContainsKey(f.Key)).Concat(values))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(file), "file", fileName);
        return Http.PostAsync(new Uri(page.ActionOf(form), UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static Dictionary<string, string> HiddenFields(IHtmlFormElement form) =>
        form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);

    public void Dispose() => Http.Dispose();
}

/// <summary>A page as fetched: the answer, its HTML and the path it was asked at (for forms without an action).</summary>
internal sealed record HtmlPage(HttpResponseMessage Response, IHtmlDocument Document, string Path)
{
    public HttpStatusCode Status => Response.StatusCode;

    /// <summary>The POST form that contains an element matching <paramref name="selector"/>.</summary>
    public IHtmlFormElement Form(string selector) =>
        Document.Forms.Single(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && f.QuerySelector(selector) is not null);

    /// <summary>The visible text of the main part (without the header).</summary>
    public string MainText => Document.QuerySelector("main")?.TextContent ?? string.Empty;

    public string ActionOf(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? Path : action;
    }
}
