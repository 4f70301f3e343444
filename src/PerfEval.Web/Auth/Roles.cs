namespace PerfEval.Web.Auth;

/// <summary>The four roles. An account has exactly one.</summary>
public static class Roles
{
    /// <summary>A submitting unit (部门/单位), bound to one organisation: uploads and sees only its own submissions.</summary>
    public const string Unit = "unit";

    /// <summary>A reviewer at the finance bureau: sees every submission, triages findings, re-runs checks.</summary>
    public const string Auditor = "auditor";

    /// <summary>The finance bureau's budget office: statistics and read-only data.</summary>
    public const string Finance = "finance";

    /// <summary>Manages accounts and the job dashboard; may upload on a unit's behalf.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Unit, Auditor, Finance, Admin];

    /// <summary>The role's name for people, in Chinese.</summary>
    public static string DisplayName(string role) => role switch
    {
        Unit => "报送单位",
        Auditor => "审核人员",
        Finance => "财政局",
        Admin => "系统管理员",
        _ => role,
    };
}

/// <summary>Authorization policy names; each endpoint names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>unit (for itself) and admin (on a unit's behalf).</summary>
    public const string Upload = "upload";

    /// <summary>Reading submissions, forms, findings and files: every role; a unit only its own (checked per query).</summary>
    public const string ReadSubmissions = "read-submissions";

    /// <summary>Confirming or dismissing findings, marking submissions reviewed: auditors.</summary>
    public const string Review = "review";

    /// <summary>Reading the review history: auditor, finance, admin.</summary>
    public const string ReadReviews = "read-reviews";

    /// <summary>Statistics and exports: finance, auditor, admin.</summary>
    public const string Statistics = "statistics";

    /// <summary>Re-running the checks on stored submissions: auditor, admin.</summary>
    public const string Recheck = "recheck";

    /// <summary>Accounts, tokens of others, the Hangfire dashboard: admin.</summary>
    public const string Admin = "admin";
}
