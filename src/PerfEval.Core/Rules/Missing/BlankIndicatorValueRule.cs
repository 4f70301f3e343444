using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Missing;

/// <summary>
/// An indicator row left incomplete: 年度指标值 or 实际完成值 blank (or written once in a cell merged over both, so
/// no actual is reported), 分值 or 得分 blank. Blank scores change the totals, so those are errors; blank targets
/// and actuals make the indicator unverifiable.
/// </summary>
internal sealed class BlankIndicatorValueRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("missing.indicator-value", RuleCategory.Missing, Severity.Warning, "指标值、分值或得分未填写");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var i in form.Indicators.Where(i => i.Name.Length > 0))
            {
                if (i.Target.Value.IsBlank && i.Actual.Value.IsBlank)
                {
                    yield return Descriptor.Make(form, i.Target.At ?? i.At, $"“{i.Name}”的年度指标值和实际完成值均未填写。/ Target and actual missing.");
                }
                else if (i.Target.Value.IsBlank)
                {
                    yield return Descriptor.Make(form, i.Target.At ?? i.At, $"“{i.Name}”未填写年度指标值。/ Target missing.");
                }

                if (i.TargetAndActualMerged || (i.Target.Value.IsBlank && i.Actual.Value.IsBlank))
                {
                    if (i.TargetAndActualMerged)
                    {
                        yield return Descriptor.Make(form, i.Target.At ?? i.At, $"“{i.Name}”的年度指标值与实际完成值合并为一格（{i.Target.Value.Raw}），未单独填写实际完成值。/ Target and actual share one merged cell.");
                    }
                }
                else if (i.Actual.Value.IsBlank)
                {
                    yield return Descriptor.Make(form, i.Actual.At ?? i.At, $"“{i.Name}”未填写实际完成值。/ Actual missing.");
                }

                if (i.Weight.Value.IsBlank)
                {
                    yield return Descriptor.Make(form, i.Weight.At ?? i.At, $"“{i.Name}”未填写分值。/ Weight missing.", severity: Severity.Error);
                }

                if (i.Score.Value.IsBlank)
                {
                    yield return Descriptor.Make(form, i.Score.At ?? i.At, $"“{i.Name}”未填写得分。/ Score missing.", severity: Severity.Error);
                }
            }
        }
    }
}
