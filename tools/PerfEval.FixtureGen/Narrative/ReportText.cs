using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Narrative;

/// <summary>Small text helpers shared by the report builders.</summary>
internal static class ReportText
{
    /// <summary>
    /// A numbered item whose heading runs on into its text: the title is the text before the first "。" or "：",
    /// the rest stays on the same paragraph.
    /// </summary>
    public static Section Item(string text)
    {
        var cut = text.IndexOfAny(['。', '：']);
        if (cut > 0 && cut < text.Length - 1)
        {
            return new Section(text[..cut], text[cut..]);
        }

        return text.EndsWith('。') ? new Section(text[..^1], "。") : new Section(text);
    }

    public static Section Item(string title, string body) => new(title, "。" + body);

    /// <summary>"其中：预算执行得分9.85分，产出指标得分29.3分，…" — the parts add up to the total.</summary>
    public static string ScoreBreakdown(decimal budgetScore, IReadOnlyList<IndicatorLevel> levels) =>
        "其中：预算执行得分" + Money.Score(budgetScore) + "分，"
        + string.Join('，', levels.Select(l => $"{l.Name}得分{Money.Score(l.ScoreSum)}分")) + "。";

    /// <summary>"一般公共预算资金2507.10万元，占87.75%；政府性基金350.00万元，占12.25%" (shares of <paramref name="whole"/>).</summary>
    public static string Shares(decimal whole, params (string Label, decimal? Amount)[] parts)
    {
        var present = parts.Where(p => p.Amount is > 0m).ToList();
        return string.Join('；', present.Select(p => $"{p.Label}{Money.Amount(p.Amount)}万元，占{Money.PercentText(Money.Percent(p.Amount!.Value, whole))}"));
    }

    public static string Amount(decimal? value) => Money.Amount(value ?? 0m) + "万元";
}
