using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Core.Evaluation;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Features.Review;

namespace PerfEval.Web.Tests;

/// <summary>
/// The review endpoints on SQLite: bad input, unknown and invisible submissions and findings, unit scoping, the
/// grouping of the review and the document view.
/// </summary>
public sealed class ReviewTests(ReviewHost<ServiceFactory> host) : IClassFixture<ReviewHost<ServiceFactory>>
{
    private const string Seed = "2023-miluo-disabled-federation.docx";

    [Fact]
    public async Task A_dismissal_needs_a_comment_and_a_comment_is_at_most_2000_characters()
    {
        var id = await host.UploadSeedAsync("comment-unit");
        var auditor = host.Client(ReviewUser.Auditor("孙审核"));
        var finding = (await auditor.GetReviewAsync(id)).Findings()[0].GetProperty("id").GetInt64();

        foreach (var blank in new string?[] { null, string.Empty, "   \n " })
        {
            var (response, body) = await auditor.DecideAsync(id, finding, "dismissed", blank);
            Api.AssertProblem(response, body, 400, ReviewErrorCodes.CommentRequired);
        }

        var (tooLong, tooLongBody) = await auditor.DecideAsync(id, finding, "confirmed", new string('审', 2001));
        Api.AssertProblem(tooLong, tooLongBody, 400, ReviewErrorCodes.CommentTooLong);
        var (reviewedTooLong, reviewedTooLongBody) = await auditor.MarkReviewedAsync(id, new string('审', 2001));
        Api.AssertProblem(reviewedTooLong, reviewedTooLongBody, 400, ReviewErrorCodes.CommentTooLong);
        Assert.Empty((await auditor.GetReviewAsync(id)).History());

        var (longest, longestBody) = await auditor.DecideAsync(id, finding, "dismissed", new string('审', 2000));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(2000, longestBody.GetProperty("comment").GetString()!.Length);
        Assert.Single((await auditor.GetReviewAsync(id)).History());
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reviewed")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_action_is_a_400_problem(string? action)
    {
        var id = await host.UploadSeedAsync("action-unit");
        var auditor = host.Client(ReviewUser.Auditor("周审核"));
        var finding = (await auditor.GetReviewAsync(id)).Findings()[0].GetProperty("id").GetInt64();

        var (response, body) = await auditor.DecideAsync(id, finding, action, "说明");

        Api.AssertProblem(response, body, 400, ReviewErrorCodes.InvalidAction);
        Assert.Empty((await auditor.GetReviewAsync(id)).History());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem()
    {
        var id = await host.UploadSeedAsync("body-unit");
        var auditor = host.Client(ReviewUser.Auditor("吴审核"));
        var finding = (await auditor.GetReviewAsync(id)).Findings()[0].GetProperty("id").GetInt64();
        var decision = new Uri($"/api/submissions/{id}/findings/{finding}/decision", UriKind.Relative);
        var reviewed = new Uri($"/api/submissions/{id}/reviewed", UriKind.Relative);

        foreach (var uri in new[] { decision, reviewed })
        {
            using var broken = new StringContent("{\"action\": ", Encoding.UTF8, "application/json");
            using var brokenResponse = await auditor.PostAsync(uri, broken, TestContext.Current.CancellationToken);
            Api.AssertProblem(brokenResponse, await brokenResponse.ReadJsonAsync(), 400, "invalid-field");

            // The framework refuses other content types before the handler (its generic problem, code included).
            using var text = new StringContent("dismissed", Encoding.UTF8, "text/plain");
            using var textResponse = await auditor.PostAsync(uri, text, TestContext.Current.CancellationToken);
            var textBody = await textResponse.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, textResponse.StatusCode);
            Assert.True(Api.HasChinese(textBody.GetProperty("detail").GetString()));
            Assert.False(string.IsNullOrEmpty(textBody.GetProperty("code").GetString()));
        }

        Assert.Empty((await auditor.GetReviewAsync(id)).History());

        // Marking reviewed needs no body at all.
        using var bare = await auditor.PostAsync(reviewed, null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.True((await bare.ReadJsonAsync()).GetProperty("reviewed").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_submission_or_finding_is_a_404_problem()
    {
        var id = await host.UploadSeedAsync("unknown-unit");
        var otherId = await host.UploadSeedAsync("unknown-other-unit");
        var auditor = host.Client(ReviewUser.Auditor("郑审核"));
        var missing = Guid.NewGuid();
        var otherFinding = (await auditor.GetReviewAsync(otherId)).Findings()[0];

        await AssertNotFoundAsync(auditor, missing, 1);
        foreach (var finding in new object[] { 999_999_999, "0123456789abcdef", "not-a-finding", -3, otherFinding.GetProperty("id").GetInt64() })
        {
            var (response, body) = await auditor.DecideAsync(id, finding, "confirmed");
            Api.AssertProblem(response, body, 404, "not-found");
        }

        Assert.Empty((await auditor.GetReviewAsync(id)).History());
        Assert.Empty((await auditor.GetReviewAsync(otherId)).History());
    }

    [Fact]
    public async Task A_unit_sees_and_decides_nothing_of_another_units_submission()
    {
        var id = await host.UploadSeedAsync("汨罗市残疾人联合会");
        var stranger = host.Client(ReviewUser.UnitClerk("乙单位填报员", "汨罗市教育局"));
        var unbound = host.Client(ReviewUser.UnitClerk("未绑定单位的账号", null));
        var own = host.Client(ReviewUser.UnitClerk("甲单位填报员", "汨罗市残疾人联合会"));
        var finding = (await host.Client(ReviewUser.Auditor("审核员")).GetReviewAsync(id)).Findings()[0];

        // Units never triage (403, even on their own submission); another unit's document does not exist for them.
        await AssertUnitShutOutAsync(stranger, id, finding.GetProperty("id").GetInt64(), documentStatus: 404);
        await AssertUnitShutOutAsync(unbound, id, finding.GetProperty("id").GetInt64(), documentStatus: 404);
        await AssertUnitShutOutAsync(own, id, finding.GetProperty("id").GetInt64(), documentStatus: 200);
        var (byFingerprint, body) = await stranger.DecideAsync(id, finding.GetProperty("fingerprint").GetString()!, "confirmed");
        Api.AssertProblem(byFingerprint, body, 403, "forbidden");

        // Nothing was recorded.
        var review = await host.Client(ReviewUser.Auditor("审核员")).GetReviewAsync(id);
        Assert.Empty(review.History());
        Assert.False(review.GetProperty("reviewed").GetBoolean());
        // A unit sees its own document and where the findings are, but not the reviewers' decisions.
        await host.Client(ReviewUser.Auditor("审核员")).DecideAsync(id, finding.GetProperty("id").GetInt64(), "dismissed", "不适用");
        var ownDocument = await own.GetJsonAsync($"/api/submissions/{id}/document");
        Assert.True(ownDocument.GetProperty("available").GetBoolean());
        Assert.All(ownDocument.GetProperty("places").EnumerateArray(), p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("state").ValueKind));
        var auditorDocument = await host.Client(ReviewUser.Auditor("审核员")).GetJsonAsync($"/api/submissions/{id}/document");
        Assert.Equal("dismissed", auditorDocument.GetProperty("places").EnumerateArray()
            .Single(p => p.GetProperty("findingId").GetInt64() == finding.GetProperty("id").GetInt64()).GetProperty("state").GetString());

        // The handlers themselves scope by the viewer, whoever calls them.
        await using var scope = host.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var other = new Viewer("乙单位填报员", Roles.Unit, "汨罗市教育局");
        Assert.Null(await mediator.Send(new GetSubmissionReview.Query(id, other), TestContext.Current.CancellationToken));
        Assert.Null(await mediator.Send(new GetDocumentView.Query(id, other), TestContext.Current.CancellationToken));
        Assert.IsType<DecideFinding.NotFound>(await mediator.Send(
            new DecideFinding.Command(id, finding.GetProperty("id").GetInt64(), null, ReviewAction.Confirmed, null, other), TestContext.Current.CancellationToken));
        Assert.IsType<MarkReviewed.NotFound>(await mediator.Send(new MarkReviewed.Command(id, true, null, other), TestContext.Current.CancellationToken));
        Assert.NotNull(await mediator.Send(new GetSubmissionReview.Query(id, new Viewer("甲", Roles.Unit, "汨罗市残疾人联合会")), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_review_groups_every_finding_by_form_then_category_in_the_checkers_order()
    {
        var id = await host.UploadSeedAsync("grouping-unit");
        var auditor = host.Client(ReviewUser.Auditor("冯审核"));
        var bytes = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var expected = Evaluator.Check(bytes, Seed).Findings;

        var review = await auditor.GetReviewAsync(id);

        Assert.Equal(id, review.GetProperty("submission").GetProperty("id").GetGuid());
        Assert.Equal(expected.Count, review.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(expected.Count, expected.Select(f => f.Fingerprint).Distinct().Count());
        var forms = review.GetProperty("forms").EnumerateArray().ToList();
        Assert.Equal(
            ["basic-data", "department-self-eval", "project-self-eval", "department-report", "project-report"],
            forms.Select(f => f.GetProperty("form").GetString()));

        // Each finding once, under its form and category; within a group in the checker's order.
        var listed = review.Findings();
        Assert.Equal(expected.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), listed.Select(f => f.GetProperty("fingerprint").GetString()).Order(StringComparer.Ordinal));
        var order = expected.Select((f, i) => (f.Fingerprint, i)).ToDictionary(x => x.Fingerprint, x => x.i);
        foreach (var form in forms)
        {
            var categories = form.GetProperty("categories").EnumerateArray().ToList();
            Assert.Equal(categories.Count, categories.Select(c => c.GetProperty("category").GetString()).Distinct().Count());
            foreach (var category in categories)
            {
                var inGroup = category.GetProperty("findings").EnumerateArray().ToList();
                Assert.All(inGroup, f =>
                {
                    var source = expected[order[f.GetProperty("fingerprint").GetString()!]];
                    Assert.Equal(Features.Wire.Name(source.Form), form.GetProperty("form").GetString());
                    Assert.Equal(Features.Wire.Name(source.Category), category.GetProperty("category").GetString());
                    Assert.Equal(source.Rule, f.GetProperty("rule").GetString());
                    Assert.Equal(source.Message, f.GetProperty("message").GetString());
                });
                var positions = inGroup.Select(f => order[f.GetProperty("fingerprint").GetString()!]).ToList();
                Assert.Equal(positions.Order(), positions);
            }
        }

        var weights = listed.First(f => f.GetProperty("rule").GetString() == "score.level-weights");
        Assert.Equal(2, weights.GetProperty("location").GetProperty("table").GetInt32());
        Assert.Equal(12, weights.GetProperty("location").GetProperty("row").GetInt32());
        Assert.True(weights.GetProperty("related").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_document_view_draws_the_submission_and_places_every_finding()
    {
        var id = await host.UploadSeedAsync("document-unit");
        var auditor = host.Client(ReviewUser.Auditor("陈审核"));
        var review = await auditor.GetReviewAsync(id);
        var dismissed = review.Findings().First(f => f.GetProperty("rule").GetString() == "crossref.project-fund");
        await auditor.DecideAsync(id, dismissed.GetProperty("id").GetInt64(), "dismissed", "已核实");

        var view = await auditor.GetJsonAsync($"/api/submissions/{id}/document");

        Assert.True(view.GetProperty("available").GetBoolean());
        Assert.Equal("done", view.GetProperty("state").GetString());
        var html = Rendered.Parse(view.GetProperty("html").GetString()!);
        Assert.Equal(3, html.QuerySelectorAll("table[id]").Length);
        Assert.Equal(2, ((IHtmlTableCellElement)html.GetElementById("t1-r1-c1")!).RowSpan);
        var places = view.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(review.Findings().Select(f => f.GetProperty("id").GetInt64()).Order(), places.Select(p => p.GetProperty("findingId").GetInt64()).Order());
        foreach (var place in places)
        {
            var element = html.GetElementById(place.GetProperty("placeId").GetString()!);
            Assert.NotNull(element);
            Assert.Contains("flagged", element.ClassList);
            Assert.Contains(place.GetProperty("findingId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), element.GetAttribute("data-findings")!.Split(' '));
            Assert.All(place.GetProperty("relatedPlaceIds").EnumerateArray(), r => Assert.Contains("related", html.GetElementById(r.GetString()!)!.ClassList));
        }

        var crossref = places.Single(p => p.GetProperty("findingId").GetInt64() == dismissed.GetProperty("id").GetInt64());
        Assert.Equal("dismissed", crossref.GetProperty("state").GetString());
        Assert.Equal("t3-r4-c5", crossref.GetProperty("placeId").GetString());
        Assert.Equal(["t1-r14-c4"], crossref.GetProperty("relatedPlaceIds").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(html.QuerySelectorAll("p mark[data-findings]"));
    }

    [Fact]
    public async Task A_submission_that_failed_has_no_document_and_cannot_be_marked_reviewed()
    {
        var admin = host.Client(ReviewUser.Admin);
        var seed = await File.ReadAllBytesAsync(Api.Sample(Seed), TestContext.Current.CancellationToken);
        var (_, receipt) = await admin.UploadAsync(seed[..(seed.Length / 2)], "interrupted.docx", unit: "failed-unit");
        var id = Guid.Parse(receipt.GetProperty("id").GetString()!);
        Assert.Equal("failed", (await admin.WaitUntilFinishedAsync(id.ToString())).GetProperty("state").GetString());
        var auditor = host.Client(ReviewUser.Auditor("褚审核"));

        var review = await auditor.GetReviewAsync(id);
        var view = await auditor.GetJsonAsync($"/api/submissions/{id}/document");
        var (marked, markedBody) = await auditor.MarkReviewedAsync(id);
        var (unmarked, unmarkedBody) = await auditor.UnmarkReviewedAsync(id);

        Assert.Empty(review.GetProperty("forms").EnumerateArray());
        Assert.Equal(0, review.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.False(view.GetProperty("available").GetBoolean());
        Assert.Equal("failed", view.GetProperty("state").GetString());
        Assert.Equal(string.Empty, view.GetProperty("html").GetString());
        Api.AssertProblem(marked, markedBody, 409, ReviewErrorCodes.NotDone);
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        Assert.False(unmarkedBody.GetProperty("changed").GetBoolean());
        Assert.Empty((await auditor.GetReviewAsync(id)).History());
    }

    [Fact]
    public async Task Without_a_sign_in_every_review_endpoint_answers_401()
    {
        var id = await host.UploadSeedAsync("anonymous-unit");
        var anonymous = host.AnonymousClient();

        using var review = await anonymous.GetAsync(new Uri($"/api/submissions/{id}/review", UriKind.Relative), TestContext.Current.CancellationToken);
        var (response, body) = await anonymous.DecideAsync(id, 1, "confirmed");

        Api.AssertProblem(review, await review.ReadJsonAsync(), 401, "unauthenticated");
        Api.AssertProblem(response, body, 401, "unauthenticated");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_review_endpoints_with_chinese_summaries()
    {
        var document = await host.Client(ReviewUser.Admin).GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/submissions/{id}/review", "get"),
            ("/api/submissions/{id}/document", "get"),
            ("/api/submissions/{id}/findings/{findingId}/decision", "post"),
            ("/api/submissions/{id}/reviewed", "post"),
            ("/api/submissions/{id}/reviewed", "delete"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            Assert.True(Api.HasChinese(item.GetProperty(method).GetProperty("summary").GetString()), $"{method} {path}");
        }
    }

    private static async Task AssertUnitShutOutAsync(HttpClient client, Guid id, long finding, int documentStatus)
    {
        using (var review = await client.GetAsync(new Uri($"/api/submissions/{id}/review", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Api.AssertProblem(review, await review.ReadJsonAsync(), 403, "forbidden");
        }

        using (var document = await client.GetAsync(new Uri($"/api/submissions/{id}/document", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(documentStatus, (int)document.StatusCode);
        }

        var (decision, decisionBody) = await client.DecideAsync(id, finding, "dismissed", "说明");
        Api.AssertProblem(decision, decisionBody, 403, "forbidden");
        var (marked, markedBody) = await client.MarkReviewedAsync(id);
        Api.AssertProblem(marked, markedBody, 403, "forbidden");
    }

    private static async Task AssertNotFoundAsync(HttpClient client, Guid id, long finding)
    {
        using (var review = await client.GetAsync(new Uri($"/api/submissions/{id}/review", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Api.AssertProblem(review, await review.ReadJsonAsync(), 404, "not-found");
        }

        using (var document = await client.GetAsync(new Uri($"/api/submissions/{id}/document", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Api.AssertProblem(document, await document.ReadJsonAsync(), 404, "not-found");
        }

        var (decision, decisionBody) = await client.DecideAsync(id, finding, "dismissed", "说明");
        Api.AssertProblem(decision, decisionBody, 404, "not-found");
        var (marked, markedBody) = await client.MarkReviewedAsync(id);
        Api.AssertProblem(marked, markedBody, 404, "not-found");
        var (unmarked, unmarkedBody) = await client.UnmarkReviewedAsync(id);
        Api.AssertProblem(unmarked, unmarkedBody, 404, "not-found");
    }
}
