using Microsoft.Extensions.DependencyInjection;
using PerfEval.Web.Data;

namespace PerfEval.Web.Tests;

/// <summary>
/// A service (SQLite, or PostgreSQL when configured) with a small hand-made year written straight into the database,
/// once per test class. The figures the tests expect are worked out by hand from <see cref="StatisticsSeed"/>.
/// </summary>
public sealed class StatisticsFixture<TFactory> : IAsyncLifetime
    where TFactory : ServiceFactory, new()
{
    public TFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (Factory is PostgresServiceFactory && Environment.GetEnvironmentVariable(PostgresServiceFactory.Variable) is null)
        {
            return; // the tests skip themselves
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerfEvalDbContext>();
        await StatisticsSeed.WriteAsync(db, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The year 2023 of four registered organisations and one unregistered submitter:
/// <list type="bullet">
/// <item>安乡县农业农村局: v1 (budget 100, executed 80, 70 中, 3 findings) then v2 (200.25 / 190.2375 = 95%, 92.5 优,
/// 1 error + 1 warning, reviewed) — v2 counts;</item>
/// <item>北湖区民政局: v1 (50.5 / 30.3 = 60%, 58 差, 3 errors + 1 info);</item>
/// <item>城陵矶新港区财政局: v1 failed (corrupt-zip);</item>
/// <item>东洞庭湖管理局: nothing (missing);</item>
/// <item>+新成立单位 (not registered): v1 queued;</item>
/// </list>
/// and in 2022 one submission of 安乡 (999 / 999, 1 error) that 2023 must not see. Document text with formula
/// starters (=, @, -) sits in 北湖's findings; the unregistered unit's name starts with +.
/// </summary>
internal static class StatisticsSeed
{
    public const int Year = 2023;
    public const string Anxiang = "安乡县农业农村局";
    public const string Beihu = "北湖区民政局";
    public const string Chenglingji = "城陵矶新港区财政局";
    public const string Dongtinghu = "东洞庭湖管理局";
    public const string Unregistered = "+新成立单位";
    public const string FormulaMessage = "=HYPERLINK(\"http://evil.example/\",\"点击查看\")";
    public const string FormulaExcerpt = "@SUM(A1:A9)";
    public const string FormulaFormName = "-项目甲";

    public static readonly Guid AnxiangV1 = Guid.Parse("0190f0a0-0000-7000-8000-000000000001");
    public static readonly Guid AnxiangV2 = Guid.Parse("0190f0a0-0000-7000-8000-000000000002");
    public static readonly Guid BeihuV1 = Guid.Parse("0190f0a0-0000-7000-8000-000000000003");
    public static readonly Guid ChenglingjiV1 = Guid.Parse("0190f0a0-0000-7000-8000-000000000004");
    public static readonly Guid UnregisteredV1 = Guid.Parse("0190f0a0-0000-7000-8000-000000000005");
    public static readonly Guid Anxiang2022 = Guid.Parse("0190f0a0-0000-7000-8000-000000000006");

    public static async Task WriteAsync(PerfEvalDbContext db, CancellationToken cancellationToken)
    {
        var t0 = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        db.Organisations.AddRange(
            new Organisation { Name = Anxiang, CreatedAt = t0 },
            new Organisation { Name = Beihu, CreatedAt = t0 },
            new Organisation { Name = Chenglingji, CreatedAt = t0 },
            new Organisation { Name = Dongtinghu, CreatedAt = t0 });

        db.Submissions.AddRange(
            Done(AnxiangV1, Anxiang, Year, 1, t0, 100m, 80m, 70m, "中",
                Finding("total.fund-parts", "total", "error", "department-self-eval", table: 2, row: 5, column: 3),
                Finding("total.fund-parts", "total", "error", "department-self-eval", table: 2, row: 6, column: 3),
                Finding("missing.indicator-value", "missing", "warning", "project-self-eval", table: 4, row: 9, column: 5)),
            Done(AnxiangV2, Anxiang, Year, 2, t0.AddDays(3), 200.25m, 190.2375m, 92.5m, "优",
                Finding("score.level-weights", "score", "error", "department-self-eval", table: 2, row: 12, column: 2, expected: 30, actual: 36),
                Finding("missing.deviation-reason", "missing", "warning", "department-report", paragraph: 14)),
            Done(BeihuV1, Beihu, Year, 1, t0.AddDays(1), 50.5m, 30.3m, 58m, "差",
                Finding("total.fund-parts", "total", "error", "department-self-eval", table: 1, row: 3, column: 4, expected: 12.5m, actual: 13m),
                Finding("total.fund-parts", "total", "error", "project-self-eval", table: 3, row: 4, column: 4, expected: -12.5m, actual: 3m,
                    formName: FormulaFormName),
                Finding("crossref.report-score", "crossref", "error", "department-report", paragraph: 40, expected: 85m, actual: 58m,
                    message: FormulaMessage, excerpt: FormulaExcerpt),
                Finding("rate.execution", "rate", "info", "department-self-eval", table: 2, row: 4, column: 9, expected: 0.6m, actual: 0.59m)),
            new Submission
            {
                Id = ChenglingjiV1,
                UnitName = Chenglingji,
                Year = Year,
                Version = 1,
                FileName = "report.docx",
                ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Sha256 = new string('c', 64),
                State = SubmissionState.Failed,
                ErrorCode = "corrupt-zip",
                ErrorMessage = "文件已损坏。",
                CreatedAt = t0.AddDays(2),
            },
            new Submission
            {
                Id = UnregisteredV1,
                UnitName = Unregistered,
                Year = Year,
                Version = 1,
                FileName = "report.txt",
                ContentType = "text/plain",
                Sha256 = new string('d', 64),
                State = SubmissionState.Queued,
                CreatedAt = t0.AddDays(4),
            },
            Done(Anxiang2022, Anxiang, 2022, 1, t0.AddYears(-1), 999m, 999m, 88m, "良",
                Finding("score.score-total", "score", "error", "department-self-eval", table: 2, row: 20, column: 4)));

        var reviewed = db.Submissions.Local.Single(s => s.Id == AnxiangV2);
        reviewed.ReviewedAt = t0.AddDays(5);
        reviewed.ReviewedBy = "auditor";
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Submission Done(
        Guid id, string unit, int year, int version, DateTime at, decimal budget, decimal executed, decimal score, string grade, params Finding[] findings)
    {
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i].Ordinal = i;
            findings[i].Fingerprint = $"{id.ToString("N")[^8..]}{i:D8}";
        }

        return new Submission
        {
            Id = id,
            UnitName = unit,
            Year = year,
            Version = version,
            FileName = "report.docx",
            ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(id.ToByteArray())),
            State = SubmissionState.Done,
            CreatedAt = at,
            StartedAt = at,
            FinishedAt = at,
            CheckedAt = at,
            Budget = budget,
            Executed = executed,
            Score = score,
            Grade = grade,
            FindingCount = findings.Length,
            ErrorCount = findings.Count(f => f.Severity == "error"),
            WarningCount = findings.Count(f => f.Severity == "warning"),
            Findings = [.. findings],
        };
    }

    private static Finding Finding(
        string rule,
        string category,
        string severity,
        string form,
        int? table = null,
        int? row = null,
        int? column = null,
        int? paragraph = null,
        decimal? expected = null,
        decimal? actual = null,
        string? message = null,
        string? excerpt = null,
        string? formName = null) => new()
        {
            Rule = rule,
            Category = category,
            Severity = severity,
            Message = message ?? $"{rule} 的测试问题",
            Form = form,
            FormName = formName,
            Table = table,
            Row = row,
            Column = column,
            Paragraph = paragraph,
            Excerpt = excerpt,
            Expected = expected,
            Actual = actual,
            RelatedJson = "[]",
            Fingerprint = string.Empty,
        };
}
