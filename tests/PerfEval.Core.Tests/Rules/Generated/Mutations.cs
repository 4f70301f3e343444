using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>
/// One known error injected into a generated submission, and the rules that must then fire (and no other).
/// <see cref="Apply"/> edits the composed document in place and returns a description of the edit, or null when the
/// submission offers no place for this error (the test then moves on to the next seed).
/// </summary>
internal sealed record Mutation(string Id, Func<ReportSpec, string[]> Expected, Func<ReportSpec, GenDocument, Random, string?> Apply)
{
    public override string ToString() => Id;
}

internal static partial class Mutations
{
    public static readonly IReadOnlyList<Mutation> All =
    [
        // The 一级指标 header states another weight than its indicators add up to. The 总分 row still adds up.
        new("level-weight", _ => ["score.level-weights"], (s, d, r) =>
        {
            var (tag, table) = AnyTable(s, r);
            var l = r.Next(table.Levels.Count);
            var cell = d.Cells[$"{tag}.level{l}"];
            var weight = table.Levels[l].Weight;
            var stated = weight + (r.Next(2) == 0 ? 1m : -1m);
            var before = cell.Text;
            cell.Text = WeightNumber().Replace(cell.Text, Num.Score(stated), 1);
            return $"{tag} {before.Replace('\n', ' ')} → {cell.Text.Replace('\n', ' ')}";
        }),

        // The 总分 得分 of the department table is off by one. The department report restates the table's total, so it now
        // disagrees with the table as well: crossref.report-score fires with score.score-total. (Changing the report too
        // would break the report's own "其中：预算执行得分…，产出指标得分…" breakdown instead.)
        new("total-score", _ => ["score.score-total", "crossref.report-score"], (s, d, r) =>
        {
            var total = s.Department.TotalScore;
            var changed = total >= 99m ? total - 1m : total + 1m;
            d.Cells["dept.total.score"].Text = Num.Score(changed);
            return $"dept 总分 得分 {Num.Score(total)} → {Num.Score(changed)}";
        }),

        // One indicator's 得分 is lowered by 0.5 (one that already explains its lost points): the parts no longer add
        // up to the 总分 得分, which the reports restate unchanged.
        new("indicator-score", _ => ["score.score-total"], (s, d, r) =>
        {
            var candidates = AllIndicators(s).Where(x => x.Indicator.Score < x.Indicator.Weight && x.Indicator.Score >= 1m).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var (tag, k, ind) = candidates[r.Next(candidates.Count)];
            d.Cells[$"{tag}.ind{k}.score"].Text = Num.Score(ind.Score - 0.5m);
            return $"{tag} “{ind.Name}” 得分 {Num.Score(ind.Score)} → {Num.Score(ind.Score - 0.5m)}";
        }),

        // A stated 执行率 is one point off the quotient of the printed amounts; the score still follows the amounts.
        new("execution-rate", _ => ["rate.execution"], (s, d, r) =>
        {
            var rows = Tables(s).Where(x => x.Table.Fund.Rate <= 98m && ClearlyOff(s, x.Table.Fund, x.Table.Fund.Rate + 1m)).ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            var (tag, table) = rows[r.Next(rows.Count)];
            var rate = table.Fund.Rate;
            d.Cells[$"{tag}.fund.rate"].Text = Num.PercentText(rate + 1m);
            return $"{tag} 执行率 {Num.PercentText(rate)} → {Num.PercentText(rate + 1m)}";
        }),

        // A 三级指标 becomes a near copy of an earlier one in the same 一级指标, with the same target.
        new("duplicate-indicator", _ => ["duplicate.indicator"], (s, d, r) =>
        {
            var (tag, table) = AnyTable(s, r);
            var levels = table.Levels.Select((l, i) => (l, i)).Where(x => x.l.Items.Count >= 2).ToList();
            if (levels.Count == 0)
            {
                return null;
            }

            var (level, li) = levels[r.Next(levels.Count)];
            var offset = table.Levels.Take(li).Sum(l => l.Items.Count);
            var a = r.Next(level.Items.Count - 1);
            var b = r.Next(a + 1, level.Items.Count);
            var original = level.Items[a];
            var nameCell = d.Cells[$"{tag}.ind{offset + b}.name"];
            var number = NumberPrefix().Match(nameCell.Text).Value;
            var before = nameCell.Text;
            nameCell.Text = number + "全年" + original.Name;
            d.Cells[$"{tag}.ind{offset + b}.target"].Text = original.Target;
            return $"{tag} “{before}” → “{nameCell.Text}” with target {original.Target} (copy of “{original.Name}”)";
        }),

        // A part line of the 基础数据表 (办公经费 or its siblings) is one 万元 off: 公用经费 no longer adds up.
        new("basic-data-part", _ => ["total.basic-data-parts"], (s, d, r) =>
        {
            var keys = new[] { "office", "utilities", "meetings" };
            var places = keys.SelectMany(k => Enumerable.Range(0, 3).Select(c => $"basic.{k}.{c}")).Where(t => d.Cells[t].Text.Length > 0).ToList();
            var tag = places[r.Next(places.Count)];
            var cell = d.Cells[tag];
            var before = cell.Text;
            cell.Text = s.Amount(decimal.Parse(before, CultureInfo.InvariantCulture) + 1m);
            return $"{tag} {before} → {cell.Text}";
        }),

        // The department report's share of 人员经费 in 基本支出 is one point off.
        new("narrative-share", _ => ["rate.narrative-share"], (s, d, r) =>
        {
            var p = d.Paragraphs["report.basic"];
            var share = Num.Percent(s.Personnel, s.BasicExpenditure);
            var old = $"人员经费{s.Wan(s.Personnel)}，占{Num.PercentText(share)}";
            var changed = share + (share >= 99m ? -1m : 1m);
            var now = $"人员经费{s.Wan(s.Personnel)}，占{Num.PercentText(changed)}";
            if (!p.Text.Contains(old, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the share sentence was not found: " + p.Text);
            }

            p.Text = p.Text.Replace(old, now, StringComparison.Ordinal);
            return $"{old} → {now}";
        }),

        // The department report skips a section number: 三、 is written 四、 (a skip, then 四、 twice — one rule).
        new("section-numbering", _ => ["structure.numbering"], (s, d, r) =>
        {
            var p = d.Paragraphs["report.h3"];
            var before = p.Text;
            p.Text = string.Concat("四、", p.Text.AsSpan(2));
            return $"{before} → {p.Text}";
        }),

        // The department report states another score than the table's 总分 (in the same grade band). Where the report's
        // sentence also breaks the score down ("…分为S分，等级为优，其中：预算执行得分…"), that breakdown no longer adds up to
        // the stated score either, so total.narrative-parts fires with crossref.report-score: one wrong figure, two
        // statements it contradicts.
        new("report-score", s => s.ScoreBreakdownInSentence ? ["crossref.report-score", "total.narrative-parts"] : ["crossref.report-score"], (s, d, r) =>
        {
            var p = d.Paragraphs["report.score"];
            var total = s.Department.TotalScore;
            var changed = Num.Grade(total - 1m) == Num.Grade(total) ? total - 1m : total + 1m;
            if (changed > 100m || Num.Grade(changed) != Num.Grade(total))
            {
                return null;
            }

            var old = $"评价分为{Num.Score(total)}分";
            p.Text = p.Text.Replace(old, $"评价分为{Num.Score(changed)}分", StringComparison.Ordinal);
            return $"{old} → 评价分为{Num.Score(changed)}分";
        }),

        // A project report states another score than its project table's 总分 (same grade band). The project report's
        // own breakdown, when it has one, is a separate sentence ("。其中：预算执行得分…") and is not tied to the score.
        new("project-report-score", _ => ["crossref.report-score"], (s, d, r) =>
        {
            var j = r.Next(s.Projects.Count);
            var p = d.Paragraphs[$"proj{j}.report.score"];
            var total = s.Projects[j].Table.TotalScore;
            var changed = Num.Grade(total - 1m) == Num.Grade(total) ? total - 1m : total + 1m;
            if (changed > 100m || Num.Grade(changed) != Num.Grade(total))
            {
                return null;
            }

            var old = $"综合得分为{Num.Score(total)}分";
            p.Text = p.Text.Replace(old, $"综合得分为{Num.Score(changed)}分", StringComparison.Ordinal);
            return $"{s.Projects[j].Name} report: {old} → 综合得分为{Num.Score(changed)}分 ({s.Projects.Count} projects)";
        }),

        // A project report states another evaluated fund than its project table's 全年预算数.
        new("project-report-fund", _ => ["crossref.project-fund"], (s, d, r) =>
        {
            var j = r.Next(s.Projects.Count);
            var p = d.Paragraphs[$"proj{j}.report.funds"];
            var budget = s.Projects[j].Table.Fund.Budget;
            var old = $"涉及本次绩效评价的资金{s.Wan(budget)}";
            var now = $"涉及本次绩效评价的资金{s.Wan(budget + 10m)}";
            p.Text = p.Text.Replace(old, now, StringComparison.Ordinal);
            return $"{s.Projects[j].Name} report: {old} → {now} ({s.Projects.Count} projects)";
        }),

        // A lost-points indicator's 偏差原因分析及改进措施 is left blank.
        new("blank-deviation", _ => ["missing.deviation-reason"], (s, d, r) =>
        {
            var candidates = AllIndicators(s).Where(x => x.Indicator.Score < x.Indicator.Weight).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var (tag, k, ind) = candidates[r.Next(candidates.Count)];
            d.Cells[$"{tag}.ind{k}.deviation"].Text = string.Empty;
            return $"{tag} “{ind.Name}” 偏差原因 blanked";
        }),

        // A project's special-fund line in the 基础数据表 states another 全年执行数 (决算数) than its project table. The
        // special-fund lines are also the parts of “3、县级专项资金”, which then no longer adds up: total.basic-data-parts
        // fires with crossref.project-fund (see project-fund-swap for the same error without the broken sum).
        new("project-fund", _ => ["crossref.project-fund", "total.basic-data-parts"], (s, d, r) =>
        {
            var i = r.Next(s.Projects.Count);
            var cell = d.Cells[$"basic.special{i}.2"];
            var before = cell.Text;
            cell.Text = s.Amount(s.Projects[i].Table.Fund.Executed + 1m);
            return $"基础数据表 {s.Projects[i].Name} 决算数 {before} → {cell.Text}";
        }),

        // Two projects' 决算数 swapped in the 基础数据表: every sum still holds, only the cross-reference breaks.
        new("project-fund-swap", _ => ["crossref.project-fund"], (s, d, r) =>
        {
            var pairs = Enumerable.Range(0, s.Projects.Count)
                .SelectMany(i => Enumerable.Range(i + 1, s.Projects.Count - i - 1).Select(j => (i, j)))
                .Where(x => Math.Abs(s.Projects[x.i].Table.Fund.Executed - s.Projects[x.j].Table.Fund.Executed) >= 1m)
                .ToList();
            if (pairs.Count == 0)
            {
                return null;
            }

            var (a, b) = pairs[r.Next(pairs.Count)];
            var (ca, cb) = (d.Cells[$"basic.special{a}.2"], d.Cells[$"basic.special{b}.2"]);
            (ca.Text, cb.Text) = (cb.Text, ca.Text);
            return $"基础数据表 决算数 of {s.Projects[a].Name} and {s.Projects[b].Name} swapped";
        }),
    ];

    private static IEnumerable<(string Tag, SelfEvalSpec Table)> Tables(ReportSpec s) =>
        s.Projects.Select((p, i) => ($"proj{i}", p.Table)).Prepend(("dept", s.Department));

    private static (string Tag, SelfEvalSpec Table) AnyTable(ReportSpec s, Random r)
    {
        var all = Tables(s).ToList();
        return all[r.Next(all.Count)];
    }

    private static IEnumerable<(string Tag, int Index, IndicatorSpec Indicator)> AllIndicators(ReportSpec s) =>
        Tables(s).SelectMany(t => t.Table.Indicators.Select((ind, k) => (t.Tag, k, ind)));

    /// <summary>
    /// True when a rate of <paramref name="stated"/> percent is clearly outside what the printed amounts allow, each
    /// read as exact only to its last printed digit (short amounts such as "3" stand for 2.5–3.5).
    /// </summary>
    private static bool ClearlyOff(ReportSpec s, FundSpec f, decimal stated)
    {
        var e = s.Amount(f.Executed);
        var b = s.Amount(f.Budget);
        var decimals = Math.Max(Decimals(e), Decimals(b));
        var half = 0.5m * (decimal)Math.Pow(10, -decimals);
        var high = (f.Executed + half) / (f.Budget - half) * 100m;
        var low = (f.Executed - half) / (f.Budget + half) * 100m;
        return stated - 0.005m > high + 0.05m || stated + 0.005m < low - 0.05m;

        static int Decimals(string text) => text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?(?=\s*分)")]
    private static partial Regex WeightNumber();

    [GeneratedRegex(@"^\d+、")]
    private static partial Regex NumberPrefix();
}
