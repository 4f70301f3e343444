using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features;

namespace PerfEval.Web.Pages;

/// <summary>
/// The reviewer pages: Razor Pages that send the same Mediator commands and queries as the API. Every page needs a
/// signed-in account except the sign-in and access-denied pages; forms carry antiforgery tokens (Razor Pages validate
/// them on every POST).
/// </summary>
public static class PageServices
{
    public static IServiceCollection AddPerfEvalPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AuthorizePage("/Upload", Policies.Upload);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Statistics", Policies.Statistics);
        });
        // Chinese text as characters rather than numeric entities; markup characters are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "perfeval.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    /// <summary>
    /// A cookie-signed-in account that still has a one-time password gets nothing but the password page: pages
    /// redirect there, API calls made with the cookie answer 403 <c>password-change-required</c>. Access tokens are
    /// never issued to such an account, so token requests need no check.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
                && type == IdentityConstants.ApplicationScheme
                && !IsExempt(context.Request.Path)
                && await MustChangePasswordAsync(context))
            {
                if (AuthServices.IsApiPath(context.Request.Path))
                {
                    await Problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.PasswordChangeRequired, "请先修改初始密码",
                        "该账号仍在使用一次性密码。请先在网页上设置新密码。").ExecuteAsync(context);
                    return;
                }

                var back = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(PasswordPath + "?returnUrl=" + Uri.EscapeDataString(back));
                return;
            }

            await next(context);
        });

    public const string PasswordPath = "/account/password";

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments(PasswordPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/logout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/denied", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> MustChangePasswordAsync(HttpContext context)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }

        var db = context.RequestServices.GetRequiredService<PerfEvalDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.MustChangePassword).FirstOrDefaultAsync(context.RequestAborted);
    }
}
