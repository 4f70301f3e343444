using PerfEval.Core.Forms;

namespace PerfEval.Core.Evaluation;

/// <summary>
/// The figures a finance bureau compares across units: the department's 全年预算数 and 全年执行数 (of the first fund
/// row of the department self-evaluation, its 年度资金总额), in 万元, and the self-assessed 总分 with its grade.
/// </summary>
public sealed record Headline(decimal? Budget, decimal? Executed, decimal? Score, string? Grade)
{
    public static Headline Empty { get; } = new(null, null, null, null);

    /// <summary>执行率 = 全年执行数 / 全年预算数, when both are known and the budget is not zero.</summary>
    public decimal? ExecutionRate => Budget is > 0 && Executed is not null ? Executed / Budget : null;

    /// <summary>Takes the department self-evaluation; without one, the only project self-evaluation (a one-project
    /// unit may submit only that); otherwise nothing.</summary>
    public static Headline Of(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var forms = submission.OfType<SelfEvalForm>().ToList();
        var form = forms.FirstOrDefault(f => f.Kind == FormKind.DepartmentSelfEval)
            ?? (forms.Count == 1 ? forms[0] : null);
        if (form is null)
        {
            return Empty;
        }

        var total = form.Funds.FirstOrDefault(f => f.Depth == 0);
        var score = form.Total?.Score.Value.Number;
        return new Headline(
            InWan(total?.AdjustedBudget ?? Field.Missing, form.AmountUnit),
            InWan(total?.Executed ?? Field.Missing, form.AmountUnit),
            score,
            GradeOf(score));
    }

    /// <summary>The grading of the 财政部 performance self-evaluation: 优 ≥ 90, 良 80–90, 中 60–80, 差 below 60.</summary>
    public static string? GradeOf(decimal? score) => score switch
    {
        null => null,
        >= 90 => "优",
        >= 80 => "良",
        >= 60 => "中",
        _ => "差",
    };

    /// <summary>An amount in 万元: the figure's own unit wins, else the form's "单位：元/万元" note; 万元 is the default.</summary>
    private static decimal? InWan(Field field, string? formUnit)
    {
        var value = field.Value;
        if (value.Number is not decimal number)
        {
            return null;
        }

        var unit = value.Unit ?? formUnit;
        return unit switch
        {
            "元" => number / 10_000m,
            "亿元" => number * 10_000m,
            _ => number,
        };
    }
}
