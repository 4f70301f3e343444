using System.Text.RegularExpressions;
using PerfEval.Core.Documents;
using PerfEval.Core.Values;

namespace PerfEval.Core.Forms;

/// <summary>
/// Builds a <see cref="BasicDataForm"/> from a 基础数据表: the staffing block (编制数 / 实际在职人数 / 控制率),
/// the fund-control rows under their year columns with their hierarchy (“三公”经费 › 1、公务用车… › 其中：公车购置),
/// and the 楼堂馆所 block. Blocks are found by their header words.
/// </summary>
internal static partial class BasicDataRecognizer
{
    public static bool LooksLikeBasicData(TableBlock table) =>
        TableView.HeadRows(table).Any(r => TableView.RowHas(r, "编制数") || TableView.RowHas(r, "经费控制") || TableView.RowHas(r, "财政供养"));

    public static BasicDataForm Recognize(string title, Location? titleAt, IReadOnlyList<TableBlock> tables)
    {
        StaffingBlock? staffing = null;
        BuildingControlBlock? buildings = null;
        var years = new List<string>();
        string? unit = null;
        var rows = new List<FundControlRow>();

        foreach (var table in tables)
        {
            var inFunds = false;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (staffing is null && TableView.RowHas(row, "编制数") && r + 1 < table.Rows.Count)
                {
                    var values = HeaderValues(table, r, ["编制", "在职", "控制率"]);
                    staffing = new StaffingBlock(values[0], values[1], values[2]);
                    r++;
                    inFunds = false;
                    continue;
                }

                if (TableView.RowHas(row, "批复规模") && r + 1 < table.Rows.Count)
                {
                    var values = HeaderValues(table, r, ["批复规模", "实际规模", "规模控制率", "预算投资", "实际投资", "投资概算控制率"]);
                    buildings = new BuildingControlBlock(values[0], values[1], values[2], values[3], values[4], values[5]);
                    r++;
                    inFunds = false;
                    continue;
                }

                var yearCells = row.Cells.Where(c => YearColumn().IsMatch(c.Key)).ToList();
                if (yearCells.Count >= 2 && years.Count == 0)
                {
                    years.AddRange(yearCells.Select(c => TableView.Label(c.Text)));
                    unit ??= row.Cells[0].Key.Contains("(万元)", StringComparison.Ordinal) ? "万元" : null;
                    inFunds = true;
                    continue;
                }

                if (!inFunds || row.Cells.Count == 0)
                {
                    continue;
                }

                var labelCell = row.Cells[0];
                var label = TableView.Label(labelCell.Text).TrimEnd('：', ':');
                if (label.Length == 0 || TableView.Key(label).Contains("厉行节约", StringComparison.Ordinal))
                {
                    inFunds = !TableView.Key(label).Contains("厉行节约", StringComparison.Ordinal) && inFunds;
                    continue;
                }

                var fieldValues = new List<Field>(years.Count);
                for (var i = 0; i < years.Count; i++)
                {
                    var cell = i + 1 < row.Cells.Count ? row.Cells[i + 1] : null;
                    fieldValues.Add(cell is null ? Field.Missing : new Field(ValueParser.Parse(TableView.Clean(cell.Text)), TableView.At(table, cell)));
                }

                rows.Add(Classify(rows, label, fieldValues, TableView.At(table, labelCell)));
            }
        }

        return new BasicDataForm
        {
            Kind = FormKind.BasicData,
            Title = title,
            TitleAt = titleAt,
            Staffing = staffing,
            YearColumns = years,
            AmountUnit = unit,
            FundRows = rows,
            Buildings = buildings,
        };
    }

    /// <summary>
    /// Places a row in the hierarchy from its wording alone: block heads by name, numbered lines ("1、") as parts of
    /// the head, "其中：" lines as parts of the numbered line above (or of the head when it has no numbered lines),
    /// unnumbered lines under a "专项" line as its named specials, other unnumbered lines as siblings of the line above.
    /// </summary>
    internal static FundControlRow Classify(IReadOnlyList<FundControlRow> previous, string label, IReadOnlyList<Field> values, Location at)
    {
        var key = TableView.Key(label);
        var group = HeadGroup(key);
        if (group is not null)
        {
            return new FundControlRow { Label = label, Group = group.Value, Depth = 0, Values = values, At = at };
        }

        var headIndex = -1;
        for (var i = previous.Count - 1; i >= 0; i--)
        {
            if (previous[i].Depth == 0)
            {
                headIndex = i;
                break;
            }
        }

        if (headIndex < 0 || previous[headIndex].Group == FundGroup.Other)
        {
            return new FundControlRow { Label = label, Group = FundGroup.Other, Depth = 0, Values = values, At = at };
        }

        var head = previous[headIndex];
        var last = previous[^1];
        var numbered = NumberedLine().IsMatch(key);
        var qizhong = key.StartsWith("其中", StringComparison.Ordinal);
        int depth;
        int parent;
        if (numbered)
        {
            depth = 1;
            parent = headIndex;
        }
        else if (qizhong)
        {
            var lastNumbered = LastIndex(previous, headIndex, p => p.Depth == 1 && NumberedLine().IsMatch(TableView.Key(p.Label)));
            (depth, parent) = lastNumbered >= 0 ? (2, lastNumbered) : (1, headIndex);
        }
        else if (ReferenceEquals(last, head))
        {
            (depth, parent) = (1, headIndex);
        }
        else if (last.Depth == 1 && NumberedLine().IsMatch(TableView.Key(last.Label)) && TableView.Key(last.Label).Contains("专项", StringComparison.Ordinal))
        {
            (depth, parent) = (2, previous.Count - 1);
        }
        else
        {
            (depth, parent) = (last.Depth, last.Parent ?? headIndex);
        }

        return new FundControlRow { Label = label, Group = head.Group, Depth = depth, Parent = parent, Values = values, At = at };
    }

    private static FundGroup? HeadGroup(string key)
    {
        if (key.StartsWith("三公", StringComparison.Ordinal) || key.Contains("三公经费", StringComparison.Ordinal))
        {
            return FundGroup.ThreePublic;
        }

        if (key.StartsWith("项目支出", StringComparison.Ordinal))
        {
            return FundGroup.Project;
        }

        if (key.StartsWith("公用经费", StringComparison.Ordinal))
        {
            return FundGroup.PublicFunds;
        }

        if (key.Contains("政府采购", StringComparison.Ordinal) || key.Contains("预算调整", StringComparison.Ordinal) ||
            key.StartsWith("基本支出", StringComparison.Ordinal) || key.StartsWith("人员经费", StringComparison.Ordinal) ||
            key.StartsWith("部门基本支出", StringComparison.Ordinal))
        {
            return FundGroup.Other;
        }

        return null;
    }

    private static int LastIndex(IReadOnlyList<FundControlRow> rows, int after, Func<FundControlRow, bool> predicate)
    {
        for (var i = rows.Count - 1; i > after; i--)
        {
            if (predicate(rows[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the row under a header row, matching each wanted header word to the value below it.</summary>
    private static Field[] HeaderValues(TableBlock table, int headerRow, string[] wanted)
    {
        var header = table.Rows[headerRow].Cells.ToList();
        var values = table.Rows[headerRow + 1].Cells.ToList();

        // The block's title cell ("财政供养人员情况(人)") spans both rows; in a .txt export its continuation is an
        // empty cell — drop it on both sides so that headers and values pair up in order.
        if (header.Count > 0 && !wanted.Any(w => header[0].Key.Contains(w, StringComparison.Ordinal)))
        {
            header.RemoveAt(0);
            if (values.Count > header.Count && values.Count > 0 && values[0].Column == 0)
            {
                values.RemoveAt(0);
            }
        }

        var result = new Field[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            result[w] = Field.Missing;
            for (var h = 0; h < header.Count; h++)
            {
                if (header[h].Key.Contains(wanted[w], StringComparison.Ordinal) && h < values.Count)
                {
                    result[w] = new Field(ValueParser.Parse(TableView.Clean(values[h].Text)), TableView.At(table, values[h]));
                    break;
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"\d{4}年")]
    private static partial Regex YearColumn();

    [GeneratedRegex(@"^(\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]")]
    private static partial Regex NumberedLine();
}
