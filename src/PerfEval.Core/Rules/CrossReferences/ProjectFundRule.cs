using PerfEval.Core.Forms;
using PerfEval.Core.Text;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.CrossReferences;

/// <summary>
/// A project's fund, stated in three places: the 项目支出绩效自评表 (年度资金总额 全年预算数 / 全年执行数), its
/// special-fund line in the 基础数据表 (the year's 预算数 / 决算数), and the project report's sentences that name the
/// project's whole fund ("投入残疾人就业保障金共计221万元", "本次绩效评价的资金221万元", "预算安排…221万元",
/// "实际支出221万元"). Each pair that disagrees is a finding naming both places.
/// </summary>
internal sealed class ProjectFundRule : IRule
{
    private static readonly string[] WholeFundWords = ["评价的资金", "资金总额", "总投入", "预算安排", "实际支出", "已支付", "实际使用"];
    private static readonly string[] ExecutionWords = ["支出", "支付", "使用", "执行", "拨付"];

    public RuleDescriptor Descriptor { get; } = new("crossref.project-fund", RuleCategory.CrossReference, Severity.Error, "项目资金在不同表格/报告中不一致");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        var basic = submission.OfType<BasicDataForm>().FirstOrDefault();
        foreach (var project in submission.OfType<SelfEvalForm>().Where(f => f.Kind == FormKind.ProjectSelfEval && f.Name is not null))
        {
            var total = project.Funds.FirstOrDefault(f => f.Depth == 0);
            if (total is null)
            {
                continue;
            }

            var key = TextNormalizer.Key(project.Name!);
            if (basic is not null && basic.FundRows.FirstOrDefault(r => r.Group == FundGroup.Project && TextNormalizer.Key(r.Label) == key) is { } line)
            {
                var (budgetColumn, finalColumn) = YearColumns.Find(basic, submission.Year);
                foreach (var (name, tableField, column) in new[] { ("全年预算数", total.AdjustedBudget, budgetColumn), ("全年执行数", total.Executed, finalColumn) })
                {
                    if (column < 0 || column >= line.Values.Count || !tableField.Value.HasNumber || !line.Values[column].Value.HasNumber)
                    {
                        continue;
                    }

                    var other = line.Values[column];
                    if (PartsOverlap(tableField.Value, other.Value))
                    {
                        continue;
                    }

                    yield return Descriptor.Make(
                        project,
                        tableField.At,
                        $"“{project.Name}”项目自评表{name}为 {tableField.Value.Raw}，基础数据表“{basic.YearColumns[column]}”为 {other.Value.Raw}，两处不一致。/ The project table and the basic-data table disagree.",
                        other.Value.Number,
                        tableField.Value.Number,
                        other.At is null ? null : [new RelatedPlace(FormKind.BasicData, other.At)]);
                }
            }

            if (Matching.ReportFor(submission, project) is not { } report)
            {
                continue;
            }

            foreach (var claim in report.Claims.Where(c => c.Kind == ClaimKind.Amount && c.PartOf is null && c.Value.Comparator == Comparator.Equal && !c.IsChange && (c.Year is null || submission.Year is null || c.Year == submission.Year)))
            {
                var label = TextNormalizer.Key(claim.Label);
                if (!label.Contains(key, StringComparison.Ordinal) && !WholeFundWords.Any(w => label.Contains(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                // Which figure of the fund row the sentence names: 年初预算数, 全年预算数 (预算, 安排, 投入) or 全年执行数.
                var unit = project.AmountUnit ?? "万元";
                var (field, column) = label.Contains("年初", StringComparison.Ordinal) ? (total.InitialBudget, "年初预算数")
                    : ExecutionWords.Any(w => label.Contains(w, StringComparison.Ordinal)) && !label.Contains("预算", StringComparison.Ordinal) ? (total.Executed, "全年执行数")
                    : label.Contains("预算", StringComparison.Ordinal) || label.Contains("安排", StringComparison.Ordinal) ? (total.AdjustedBudget, "全年预算数")
                    : (Field.Missing, string.Empty);
                if (field == Field.Missing)
                {
                    // A sentence that only names the project may state any of its fund figures.
                    var any = new[] { total.InitialBudget, total.AdjustedBudget, total.Executed }.Where(f => f.Value.HasNumber).ToList();
                    if (any.Count == 0 || any.Any(f => PartsOverlap(Amounts.InUnit(f.Value, unit), claim.Value)))
                    {
                        continue;
                    }

                    (field, column) = (total.AdjustedBudget.Value.HasNumber ? total.AdjustedBudget : any[0], total.AdjustedBudget.Value.HasNumber ? "全年预算数" : "资金");
                }
                else if (!field.Value.HasNumber || PartsOverlap(Amounts.InUnit(field.Value, unit), claim.Value))
                {
                    continue;
                }

                yield return Descriptor.Make(
                    report,
                    claim.At,
                    $"报告称“{claim.Label}{claim.Value.Raw}”，但“{project.Name}”项目自评表{column}为 {field.Value.Raw}{Unit(project)}。/ The report's amount differs from the project table.",
                    field.Value.Number,
                    claim.Value.Number,
                    field.At is null ? null : [new RelatedPlace(project.Kind, field.At)]);
            }
        }
    }

    private static string Unit(SelfEvalForm form) => form.AmountUnit ?? "万元";

    /// <summary>A table figure (in the table's unit) and a report figure (with its own unit) may be the same amount.</summary>
    internal static bool PartsOverlap(Measure a, Measure b)
    {
        var d = Approx.Finest([a, b]);
        return Approx.Of(a, d).Overlaps(Approx.Of(b, d));
    }
}

/// <summary>Table amounts carry their unit in the header ("(万元)"); these forms use 万元 when it is not stated.</summary>
internal static class Amounts
{
    public static Measure InUnit(Measure m, string? unit) => m.Unit is null && m.HasNumber ? m with { Unit = unit ?? "万元" } : m;
}

/// <summary>The year columns of a 基础数据表 that hold the evaluated year's budget and final accounts.</summary>
internal static class YearColumns
{
    public static (int Budget, int Final) Find(BasicDataForm basic, int? year)
    {
        int budget = -1, final = -1;
        for (var i = 0; i < basic.YearColumns.Count; i++)
        {
            var key = TextNormalizer.Key(basic.YearColumns[i]);
            var sameYear = year is null || key.Contains(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (!sameYear)
            {
                continue;
            }

            if (key.Contains("决算", StringComparison.Ordinal) || key.Contains("执行", StringComparison.Ordinal))
            {
                final = i;
            }
            else if (key.Contains("预算", StringComparison.Ordinal))
            {
                budget = i;
            }
        }

        return (budget, final);
    }
}
