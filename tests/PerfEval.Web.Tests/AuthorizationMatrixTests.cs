using System.Net;
using System.Net.Http.Json;
using System.Text;
using PerfEval.Web.Auth;

namespace PerfEval.Web.Tests;

/// <summary>
/// Every endpoint × every role (and anonymous) gets exactly the intended answer. Two units, A and B, each have a
/// submission; B's is addressed by its real id, so "not found" for unit A means scoping, not a wrong id.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public const string UnitA = "甲单位";
    public const string UnitB = "乙单位";

    /// <summary>The service with one submission of unit A and one of unit B, and a client per role.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ServiceFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public string SubmissionOfA { get; private set; } = string.Empty;

        public string SubmissionOfB { get; private set; } = string.Empty;

        public string FindingOfA { get; private set; } = string.Empty;

        public async ValueTask InitializeAsync()
        {
            Clients["anonymous"] = Factory.AnonymousClient();
            Clients["unitA"] = await Factory.ClientAsync(Roles.Unit, UnitA);
            Clients["unitB"] = await Factory.ClientAsync(Roles.Unit, UnitB);
            Clients[Roles.Auditor] = await Factory.ClientAsync(Roles.Auditor);
            Clients[Roles.Finance] = await Factory.ClientAsync(Roles.Finance);
            Clients[Roles.Admin] = await Factory.ClientAsync(Roles.Admin);
            SubmissionOfA = await UploadAsync(Clients["unitA"], "A");
            SubmissionOfB = await UploadAsync(Clients["unitB"], "B");
            await Clients[Roles.Admin].WaitUntilFinishedAsync(SubmissionOfA);
            await Clients[Roles.Admin].WaitUntilFinishedAsync(SubmissionOfB);
            var review = await Clients[Roles.Auditor].GetJsonAsync($"/api/submissions/{SubmissionOfA}/review");
            FindingOfA = review.GetProperty("forms")[0].GetProperty("categories")[0].GetProperty("findings")[0].GetProperty("id").ToString();
        }

        private static async Task<string> UploadAsync(HttpClient client, string tag)
        {
            // The seed report (so there are findings to decide on), made distinct per unit.
            var seed = await File.ReadAllTextAsync(Api.Sample("2023-miluo-disabled-federation.txt"), TestContext.Current.CancellationToken);
            var (response, body) = await client.UploadAsync(Encoding.UTF8.GetBytes(seed + $"\n（{tag}）\n"), $"{tag}.txt", unit: null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return body.GetProperty("id").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in Clients.Values)
            {
                client.Dispose();
            }

            await Factory.DisposeAsync();
        }
    }

    private static readonly string[] Callers = ["anonymous", "unitA", "unitB", Roles.Auditor, Roles.Finance, Roles.Admin];

    /// <summary>(method, path, expected status per caller in the order of <see cref="Callers"/>). {A} is unit A's
    /// submission id.</summary>
    private static readonly (string Method, string Path, int[] Expected)[] Matrix =
    [
        ("GET", "/api/submissions", [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/submissions", [401, 202, 202, 403, 403, 202]),
        ("GET", "/api/submissions/{A}", [401, 200, 404, 200, 200, 200]),
        ("GET", "/api/submissions/{A}/findings", [401, 200, 404, 200, 200, 200]),
        ("GET", "/api/submissions/{A}/forms", [401, 200, 404, 200, 200, 200]),
        ("GET", "/api/submissions/{A}/file", [401, 200, 404, 200, 200, 200]),
        ("POST", "/api/submissions/recheck?year=1999", [401, 403, 403, 400, 403, 400]),
        ("GET", "/api/submissions/{A}/review", [401, 403, 403, 200, 200, 200]),
        ("GET", "/api/submissions/{A}/document", [401, 200, 404, 200, 200, 200]),
        ("POST", "/api/submissions/{A}/findings/{F}/decision", [401, 403, 403, 200, 403, 403]),
        ("POST", "/api/submissions/{A}/reviewed", [401, 403, 403, 200, 403, 403]),
        ("DELETE", "/api/submissions/{A}/reviewed", [401, 403, 403, 200, 403, 403]),
        ("GET", "/api/statistics?year=2023", [401, 403, 403, 200, 200, 200]),
        ("GET", "/api/statistics/export?year=2023&format=csv", [401, 403, 403, 200, 200, 200]),
        ("GET", "/api/findings/export?year=2023&format=xlsx", [401, 403, 403, 200, 200, 200]),
        ("GET", "/api/me", [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/tokens", [401, 200, 200, 200, 200, 200]),
        ("POST", "/api/tokens", [401, 201, 201, 201, 201, 201]),
        ("GET", "/api/admin/users", [401, 403, 403, 403, 403, 200]),
        ("POST", "/api/admin/users", [401, 403, 403, 403, 403, 201]),
        ("GET", "/api/admin/organisations", [401, 403, 403, 403, 403, 200]),
        ("POST", "/api/admin/organisations", [401, 403, 403, 403, 403, 200]),
        ("GET", "/hangfire", [401, 403, 403, 403, 403, 200]),
        ("GET", "/health/live", [200, 200, 200, 200, 200, 200]),
        ("GET", "/health/ready", [200, 200, 200, 200, 200, 200]),
        ("GET", "/openapi/v1.json", [200, 200, 200, 200, 200, 200]),
    ];

    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (method, path, expected) in Matrix)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                data.Add(method, path, Callers[i], expected[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_each_role_as_intended(string method, string path, string caller, int expected)
    {
        var url = path.Replace("{A}", fixture.SubmissionOfA, StringComparison.Ordinal).Replace("{F}", fixture.FindingOfA, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = BodyFor(method, path, caller) };

        using var response = await fixture.Clients[caller].SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected is 401 or 403 && path.StartsWith("/api", StringComparison.Ordinal))
        {
            Api.AssertProblem(response, await response.ReadJsonAsync(), expected, expected == 401 ? "unauthenticated" : "forbidden");
        }
    }

    [Fact]
    public async Task A_unit_never_sees_another_units_submission_in_lists_or_by_id()
    {
        var a = fixture.Clients["unitA"];

        var list = await a.GetJsonAsync("/api/submissions?pageSize=100");
        var filtered = await a.GetJsonAsync($"/api/submissions?unit={Uri.EscapeDataString(UnitB)}");

        var units = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unit").GetString()).Distinct().ToList();
        Assert.Equal([UnitA], units);
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        foreach (var suffix in new[] { "", "/findings", "/forms", "/file" })
        {
            using var response = await a.GetAsync(new Uri($"/api/submissions/{fixture.SubmissionOfB}{suffix}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var auditorList = await fixture.Clients[Roles.Auditor].GetJsonAsync("/api/submissions?pageSize=100");
        var seenByAuditor = auditorList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unit").GetString()).ToList();
        Assert.Contains(UnitA, seenByAuditor);
        Assert.Contains(UnitB, seenByAuditor);
    }

    [Fact]
    public async Task A_unit_uploads_only_for_itself_and_an_admin_must_name_the_unit()
    {
        var (own, ownBody) = await fixture.Clients["unitA"].UploadAsync("第二份"u8.ToArray(), "second.txt", unit: null);
        var (other, otherBody) = await fixture.Clients["unitA"].UploadAsync("冒名"u8.ToArray(), "other.txt", unit: UnitB);
        var (admin, adminBody) = await fixture.Clients[Roles.Admin].UploadAsync("代报"u8.ToArray(), "admin.txt", unit: null);

        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        var stored = await fixture.Clients["unitA"].GetJsonAsync($"/api/submissions/{ownBody.GetProperty("id").GetString()}");
        Assert.Equal(UnitA, stored.GetProperty("unit").GetString());
        Assert.Equal("test-unit-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(UnitA))[..16], stored.GetProperty("uploadedBy").GetString());
        Api.AssertProblem(other, otherBody, 403, "forbidden");
        Api.AssertProblem(admin, adminBody, 400, "invalid-field");
    }

    [Fact]
    public async Task A_revoked_token_and_a_disabled_account_stop_working_at_once()
    {
        var token = await fixture.Factory.TokenAsync(Roles.Auditor, userName: "revoked-auditor");
        using var client = fixture.Factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var tokens = await client.GetJsonAsync("/api/tokens");
        var id = tokens.EnumerateArray().Single().GetProperty("id").GetString();

        using (var revoke = await client.DeleteAsync(new Uri($"/api/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        var second = await fixture.Factory.TokenAsync(Roles.Finance, userName: "disabled-finance");
        using var financeClient = fixture.Factory.AnonymousClient();
        financeClient.DefaultRequestHeaders.Authorization = new("Bearer", second);
        Assert.Equal("finance", (await financeClient.GetJsonAsync("/api/me")).GetProperty("role").GetString());
        using (var disable = await fixture.Clients[Roles.Admin].PostAsync(new Uri("/api/admin/users/disabled-finance/disable", UriKind.Relative), null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        }

        using var denied = await financeClient.GetAsync(new Uri("/api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task A_new_account_gets_a_one_time_password_that_must_be_changed_before_a_token_is_issued()
    {
        using var create = await fixture.Clients[Roles.Admin].PostAsJsonAsync("/api/admin/users",
            new { userName = "clerk-c", role = "unit", unit = "丙单位" }, TestContext.Current.CancellationToken);
        var issued = await create.ReadJsonAsync();
        var oneTime = issued.GetProperty("oneTimePassword").GetString()!;
        using var anonymous = fixture.Factory.AnonymousClient();

        using var early = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "clerk-c", password = oneTime, name = "脚本" }, TestContext.Current.CancellationToken);
        using var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "clerk-c", password = "not-it-123", name = "脚本" }, TestContext.Current.CancellationToken);
        using var change = await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "clerk-c", currentPassword = oneTime, newPassword = "clerk-c-pass-2026" }, TestContext.Current.CancellationToken);
        using var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "clerk-c", password = "clerk-c-pass-2026", name = "脚本" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(16, oneTime.Length);
        Api.AssertProblem(early, await early.ReadJsonAsync(), 403, "password-change-required");
        Api.AssertProblem(wrong, await wrong.ReadJsonAsync(), 401, "bad-credentials");
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var value = (await token.ReadJsonAsync()).GetProperty("token").GetString()!;
        Assert.StartsWith("pe_", value, StringComparison.Ordinal);
        using var client = fixture.Factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", value);
        var me = await client.GetJsonAsync("/api/me");
        Assert.Equal("丙单位", me.GetProperty("unit").GetString());
        var organisations = await fixture.Clients[Roles.Admin].GetJsonAsync("/api/admin/organisations");
        Assert.Contains("丙单位", organisations.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    private static int counter;

    private static HttpContent? BodyFor(string method, string path, string caller)
    {
        if (method != "POST")
        {
            return null;
        }

        var n = Interlocked.Increment(ref counter);
        return path switch
        {
            "/api/submissions" => Api.Form(Encoding.UTF8.GetBytes($"绩效自评报告 第{n}份\n"), $"m{n}.txt", unit: caller is Roles.Admin or Roles.Auditor or Roles.Finance ? $"代报单位{n}" : null),
            "/api/tokens" => JsonContent.Create(new { name = $"令牌{n}" }),
            "/api/submissions/{A}/findings/{F}/decision" => JsonContent.Create(new { action = "confirmed", comment = "核实无误" }),
            "/api/admin/users" => JsonContent.Create(new { userName = $"matrix-user-{n}", role = "auditor" }),
            "/api/admin/organisations" => JsonContent.Create(new { name = $"单位{n}" }),
            _ => null,
        };
    }
}
