using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules.Scores;

/// <summary>
/// The 分值 of the indicators under a 一级指标 add up to the weight its header states, as in 产出指标(30分).
/// Weights are exact: 36 under a stated 30 is six points too many, however the figures are written.
/// </summary>
internal sealed class LevelWeightsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("score.level-weights", RuleCategory.Score, Severity.Error, "一级指标下分值之和与标注分值不符");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var form in submission.OfType<SelfEvalForm>())
        {
            foreach (var level in form.LevelWeights)
            {
                var rows = form.Indicators.Where(i => i.Level1 == level.Level1).ToList();
                if (rows.Count == 0 || rows.All(r => !r.Weight.Value.HasNumber))
                {
                    continue;
                }

                var sum = ScoreSums.Sum(rows.Select(r => r.Weight));
                if (sum == level.Weight)
                {
                    continue;
                }

                yield return Descriptor.Make(
                    form,
                    level.At,
                    $"{level.Level1}标注为 {FindingBuilder.F(level.Weight)} 分，但其下 {rows.Count} 项指标的分值合计为 {FindingBuilder.F(sum)} 分（{(sum > level.Weight ? "多" : "少")} {FindingBuilder.F(Math.Abs(sum - level.Weight))} 分）。/ The indicator weights add up to {FindingBuilder.F(sum)}, not the stated {FindingBuilder.F(level.Weight)}.",
                    level.Weight,
                    sum,
                    rows.Where(r => r.Weight.At is not null).Select(r => new RelatedPlace(form.Kind, r.Weight.At!)));
            }
        }
    }
}
