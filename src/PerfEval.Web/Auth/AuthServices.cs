using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PerfEval.Web.Data;
using PerfEval.Web.Features;

namespace PerfEval.Web.Auth;

/// <summary>
/// Identity on the application database, cookie sign-in for the pages, access tokens for API clients, and the policies
/// of the four roles. A request with <c>Authorization: Bearer</c> is authenticated by its token only; any other by the
/// cookie. API paths answer 401/403 as ProblemDetails; pages redirect to the sign-in page.
/// </summary>
public static class AuthServices
{
    /// <summary>The scheme that picks the token or the cookie scheme per request.</summary>
    public const string SmartScheme = "PerfEval";

    public const string LoginPath = "/account/login";

    public static IServiceCollection AddPerfEvalAuth(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PerfEvalDbContext>()
            .AddUserManager<PerfEvalUserManager>()
            .AddClaimsPrincipalFactory<PerfEvalClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "perfeval.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or access token", o => o.ForwardDefaultSelector = ctx =>
                TokenAuthenticationHandler.BearerToken(ctx.Request) is not null
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Upload, p => p.RequireRole(Roles.Unit, Roles.Admin))
            .AddPolicy(Policies.ReadSubmissions, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.ReadReviews, p => p.RequireRole(Roles.Auditor, Roles.Finance, Roles.Admin))
            .AddPolicy(Policies.Statistics, p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.Recheck, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddScoped<AccountBootstrap>();
        services.AddSingleton<AccessTokenCache>();
        return services;
    }

    /// <summary>True for the JSON API (and the OpenAPI document), where a redirect to a page is no answer.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static async Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (!IsApiPath(ctx.Request.Path))
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return;
        }

        await WriteProblemAsync(ctx.HttpContext, status);
    }

    /// <summary>The 401/403 answer of the API, in Chinese.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (code, title, detail) = status == StatusCodes.Status401Unauthorized
            ? (ApiErrorCodes.Unauthenticated, "需要登录",
                "请先登录；API 客户端请在 Authorization 请求头中携带个人访问令牌（Bearer pe_…）。令牌无效、已撤销或已过期时请重新创建。")
            : (ApiErrorCodes.Forbidden, "没有权限", "当前账号的角色无权执行此操作。如需权限，请联系系统管理员。");
        context.Response.StatusCode = status;
        await TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
    }
}
