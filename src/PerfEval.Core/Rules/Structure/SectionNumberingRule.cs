using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules.Structure;

/// <summary>
/// Section numbers run 1, 2, 3 … within their parent and numbering style: a skip (七 then 九), a repeat (四 twice) or
/// a list that starts elsewhere than 1 ("（3）" as the third subsection after （一）（二）) is a finding — a reviewer
/// reads it as a missing or misplaced section.
/// </summary>
internal sealed class SectionNumberingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("structure.numbering", RuleCategory.Structure, Severity.Error, "章节序号跳号或重复");

    public IEnumerable<Finding> Evaluate(Submission submission)
    {
        foreach (var report in submission.OfType<ReportForm>())
        {
            foreach (var finding in Check(report, report.Sections, parent: null))
            {
                yield return finding;
            }
        }
    }

    private IEnumerable<Finding> Check(ReportForm report, IReadOnlyList<Section> siblings, Section? parent)
    {
        foreach (var group in siblings.Where(s => s.Style != NumberingStyle.None).GroupBy(s => s.Style))
        {
            var previous = 0;
            foreach (var section in group)
            {
                var where = parent is null ? "一级标题" : $"“{parent.Label}{parent.Heading}”下";
                string? problem = null;
                if (section.Number == previous && previous > 0)
                {
                    problem = $"{where}序号“{section.Label}”重复";
                }
                else if (section.Number == 1 && previous > 1)
                {
                    // A list that starts again at 1 follows a misplaced heading reported already.
                }
                else if (section.Number < previous)
                {
                    problem = $"{where}序号“{section.Label}”出现在“{Render(section.Style, previous)}”之后，顺序颠倒或重复";
                }
                else if (section.Number != previous + 1)
                {
                    problem = previous == 0
                        ? $"{where}第一个序号是“{section.Label}”，应从{First(section.Style)}开始"
                        : $"{where}序号从“{Render(section.Style, previous)}”跳到“{section.Label}”，缺少{Render(section.Style, previous + 1)}";
                }

                if (problem is not null)
                {
                    yield return Descriptor.Make(
                        report,
                        Location.Para(section.Paragraph, section.Label + section.Heading),
                        $"{problem}（{section.Label}{section.Heading}）。/ Section numbering skips or repeats.",
                        previous + 1,
                        section.Number);
                }

                previous = section.Number;
            }
        }

        foreach (var section in siblings)
        {
            foreach (var finding in Check(report, section.Children, section))
            {
                yield return finding;
            }
        }
    }

    private static string First(NumberingStyle style) => Render(style, 1);

    private static string Render(NumberingStyle style, int n) => style switch
    {
        NumberingStyle.Chinese => ChineseNumerals.Format(n) + "、",
        NumberingStyle.ChineseParen => "（" + ChineseNumerals.Format(n) + "）",
        NumberingStyle.Arabic => n + "、",
        _ => "（" + n + "）",
    };
}
