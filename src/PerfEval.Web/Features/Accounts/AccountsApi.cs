namespace PerfEval.Web.Features.Accounts;

/// <summary>Sign-in for API clients (<c>/api/auth</c>), own tokens (<c>/api/tokens</c>), <c>/api/me</c> and the admin's
/// account management (<c>/api/admin</c>).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        IssueToken.Map(auth);
        ChangePassword.Map(auth);
        MyTokens.Map(app);
        CurrentAccount.Map(app);
        ManageAccounts.Map(app);
        return app;
    }
}
