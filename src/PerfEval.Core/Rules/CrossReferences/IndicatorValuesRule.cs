using PerfEval.Core.Forms;
using PerfEval.Core.Text;
using PerfEval.Core.Values;

namespace PerfEval.Core.Rules.CrossReferences;

/// <summary>
/// An indicator's figures stated in two places: the same indicator in the department table and in a project
/// table with different targets or actuals; a report sentence that names the indicator's task and states another
/// figure than the table's 实际完成值 ("困难残疾人家庭无障碍改造150户" against a table's 15户). Indicators are matched by
/// their names (numbering dropped; equal, or one containing the other, or bigram similarity ≥ 0.6) and by unit.
/// </summary>
internal sealed class IndicatorValuesRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("crossref.indicator-values", RuleCategory.CrossReference, Severity.Warning, "同一指标在不同位置数值不一致");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        var tables = submission.OfType<SelfEvalForm>().ToList();
        var dept = tables.FirstOrDefault(t => t.Kind == FormKind.DepartmentSelfEval);
        if (dept is not null)
        {
            foreach (var project in tables.Where(t => t.Kind == FormKind.ProjectSelfEval))
            {
                foreach (var p in project.Indicators)
                {
                    var key = RuleText.IndicatorKey(p.Name);
                    var d = dept.Indicators.FirstOrDefault(x => key.Length >= 3 && RuleText.IndicatorKey(x.Name) == key);
                    if (d is null)
                    {
                        continue;
                    }

                    foreach (var (name, pf, df) in new[] { ("年度指标值", p.Target, d.Target), ("实际完成值", p.Actual, d.Actual) })
                    {
                        if (Comparable(pf.Value, df.Value) && pf.Value.BaseValue != df.Value.BaseValue)
                        {
                            yield return Descriptor.Make(
                                project,
                                pf.At,
                                $"“{p.Name}”{name}在项目自评表中为 {pf.Value.Raw}，在部门整体支出绩效自评表中为 {df.Value.Raw}。/ The project table and the department table disagree.",
                                df.Value.Number,
                                pf.Value.Number,
                                df.At is null ? null : [new RelatedPlace(dept.Kind, df.At)]);
                        }
                    }
                }
            }
        }

        var indicatorKeys = new Dictionary<SelfEvalForm, string[]>(ReferenceEqualityComparer.Instance);
        foreach (var report in submission.OfType<ReportForm>())
        {
            var table = Matching.TableFor(submission, report);
            var candidates = table is null ? tables : [table];
            foreach (var claim in report.Claims.Where(c => c.Kind == ClaimKind.Count && c.Value.Comparator == Comparator.Equal && c.PartOf is null && c.Parts.Count == 0))
            {
                var label = TextNormalizer.Key(claim.Label);
                if (label.Length < 3 || label.IndexOfAny(['和', '及', '与', '、', '或']) >= 0)
                {
                    continue; // "日间照料和居家托养150人" counts two indicators at once
                }

                foreach (var form in candidates)
                {
                    var keys = indicatorKeys.TryGetValue(form, out var k) ? k : indicatorKeys[form] = form.Indicators.Select(i => RuleText.IndicatorKey(i.Name)).ToArray();
                    var index = Enumerable.Range(0, keys.Length).FirstOrDefault(n => Names(label, keys[n]), -1);
                    if (index < 0)
                    {
                        continue;
                    }

                    // "“X”年度指标值10人" states the target; otherwise a report states what was achieved. The words are
                    // looked for outside the indicator's own name ("营养改善计划受益学生" is no target).
                    var rest = label.Replace(keys[index], string.Empty, StringComparison.Ordinal);
                    var aboutTarget = TargetWords.Any(w => rest.Contains(w, StringComparison.Ordinal));
                    var match = form.Indicators[index];
                    if (!Comparable(Pick(match, aboutTarget).Value, claim.Value) || Pick(match, aboutTarget).Value.BaseValue == claim.Value.BaseValue)
                    {
                        break;
                    }

                    var stated = Pick(match, aboutTarget);

                    yield return Descriptor.Make(
                        report,
                        claim.At,
                        $"报告称“{claim.Label}{claim.Value.Raw}”，但{KindName(form)}中“{match.Name}”{(aboutTarget ? "年度指标值" : "实际完成值")}为 {stated.Value.Raw}。/ The report and the table disagree.",
                        stated.Value.Number,
                        claim.Value.Number,
                        stated.At is null ? null : [new RelatedPlace(form.Kind, stated.At)]);
                    break;
                }
            }
        }
    }

    private static readonly string[] TargetWords = ["指标值", "目标", "计划"];

    private static Field Pick(Indicator indicator, bool target) => target ? indicator.Target : indicator.Actual;

    private static bool Comparable(Measure a, Measure b) =>
        a.HasNumber && b.HasNumber && a.Comparator == Comparator.Equal && b.Comparator == Comparator.Equal && a.Scale.BaseUnit is not null && a.Scale.BaseUnit == b.Scale.BaseUnit;

    private static bool Names(string label, string indicator) =>
        indicator.Length >= 3 && (label.Contains(indicator, StringComparison.Ordinal) || (label.Length >= 4 && indicator.Contains(label, StringComparison.Ordinal)) || RuleText.Similarity(label, indicator) >= 0.6);

    private static string KindName(SelfEvalForm form) => form.Kind == FormKind.DepartmentSelfEval ? "部门整体支出绩效自评表" : $"“{form.Name}”项目自评表";
}
