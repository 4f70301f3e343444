namespace PerfEval.Web.Hosting;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing by other sites, no referrer leaks, and a content
/// security policy that allows only this site's own scripts and styles (pages have no inline script). The Hangfire
/// dashboard and the API reference page bring their own inline code and get a looser policy.
/// </summary>
public static class SecurityHeaders
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                var path = context.Request.Path;
                headers.ContentSecurityPolicy =
                    path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase)
                        ? ToolPolicy
                        : StrictPolicy;
                return Task.CompletedTask;
            });
            await next(context);
        });
}
