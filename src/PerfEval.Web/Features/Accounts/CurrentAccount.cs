using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PerfEval.Web.Auth;

namespace PerfEval.Web.Features.Accounts;

/// <summary><c>GET /api/me</c>: who the request is signed in as.</summary>
public static class CurrentAccount
{
    public sealed record Account(string UserName, string Role, string RoleName, string? Unit, string? DisplayName);

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", (ClaimsPrincipal user) =>
            {
                var viewer = Viewer.From(user);
                return TypedResults.Ok(new Account(viewer.UserName, viewer.Role, Roles.DisplayName(viewer.Role), viewer.UnitName,
                    user.FindFirstValue(PerfEvalClaimsFactory.DisplayNameClaim)));
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Accounts")
            .WithName("Me")
            .WithSummary("当前登录的账号、角色和所属单位");
}
