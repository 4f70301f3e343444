using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Missing;

namespace PerfEval.Core.Tests.Rules.Missing;

public sealed class UnmeasurableTargetRuleTests
{
    private static SelfEvalForm Row(string target) =>
        Build.DepartmentTable().Level("满意度指标").Indicator("服务对象满意度指标", "1：残疾人满意度", target, "96%", "10", "10").Form;

    [Theory]
    [InlineData("服务对象满意度")]
    [InlineData("预算执行率")]
    [InlineData("项目完成情况")]
    public void Warns_when_the_target_names_an_indicator(string target)
    {
        var f = Check.Single<UnmeasurableTargetRule>(Row(target));

        f.Is("missing.unmeasurable-target", Severity.Warning);
        f.AtCell(FormKind.DepartmentSelfEval, table: 2, row: 20, column: IndicatorColumn.Target);
        f.Figures(expected: null, actual: null);
        f.Says($"年度指标值填为“{target}”", "不是可衡量的目标值");
    }

    [Theory]
    [InlineData("≥95%")]
    [InlineData("明显改善")]
    [InlineData("长期")]
    [InlineData("无")]
    [InlineData("")]
    [InlineData("逐步提高残疾人康复服务满意度和获得感程度")]
    public void Is_silent_on_measurable_or_qualitative_targets(string target) => Check.Silent<UnmeasurableTargetRule>(Row(target));
}
