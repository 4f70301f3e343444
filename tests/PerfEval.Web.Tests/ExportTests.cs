using System.Net;
using System.Net.Http.Headers;
using PerfEval.Web.Features.Exports;
using static PerfEval.Web.Tests.StatisticsSeed;

namespace PerfEval.Web.Tests;

/// <summary>The exports of the seeded year on SQLite.</summary>
public sealed class SqliteExportTests(StatisticsFixture<ServiceFactory> fixture)
    : ExportTests<ServiceFactory>(fixture), IClassFixture<StatisticsFixture<ServiceFactory>>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresExportTests(StatisticsFixture<PostgresServiceFactory> fixture)
    : ExportTests<PostgresServiceFactory>(fixture), IClassFixture<StatisticsFixture<PostgresServiceFactory>>;

/// <summary>
/// <c>/api/statistics/export</c> and <c>/api/findings/export</c>, read back with CsvHelper and the Open XML SDK and
/// compared with the figures worked out by hand from <see cref="StatisticsSeed"/>.
/// </summary>
public abstract class ExportTests<TFactory>(StatisticsFixture<TFactory> fixture)
    where TFactory : ServiceFactory, new()
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] FindingColumns =
        ["单位", "年度", "版本", "表单", "表单名称", "规则", "规则说明", "类别", "严重程度", "问题说明", "位置", "原文摘录", "期望值", "实际值"];

    private static readonly string[] UnitColumns =
        ["单位", "在单位名录中", "最新版本", "版本数", "状态", "全年预算数（万元）", "全年执行数（万元）", "执行率", "自评得分", "等级", "错误", "警告", "问题总数", "已审核", "报送编号"];

    private readonly TFactory factory = fixture.Factory;

    [Fact]
    public async Task Statistics_csv_is_utf8_with_bom_with_a_summary_and_a_row_per_unit()
    {
        factory.SkipUnlessAvailable();
        var (response, bytes) = await DownloadAsync($"/api/statistics/export?year={Year}&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, "2023年度预算绩效自评统计.csv", "perfeval-statistics-2023.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = ExportReading.Csv(bytes);
        Assert.Equal(["汇总"], rows[0]);
        var split = rows.FindIndex(r => r is ["分单位"]);
        Assert.True(split > 0);
        var summary = rows[1..split].Where(r => r.Length >= 2).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        Assert.Equal("4", summary["应报单位数（单位名录）"]);
        Assert.Equal("4", summary["已报送单位数"]);
        Assert.Equal("1", summary["未报送单位数"]);
        Assert.Equal("5", summary["报送份数（含各版本）"]);
        Assert.Equal("3", summary["其中：已完成"]);
        Assert.Equal("250.75", summary["全年预算数合计（万元）"]);
        Assert.Equal("220.5375", summary["全年执行数合计（万元）"]);
        Assert.Equal("87.95%", summary["总体执行率"]);
        Assert.Equal("75.25", summary["平均得分"]);
        Assert.Equal("1", summary["等级为“优”的单位数"]);
        Assert.Equal("6", summary["检查问题总数"]);
        Assert.Equal("1", summary["95%–100%"]);
        Assert.Equal("1", summary["60%–80%"]);
        Assert.Equal(Dongtinghu, rows[rows.FindIndex(r => r is ["未报送单位"]) + 1][0]);

        Assert.Equal(UnitColumns, rows[split + 1]);
        var units = rows[(split + 2)..].ToDictionary(r => r[0]);
        Assert.Equal(4, units.Count);
        Assert.Equal(
            ["是", "2", "2", "已完成", "200.25", "190.2375", "95.00%", "92.5", "优", "1", "1", "2", "是", AnxiangV2.ToString()],
            units[Anxiang][1..]);
        Assert.Equal(["是", "1", "1", "处理失败", "", "", "", "", "", "0", "0", "0", "否", ChenglingjiV1.ToString()], units[Chenglingji][1..]);
        Assert.Equal("60.00%", units[Beihu][7]);
    }

    [Fact]
    public async Task Statistics_xlsx_has_a_summary_sheet_and_a_unit_sheet_with_the_same_figures()
    {
        factory.SkipUnlessAvailable();
        var (response, bytes) = await DownloadAsync($"/api/statistics/export?year={Year}&format=xlsx");

        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, "2023年度预算绩效自评统计.xlsx", "perfeval-statistics-2023.xlsx");
        Assert.Empty(ExportReading.Validate(bytes));
        var sheets = ExportReading.Xlsx(bytes);
        Assert.Equal(["汇总", "分单位"], sheets.Select(s => s.Name));

        var summary = sheets[0].Rows.Where(r => r.Length >= 2 && r[0] is not null && r[1] is not null)
            .GroupBy(r => r[0]!.Text!).ToDictionary(g => g.Key, g => g.First()[1]!);
        Assert.Equal(4m, summary["应报单位数（单位名录）"].Number);
        Assert.Equal(250.75m, summary["全年预算数合计（万元）"].Number);
        Assert.Equal(220.5375m, summary["全年执行数合计（万元）"].Number);
        Assert.Equal(4u, ExportReading.NumberFormatOf(bytes, summary["全年预算数合计（万元）"].Style));
        var rate = summary["总体执行率"];
        Assert.True(rate.IsNumber);
        Assert.Equal(0.879511m, rate.Number);
        Assert.Equal(10u, ExportReading.NumberFormatOf(bytes, rate.Style)); // 0.00%
        Assert.Equal(75.25m, summary["得分中位数"].Number);

        var unitRows = sheets[1].Rows;
        Assert.Equal(UnitColumns, unitRows[0].Select(c => c!.Text));
        Assert.True(ExportReading.HasFrozenHeaderAndFilter(bytes, "分单位"));
        var anxiang = unitRows.Single(r => r[0]!.Text == Anxiang);
        Assert.Equal(200.25m, anxiang[5]!.Number);
        Assert.Equal(190.2375m, anxiang[6]!.Number);
        Assert.Equal(0.95m, anxiang[7]!.Number);
        Assert.Equal(92.5m, anxiang[8]!.Number);
        Assert.Equal("优", anxiang[9]!.Text);
        Assert.Equal(1m, anxiang[10]!.Number);
        var failed = unitRows.Single(r => r[0]!.Text == Chenglingji);
        Assert.Null(failed[5]);
        Assert.Equal("处理失败", failed[4]!.Text);
        Assert.Equal(5, unitRows.Count);
    }

    [Fact]
    public async Task Findings_csv_has_a_row_per_finding_of_the_latest_versions()
    {
        factory.SkipUnlessAvailable();
        var (response, bytes) = await DownloadAsync($"/api/findings/export?year={Year}&format=csv");

        AssertAttachment(response, "2023年度自评检查问题清单.csv", "perfeval-findings-2023.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ExportReading.Csv(bytes);
        Assert.Equal(FindingColumns, rows[0]);
        var findings = rows[1..];
        Assert.Equal(6, findings.Count);
        Assert.Equal(2, findings.Count(r => r[0] == Anxiang));
        Assert.All(findings.Where(r => r[0] == Anxiang), r => Assert.Equal("2", r[2]));
        Assert.DoesNotContain(findings, r => r[5] is "missing.indicator-value" or "score.score-total");

        var weights = findings.Single(r => r[5] == "score.level-weights");
        Assert.Equal(
            [Anxiang, "2023", "2", "部门整体支出绩效自评表", "", "score.level-weights", "一级指标下分值之和与标注分值不符", "分值得分", "错误",
             "score.level-weights 的测试问题", "表2 第12行 第2列", "", "30", "36"],
            weights);
        var reason = findings.Single(r => r[5] == "missing.deviation-reason");
        Assert.Equal(("部门整体支出绩效自评报告", "填报缺漏", "警告", "第15段"), (reason[3], reason[7], reason[8], reason[10]));
        Assert.Equal("提示", findings.Single(r => r[5] == "rate.execution")[8]);
        // Each unit's findings in the checker's order.
        Assert.Equal(["total.fund-parts", "total.fund-parts", "crossref.report-score", "rate.execution"], findings.Where(r => r[0] == Beihu).Select(r => r[5]));
    }

    [Theory]
    [InlineData("unit=" + Beihu, 4)]
    [InlineData("unit=" + Dongtinghu, 0)]
    [InlineData("category=total", 2)]
    [InlineData("severity=warning", 1)]
    [InlineData("category=score&severity=error", 1)]
    [InlineData("category=SCORE&severity=Error", 1)]
    [InlineData("category=structure", 0)]
    public async Task Findings_export_filters_by_unit_category_and_severity(string filter, int count)
    {
        factory.SkipUnlessAvailable();
        var (_, csv) = await DownloadAsync($"/api/findings/export?year={Year}&format=csv&{filter}");
        var (_, xlsx) = await DownloadAsync($"/api/findings/export?year={Year}&{filter}");

        Assert.Equal(count, ExportReading.Csv(csv).Count - 1);
        Assert.Equal(count, ExportReading.Xlsx(xlsx).Single().Rows.Count - 1);
    }

    [Fact]
    public async Task Findings_xlsx_has_the_same_rows_with_numbers_as_numbers()
    {
        factory.SkipUnlessAvailable();
        var (response, bytes) = await DownloadAsync($"/api/findings/export?year={Year}&format=xlsx");

        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, "2023年度自评检查问题清单.xlsx", "perfeval-findings-2023.xlsx");
        Assert.Empty(ExportReading.Validate(bytes));
        var (name, rows) = Assert.Single(ExportReading.Xlsx(bytes));
        Assert.Equal("问题清单", name);
        Assert.Equal(FindingColumns, rows[0].Select(c => c!.Text));
        Assert.True(ExportReading.HasFrozenHeaderAndFilter(bytes, "问题清单"));
        Assert.Equal(7, rows.Count);
        var weights = rows.Single(r => r[5]?.Text == "score.level-weights");
        Assert.Equal(2023m, weights[1]!.Number);
        Assert.Equal("表2 第12行 第2列", weights[10]!.Text);
        Assert.True(weights[12]!.IsNumber);
        Assert.Equal(30m, weights[12]!.Number);
        Assert.Equal(36m, weights[13]!.Number);
    }

    [Fact]
    public async Task Text_that_would_run_as_a_formula_is_defused_in_csv_and_stays_plain_text_in_xlsx()
    {
        factory.SkipUnlessAvailable();
        var (_, csv) = await DownloadAsync($"/api/findings/export?year={Year}&format=csv&unit={Beihu}");
        var (_, xlsx) = await DownloadAsync($"/api/findings/export?year={Year}&format=xlsx&unit={Beihu}");
        var (_, statistics) = await DownloadAsync($"/api/statistics/export?year={Year}&format=csv");

        var rows = ExportReading.Csv(csv);
        var crossref = rows.Single(r => r[5] == "crossref.report-score");
        Assert.Equal("'" + FormulaMessage, crossref[9]);
        Assert.Equal("'" + FormulaExcerpt, crossref[11]);
        var negative = rows.Single(r => r[4] == "'" + FormulaFormName);
        Assert.Equal("-12.5", negative[12]); // a number, not text: left as it is
        Assert.Contains(ExportReading.Csv(statistics), r => r.Length > 0 && r[0] == "'" + Unregistered);
        Assert.DoesNotContain(ExportReading.Csv(statistics), r => r.Length > 0 && r[0] == Unregistered);

        var cells = ExportReading.Xlsx(xlsx).Single().Rows;
        var row = cells.Single(r => r[5]?.Text == "crossref.report-score");
        Assert.Equal(FormulaMessage, row[9]!.Text);
        Assert.Equal(FormulaExcerpt, row[11]!.Text);
        Assert.All(cells.SelectMany(r => r), c => Assert.False(c?.IsFormula ?? false));
    }

    [Theory]
    [InlineData("/api/statistics/export?format=csv", "invalid-year")]
    [InlineData("/api/statistics/export?year=20x3", "invalid-year")]
    [InlineData("/api/statistics/export?year=2023&format=pdf", "invalid-field")]
    [InlineData("/api/findings/export?format=xlsx", "invalid-year")]
    [InlineData("/api/findings/export?year=2023&format=json", "invalid-field")]
    [InlineData("/api/findings/export?year=2023&category=typo", "invalid-field")]
    [InlineData("/api/findings/export?year=2023&severity=fatal", "invalid-field")]
    public async Task A_bad_export_request_is_a_400_problem_in_chinese(string url, string code)
    {
        factory.SkipUnlessAvailable();
        using var response = await (await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance)).GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Api.AssertProblem(response, await response.ReadJsonAsync(), (int)HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_run_from_a_to_z_then_aa(int index, string name) => Assert.Equal(name, XlsxExport.ColumnName(index));

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string url)
    {
        var response = await (await factory.ClientAsync(PerfEval.Web.Auth.Roles.Finance)).GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return (response, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static void AssertAttachment(HttpResponseMessage response, string fileName, string asciiFileName)
    {
        var disposition = response.Content.Headers.ContentDisposition ?? ContentDispositionHeaderValue.Parse("inline");
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar);
        Assert.Equal(asciiFileName, disposition.FileName); // for clients that do not read filename*
    }
}
