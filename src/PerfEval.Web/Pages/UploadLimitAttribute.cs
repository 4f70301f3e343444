using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PerfEval.Web.Hosting;

namespace PerfEval.Web.Pages;

/// <summary>
/// Applies <c>PerfEval:Upload:MaxBytes</c> to a page's POST before anything reads the body (it runs before the
/// antiforgery check, which reads the form): a body announced as larger is not read at all and the page is shown
/// again with the reason; a smaller one is read with the configured limit instead of the server's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart framing and the small fields around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>Before the antiforgery filter (1000), like <see cref="RequestFormLimitsAttribute"/>.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<PerfEvalOptions>>().Value.Upload.MaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult("/upload?error=too-large");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                ValueLengthLimit = 64 * 1024,
            }));
        }
    }
}
