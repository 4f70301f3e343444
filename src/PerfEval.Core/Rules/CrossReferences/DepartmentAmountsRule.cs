using PerfEval.Core.Forms;
using PerfEval.Core.Text;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.CrossReferences;

/// <summary>
/// The department's amounts stated in the tables and again in the department report: 基本支出 and 项目支出 of the
/// 部门整体支出绩效自评表, and “三公”经费, 公用经费 and 项目支出 of the 基础数据表 (the year's 决算数), against the report's
/// sentences that name the same quantity ("本单位2023年度基本支出353.08万元", "公用经费46.74万元").
/// </summary>
internal sealed class DepartmentAmountsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("crossref.department-amounts", RuleCategory.CrossReference, Severity.Error, "部门支出金额在表格与报告中不一致");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        var report = submission.OfType<ReportForm>().FirstOrDefault(r => r.Kind == FormKind.DepartmentReport);
        if (report is null)
        {
            return [];
        }

        var stated = new List<(string Key, string Name, Form Form, Field Field, string Unit)>();
        if (submission.OfType<SelfEvalForm>().FirstOrDefault(f => f.Kind == FormKind.DepartmentSelfEval) is { } dept)
        {
            foreach (var item in dept.Breakdown.Where(b => !b.IsHead && b.Side == BreakdownSide.Expenditure && b.Amount.Value.HasNumber))
            {
                stated.Add((TextNormalizer.Key(item.Label), $"部门整体支出绩效自评表“{item.Label}”", dept, item.Amount, dept.AmountUnit ?? "万元"));
            }
        }

        if (submission.OfType<BasicDataForm>().FirstOrDefault() is { } basic)
        {
            var (_, final) = YearColumns.Find(basic, submission.Year);
            foreach (var row in basic.FundRows.Where(r => r.Depth == 0 && r.Group != FundGroup.Other))
            {
                if (final >= 0 && final < row.Values.Count && row.Values[final].Value.HasNumber)
                {
                    var key = row.Group switch { FundGroup.ThreePublic => "三公经费", FundGroup.PublicFunds => "公用经费", _ => "项目支出" };
                    stated.Add((key, $"基础数据表“{row.Label.TrimEnd('：', ':')}”{basic.YearColumns[final]}", basic, row.Values[final], basic.AmountUnit ?? "万元"));
                }
            }
        }

        return Compare(report, stated, submission.Year);
    }

    private IEnumerable<Finding> Compare(ReportForm report, List<(string Key, string Name, Form Form, Field Field, string Unit)> stated, int? year)
    {
        foreach (var claim in report.Claims.Where(c => c.Kind == ClaimKind.Amount && c.Value.Comparator == Comparator.Equal && !c.IsChange && (c.Year is null || year is null || c.Year == year)))
        {
            var label = TextNormalizer.Key(claim.Label);
            foreach (var (key, name, form, field, unit) in stated)
            {
                if (!Names(label, key))
                {
                    continue;
                }

                if (ProjectFundRule.PartsOverlap(Amounts.InUnit(field.Value, unit), claim.Value))
                {
                    continue;
                }

                yield return Descriptor.Make(
                    report,
                    claim.At,
                    $"报告称“{claim.Label}{claim.Value.Raw}”，但{name}为 {field.Value.Raw}{unit}。/ The report and the table disagree.",
                    field.Value.Number,
                    claim.Value.Number,
                    field.At is null ? null : [new RelatedPlace(form.Kind, field.At)]);
            }
        }
    }

    /// <summary>"项目支出", "“三公”经费总支出" name the quantity; "财政拨款项目支出" names only a part of it.</summary>
    private static bool Names(string label, string key) =>
        label == key || (label.StartsWith(key, StringComparison.Ordinal) && label.Length - key.Length <= 3) || label == key + "总支出";
}
