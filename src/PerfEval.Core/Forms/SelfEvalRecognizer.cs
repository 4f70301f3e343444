using System.Text.RegularExpressions;
using PerfEval.Core.Documents;
using PerfEval.Core.Values;

namespace PerfEval.Core.Forms;

/// <summary>
/// Builds a <see cref="SelfEvalForm"/> from the tables of a 部门整体支出绩效自评表 or 项目支出绩效自评表.
/// Every part is found by its header words (年初预算数, 三级指标, 分值, 总分 …), never by row or column numbers,
/// so other templates, extra rows and split tables read the same.
/// </summary>
internal static partial class SelfEvalRecognizer
{
    private static readonly string[] NameKeys = ["项目支出名称", "项目名称", "预算部门名称", "部门名称", "单位名称"];
    private static readonly string[] TotalKeys = ["总分", "合计", "总计", "综合得分"];

    public static SelfEvalForm Recognize(FormKind kind, string title, Location? titleAt, IReadOnlyList<TableBlock> tables)
    {
        string? name = null, department = null, implementer = null, amountUnit = null;
        var funds = new List<FundRow>();
        var breakdown = new List<FundBreakdownItem>();
        var goals = new List<Goal>();
        var indicators = new List<Indicator>();
        var weights = new List<LevelWeight>();
        TotalRow? total = null;
        IndicatorColumns? columns = null;
        List<string> header = [];

        foreach (var table in tables)
        {
            var mode = Mode.None;
            FundColumns? fundColumns = null;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (r < 12)
                {
                    ReadLabelledValues(row, ref name, ref department, ref implementer);
                }

                if (IsFundHeader(row))
                {
                    fundColumns = FundColumns.From(table, row);
                    amountUnit ??= UnitIn(row);
                    mode = Mode.Funds;
                    continue;
                }

                if (TableView.RowHas(row, "预期目标") || (TableView.RowHas(row, "总体目标") && TableView.RowHas(row, "实际完成")))
                {
                    mode = Mode.Goals;
                    continue;
                }

                if (IsIndicatorHeader(row))
                {
                    columns = IndicatorColumns.From(table, row);
                    if (header.Count == 0)
                    {
                        header = HeaderPaths(table, row);
                    }

                    mode = Mode.Indicators;
                    continue;
                }

                switch (mode)
                {
                    case Mode.Funds when fundColumns is not null:
                        ReadFundRow(table, row, fundColumns, funds, breakdown);
                        break;
                    case Mode.Goals:
                        ReadGoal(table, row, goals);
                        break;
                    case Mode.Indicators when columns is not null:
                        if (IsTotalRow(row))
                        {
                            total = ReadTotal(table, r, columns);
                            mode = Mode.None;
                        }
                        else
                        {
                            ReadIndicator(table, r, columns, indicators, weights);
                        }

                        break;
                    default:
                        if (columns is not null && mode == Mode.None && IsTotalRow(row) && total is null)
                        {
                            total = ReadTotal(table, r, columns);
                        }

                        break;
                }
            }
        }

        return new SelfEvalForm
        {
            Kind = kind,
            Title = title,
            TitleAt = titleAt,
            Name = name,
            Department = department,
            ImplementingUnit = implementer,
            AmountUnit = amountUnit,
            Funds = funds,
            Breakdown = breakdown,
            Goals = goals,
            Indicators = indicators,
            LevelWeights = weights,
            Total = total,
            IndicatorHeader = header,
        };
    }

    /// <summary>Column paths of a header row: a block label spanning down at the left, then each header cell.</summary>
    private static List<string> HeaderPaths(TableBlock table, TableRow header)
    {
        var placed = TableView.Place(table, header, header.Cells.Count);
        var paths = new List<string>();
        string? block = null;
        foreach (var p in placed)
        {
            var text = TableView.Label(p.Cell.Text);
            if (text.Length == 0)
            {
                continue;
            }

            if (p.Cell.RowSpan > 1 && p == placed[0] && !TableView.Key(text).Contains("一级", StringComparison.Ordinal))
            {
                block = text;
                continue;
            }

            paths.Add(block is null ? text : block + " › " + text);
        }

        return paths;
    }

    /// <summary>True when the table holds something of a self-evaluation form (fund block or indicator header).</summary>
    public static bool LooksLikeSelfEval(TableBlock table) => TableView.HeadRows(table).Any(r => IsIndicatorHeader(r) || IsFundHeader(r));

    /// <summary>True when a row names a project or department, which starts a new form when several share one title.</summary>
    public static string? NameIn(TableBlock table)
    {
        string? name = null, department = null, implementer = null;
        foreach (var row in table.Rows.Take(4))
        {
            ReadLabelledValues(row, ref name, ref department, ref implementer);
        }

        return name;
    }

    /// <summary>A table that only carries indicator rows (no name, no fund block): the rest of a split form.</summary>
    public static bool IsContinuation(TableBlock table) =>
        NameIn(table) is null && !TableView.HeadRows(table).Any(IsFundHeader) && !TableView.HeadRows(table).Any(r => TableView.RowHas(r, "预期目标"));

    internal static bool IsIndicatorHeader(TableRow row) =>
        (TableView.RowHas(row, "三级指标") || TableView.RowHas(row, "指标名称")) && (TableView.RowHas(row, "分值") || TableView.RowHas(row, "得分") || TableView.RowHas(row, "权重"));

    private static bool IsFundHeader(TableRow row) =>
        (TableView.RowHas(row, "年初预算数") || TableView.RowHas(row, "全年预算数")) && TableView.RowHas(row, "执行数");

    private static bool IsTotalRow(TableRow row)
    {
        var first = TableView.FirstNonEmpty(row);
        return first is not null && TotalKeys.Contains(first.Key);
    }

    private static void ReadLabelledValues(TableRow row, ref string? name, ref string? department, ref string? implementer)
    {
        var cells = row.Cells;
        for (var i = 0; i < cells.Count - 1; i++)
        {
            var key = cells[i].Key;
            if (key.Length == 0 || key.Length > 12)
            {
                continue;
            }

            var value = TableView.Clean(cells[i + 1].Text);
            if (value.Length == 0)
            {
                continue;
            }

            if (name is null && NameKeys.Contains(key))
            {
                name = value;
            }
            else if (department is null && key == "主管部门")
            {
                department = value;
            }
            else if (implementer is null && key == "实施单位")
            {
                implementer = value;
            }
        }
    }

    private static void ReadFundRow(TableBlock table, TableRow row, FundColumns columns, List<FundRow> funds, List<FundBreakdownItem> breakdown)
    {
        var own = row.Cells;
        if (own.Count == 0)
        {
            return;
        }

        // Department form: "按收入性质分：" | "按支出性质分：1005.67" and their "其中：…：amount" lines.
        // The first own cell speaks of income, the second of expenditure.
        if (own.Count <= 3 && own.Any(c => HasColon(c.Text)) && own.All(c => !IsNumeric(c.Text)))
        {
            var cells = own.Count > 2 && string.IsNullOrWhiteSpace(own[0].Text) ? own.Skip(1).ToList() : own.ToList();
            for (var i = 0; i < cells.Count && i < 2; i++)
            {
                var cell = cells[i];
                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    continue;
                }

                var amount = ValueParser.ParseAfterLabel(TableView.Clean(cell.Text), out var statement);
                var isHead = TableView.Key(statement).StartsWith('按');
                var side = i == 0 ? BreakdownSide.Income : BreakdownSide.Expenditure;
                breakdown.Add(new FundBreakdownItem(side, StripQizhong(statement), isHead, new Field(amount, TableView.At(table, cell))));
            }

            return;
        }

        var labelIndex = -1;
        for (var i = 0; i < own.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(own[i].Text) && !IsNumeric(own[i].Text))
            {
                labelIndex = i;
                break;
            }
        }

        if (labelIndex < 0)
        {
            return;
        }

        var labelCell = own[labelIndex];
        var placed = TableView.Place(table, row, own.Count - labelIndex - 1);
        var label = TableView.Label(labelCell.Text);
        var key = TableView.Key(label);
        funds.Add(new FundRow
        {
            Label = StripQizhong(label),
            Depth = key.Contains("总额", StringComparison.Ordinal) || key.Contains("合计", StringComparison.Ordinal) || key.Contains("总计", StringComparison.Ordinal) ? 0 : 1,
            InitialBudget = FieldAt(table, row.Index, placed, columns.Initial),
            AdjustedBudget = FieldAt(table, row.Index, placed, columns.Adjusted),
            Executed = FieldAt(table, row.Index, placed, columns.Executed),
            Weight = FieldAt(table, row.Index, placed, columns.Weight),
            ExecutionRate = FieldAt(table, row.Index, placed, columns.Rate),
            Score = FieldAt(table, row.Index, placed, columns.Score),
            At = TableView.At(table, labelCell),
        });
    }

    private static void ReadGoal(TableBlock table, TableRow row, List<Goal> goals)
    {
        var texts = TableView.NonEmpty(row).ToList();
        if (texts.Count == 0)
        {
            return;
        }

        // A label cell such as "年度总体目标" may lead the row in some templates.
        if (texts.Count >= 3 && texts[0].Key.Contains("目标", StringComparison.Ordinal))
        {
            texts.RemoveAt(0);
        }

        var expected = TableView.Clean(texts[0].Text);
        var actual = texts.Count > 1 ? TableView.Clean(texts[1].Text) : string.Empty;
        goals.Add(new Goal(expected, actual, TableView.At(table, texts[0])));
    }

    private static void ReadIndicator(TableBlock table, int r, IndicatorColumns columns, List<Indicator> indicators, List<LevelWeight> weights)
    {
        var row = table.Rows[r];
        if (TableView.FirstNonEmpty(row) is null)
        {
            return;
        }

        var placed = TableView.Place(table, row, table.ColumnCount - columns.Weight);
        var level1Cell = TableView.CellAt(table, r, placed, columns.Level1);
        var level2Cell = TableView.CellAt(table, r, placed, columns.Level2);
        var nameCell = TableView.CellAt(table, r, placed, columns.Name);
        var targetCell = TableView.CellAt(table, r, placed, columns.Target);
        var actualCell = TableView.CellAt(table, r, placed, columns.Actual);

        // A cell that starts in a text column and stretches over value columns gives no value.
        if (ReferenceEquals(targetCell, nameCell))
        {
            targetCell = null;
        }

        var merged = targetCell is not null && ReferenceEquals(actualCell, targetCell);
        if (ReferenceEquals(actualCell, nameCell))
        {
            actualCell = null;
        }

        var (level1, stated) = SplitWeight(level1Cell?.Text ?? string.Empty);
        var (level2Text, _) = SplitWeight(level2Cell?.Text ?? string.Empty);

        // Word leaves an empty merged cell where a merged group is split over a page break: it continues the group above.
        if (level1.Length == 0 && indicators.Count > 0)
        {
            level1 = indicators[^1].Level1;
            if (level2Text.Length == 0)
            {
                level2Text = indicators[^1].Level2;
                level2Cell = null;
            }
        }

        if (stated is decimal w && level1Cell is not null && !weights.Any(x => x.At?.Row == level1Cell.Row + 1 && x.At?.Table == table.TableNumber && x.Level1 == level1))
        {
            weights.Add(new LevelWeight(level1, w, TableView.At(table, level1Cell)));
        }

        var deviationCell = columns.Deviation >= 0 ? TableView.CellAt(table, r, placed, columns.Deviation) : null;
        indicators.Add(new Indicator
        {
            Level1 = level1,
            Level2 = level2Cell is not null && ReferenceEquals(level2Cell, level1Cell) ? string.Empty : level2Text,
            Name = nameCell is null || ReferenceEquals(nameCell, level2Cell) ? string.Empty : TableView.Clean(nameCell.Text),
            Target = targetCell is null ? Field.Missing : new Field(ValueParser.Parse(TableView.Clean(targetCell.Text)), TableView.At(table, targetCell)),
            Actual = actualCell is null ? Field.Missing : new Field(ValueParser.Parse(TableView.Clean(actualCell.Text)), TableView.At(table, actualCell)),
            TargetAndActualMerged = merged,
            Weight = FieldAt(table, r, placed, columns.Weight),
            Score = FieldAt(table, r, placed, columns.Score),
            Deviation = deviationCell is null ? string.Empty : TableView.Clean(deviationCell.Text),
            At = nameCell is null ? TableView.At(table, row.Cells[0]) : TableView.At(table, nameCell),
        });
    }

    /// <summary>The 总分 row: its 分值 and 得分 sit under the indicator table's weight and score columns.</summary>
    private static TotalRow ReadTotal(TableBlock table, int r, IndicatorColumns columns)
    {
        var row = table.Rows[r];
        var placed = TableView.Place(table, row, table.ColumnCount - columns.Weight);
        return new TotalRow(FieldAt(table, r, placed, columns.Weight), FieldAt(table, r, placed, columns.Score), TableView.At(table, row.Cells[0]));
    }

    private static Field FieldAt(TableBlock table, int row, IReadOnlyList<PlacedCell> placed, int column)
    {
        if (column < 0)
        {
            return Field.Missing;
        }

        var cell = TableView.CellAt(table, row, placed, column);
        if (cell is null || cell.Row != row)
        {
            return cell is null ? Field.Missing : new Field(Measure.Blank, TableView.At(table, cell));
        }

        return new Field(ValueParser.Parse(TableView.Clean(cell.Text)), TableView.At(table, cell));
    }

    /// <summary>"产出指标\n(30分)" → ("产出指标", 30).</summary>
    internal static (string Name, decimal? Weight) SplitWeight(string text)
    {
        var clean = TableView.Label(text);
        var m = WeightPattern().Match(Text.TextNormalizer.ToHalfWidth(clean));
        if (!m.Success)
        {
            return (clean, null);
        }

        var name = clean[..m.Index].Trim();
        return (name, decimal.Parse(m.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? UnitIn(TableRow row)
    {
        foreach (var cell in row.Cells)
        {
            var key = cell.Key;
            if (key.Contains("(万元)", StringComparison.Ordinal))
            {
                return "万元";
            }

            if (key.Contains("(元)", StringComparison.Ordinal))
            {
                return "元";
            }
        }

        return null;
    }

    private static bool IsNumeric(string text) => ValueParser.Parse(text).HasNumber;

    private static bool HasColon(string text) => text.Contains('：', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal);

    private static string StripQizhong(string label)
    {
        var t = label.Trim();
        foreach (var prefix in new[] { "其中：", "其中:", "其中" })
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                return t[prefix.Length..].Trim();
            }
        }

        return t;
    }

    [GeneratedRegex(@"[(\[]?\s*(?:权重)?\s*(?<w>\d+(?:\.\d+)?)\s*分?\s*[)\]]?\s*$")]
    private static partial Regex WeightPattern();

    private enum Mode
    {
        None,
        Funds,
        Goals,
        Indicators,
    }

    private sealed record FundColumns(int Initial, int Adjusted, int Executed, int Weight, int Rate, int Score)
    {
        public static FundColumns From(TableBlock table, TableRow header)
        {
            var placed = TableView.Place(table, header, header.Cells.Count);
            return new FundColumns(
                TableView.FindColumn(placed, "年初预算"),
                TableView.FindColumn(placed, "全年预算", "调整后预算"),
                TableView.FindColumn(placed, "执行数", "全年执行"),
                TableView.FindColumn(placed, "分值", "权重"),
                TableView.FindColumn(placed, "执行率"),
                TableView.FindColumn(placed, "得分"));
        }
    }

    private sealed record IndicatorColumns(int Level1, int Level2, int Name, int Target, int Actual, int Weight, int Score, int Deviation)
    {
        public static IndicatorColumns From(TableBlock table, TableRow header)
        {
            var placed = TableView.Place(table, header, header.Cells.Count);
            return new IndicatorColumns(
                TableView.FindColumn(placed, "一级指标"),
                TableView.FindColumn(placed, "二级指标"),
                TableView.FindColumn(placed, "三级指标", "指标名称"),
                TableView.FindColumn(placed, "年度指标值", "指标值", "目标值", "预期值", "年度目标"),
                TableView.FindColumn(placed, "实际完成值", "完成值", "实际值", "实际完成"),
                TableView.FindColumn(placed, "分值", "权重"),
                TableView.FindColumn(placed, "得分"),
                TableView.FindColumn(placed, "偏差", "原因"));
        }
    }
}
