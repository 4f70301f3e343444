using PerfEval.Core.Documents;
using PerfEval.Core.Forms;
using PerfEval.Core.Values;

namespace PerfEval.Core.Tests.Rules;

/// <summary>
/// Makes submissions in code, laid out as the recognizers would read them from a document, so a rule test states
/// only the figures it is about. Tables are numbered as in the seed report (基础数据表 1, 部门自评表 2, 项目自评表 3);
/// rows and columns are 1-based as a person counts them. A report's title is paragraph 0 and its body paragraphs
/// are 1, 2, 3 … in the order given; the report is read by <see cref="ReportRecognizer"/> and
/// <see cref="ClaimExtractor"/> from real sentences.
/// </summary>
internal static class Build
{
    public const int Year = 2023;

    public const string Unit = "汨罗市残疾人联合会";

    public static Submission Submission(params Form[] forms) => new() { Forms = forms, Year = Year, UnitName = Unit };

    /// <summary>A cell as the recognizer reads it: the parsed value and its place (an empty cell still has one).</summary>
    public static Field Cell(string raw, int table, int row, int column) =>
        new(ValueParser.Parse(raw), Location.Cell(table, row - 1, column - 1, raw));

    public static SelfEvalBuilder DepartmentTable(int table = 2) =>
        new(FormKind.DepartmentSelfEval, $"{Year}年度部门整体支出绩效自评表", Unit, table);

    public static SelfEvalBuilder ProjectTable(string project, int table = 3) =>
        new(FormKind.ProjectSelfEval, $"{Year}年度项目支出绩效自评表", project, table);

    public static BasicDataBuilder BasicData(int table = 1) => new(table, ["2022年决算数", $"{Year}年预算数", $"{Year}年决算数"]);

    public static ReportForm DepartmentReport(params string[] paragraphs) =>
        Report(FormKind.DepartmentReport, $"{Unit}{Year}年度部门整体支出绩效自评报告", subject: null, paragraphs);

    public static ReportForm ProjectReport(string project, params string[] paragraphs) =>
        Report(FormKind.ProjectReport, $"{Year}年度{project}项目支出绩效自评报告", project, paragraphs);

    public static ReportForm Report(FormKind kind, string title, string? subject, IReadOnlyList<string> paragraphs)
    {
        var blocks = paragraphs.Select((text, i) => new ParagraphBlock(i + 1, text)).ToList();
        return ReportRecognizer.Recognize(kind, title, Location.Para(0, title), blocks, subject);
    }
}

/// <summary>Columns of the fund block of a 自评表.</summary>
internal static class FundColumn
{
    public const int Label = 1;
    public const int Initial = 3;
    public const int Adjusted = 4;
    public const int Executed = 5;
    public const int Weight = 6;
    public const int Rate = 7;
    public const int Score = 8;
}

/// <summary>Columns of the indicator table of a 自评表.</summary>
internal static class IndicatorColumn
{
    public const int Level1 = 1;
    public const int Level2 = 2;
    public const int Name = 3;
    public const int Target = 4;
    public const int Actual = 5;
    public const int Weight = 6;
    public const int Score = 7;
    public const int Deviation = 8;
}

/// <summary>
/// A 自评表. Fund rows start at row <see cref="FirstFundRow"/> (the first is 年度资金总额, the others its parts),
/// breakdown statements at row <see cref="FirstBreakdownRow"/> (amount in column 2), indicators at row
/// <see cref="FirstIndicatorRow"/>; the 总分 row follows the last indicator.
/// </summary>
internal sealed class SelfEvalBuilder(FormKind kind, string title, string name, int table)
{
    public const int FirstFundRow = 4;
    public const int FirstBreakdownRow = 10;
    public const int FirstIndicatorRow = 20;

    private readonly List<FundRow> funds = [];
    private readonly List<FundBreakdownItem> breakdown = [];
    private readonly List<Indicator> indicators = [];
    private readonly List<(string Level1, decimal Weight, int Row)> levels = [];
    private (string Weight, string Score)? total;
    private string level1 = "产出指标";

    public int Table => table;

    /// <summary>The row the next indicator goes to.</summary>
    public int NextIndicatorRow => FirstIndicatorRow + indicators.Count;

    public SelfEvalBuilder Fund(string label, string initial = "", string adjusted = "", string executed = "", string weight = "", string rate = "", string score = "")
    {
        var row = FirstFundRow + funds.Count;
        funds.Add(new FundRow
        {
            Label = label,
            Depth = funds.Count == 0 ? 0 : 1,
            InitialBudget = Build.Cell(initial, table, row, FundColumn.Initial),
            AdjustedBudget = Build.Cell(adjusted, table, row, FundColumn.Adjusted),
            Executed = Build.Cell(executed, table, row, FundColumn.Executed),
            Weight = Build.Cell(weight, table, row, FundColumn.Weight),
            ExecutionRate = Build.Cell(rate, table, row, FundColumn.Rate),
            Score = Build.Cell(score, table, row, FundColumn.Score),
            At = Location.Cell(table, row - 1, FundColumn.Label - 1, label),
        });
        return this;
    }

    /// <summary>按收入性质分 (the head) with its amount.</summary>
    public SelfEvalBuilder IncomeTotal(string amount) => Statement(BreakdownSide.Income, "按收入性质分", isHead: true, amount);

    public SelfEvalBuilder Income(string label, string amount) => Statement(BreakdownSide.Income, label, isHead: false, amount);

    /// <summary>按支出性质分 (the head) with its amount.</summary>
    public SelfEvalBuilder ExpenditureTotal(string amount) => Statement(BreakdownSide.Expenditure, "按支出性质分", isHead: true, amount);

    public SelfEvalBuilder Expenditure(string label, string amount) => Statement(BreakdownSide.Expenditure, label, isHead: false, amount);

    /// <summary>Starts a 一级指标; with a weight it is headed as "产出指标(30分)" in the row of its first indicator.</summary>
    public SelfEvalBuilder Level(string name, decimal? weight = null)
    {
        level1 = name;
        if (weight is decimal w)
        {
            levels.Add((name, w, NextIndicatorRow));
        }

        return this;
    }

    public SelfEvalBuilder Indicator(string level2, string name, string target, string actual, string weight, string score, string deviation = "")
    {
        var row = NextIndicatorRow;
        indicators.Add(new Indicator
        {
            Level1 = level1,
            Level2 = level2,
            Name = name,
            Target = Build.Cell(target, table, row, IndicatorColumn.Target),
            Actual = Build.Cell(actual, table, row, IndicatorColumn.Actual),
            Weight = Build.Cell(weight, table, row, IndicatorColumn.Weight),
            Score = Build.Cell(score, table, row, IndicatorColumn.Score),
            Deviation = deviation,
            At = Location.Cell(table, row - 1, IndicatorColumn.Name - 1, name),
        });
        return this;
    }

    /// <summary>An indicator whose 年度指标值 and 实际完成值 are one merged cell.</summary>
    public SelfEvalBuilder MergedIndicator(string level2, string name, string value, string weight, string score, string deviation = "")
    {
        var row = NextIndicatorRow;
        var cell = Build.Cell(value, table, row, IndicatorColumn.Target);
        indicators.Add(new Indicator
        {
            Level1 = level1,
            Level2 = level2,
            Name = name,
            Target = cell,
            Actual = cell,
            TargetAndActualMerged = true,
            Weight = Build.Cell(weight, table, row, IndicatorColumn.Weight),
            Score = Build.Cell(score, table, row, IndicatorColumn.Score),
            Deviation = deviation,
            At = Location.Cell(table, row - 1, IndicatorColumn.Name - 1, name),
        });
        return this;
    }

    /// <summary>The 总分 row, placed after the last indicator.</summary>
    public SelfEvalBuilder Total(string weight, string score)
    {
        total = (weight, score);
        return this;
    }

    public SelfEvalForm Form
    {
        get
        {
            var totalRow = NextIndicatorRow;
            return new SelfEvalForm
            {
                Kind = kind,
                Title = title,
                TitleAt = Location.Cell(table, 0, 0, title),
                Name = name,
                AmountUnit = "万元",
                Funds = funds.ToList(),
                Breakdown = breakdown.ToList(),
                Indicators = indicators.ToList(),
                LevelWeights = levels.Select(l => new LevelWeight(l.Level1, l.Weight, Location.Cell(table, l.Row - 1, IndicatorColumn.Level1 - 1, $"{l.Level1}({l.Weight}分)"))).ToList(),
                Total = total is { } t
                    ? new TotalRow(Build.Cell(t.Weight, table, totalRow, IndicatorColumn.Weight), Build.Cell(t.Score, table, totalRow, IndicatorColumn.Score), Location.Cell(table, totalRow - 1, 0, "总分"))
                    : null,
            };
        }
    }

    private SelfEvalBuilder Statement(BreakdownSide side, string label, bool isHead, string amount)
    {
        breakdown.Add(new FundBreakdownItem(side, label, isHead, Build.Cell(amount, table, FirstBreakdownRow + breakdown.Count, 2)));
        return this;
    }
}

/// <summary>
/// A 基础数据表: staffing values in row <see cref="StaffingRow"/> (编制数, 实际在职人数, 控制率 in columns 1–3), fund-control
/// rows from row <see cref="FirstFundRow"/> (label in column 1, one value per year column from column 2), placed in
/// their hierarchy by <see cref="BasicDataRecognizer.Classify"/> from their wording, and the 楼堂馆所 values in row
/// <see cref="BuildingRow"/> (columns 1–6).
/// </summary>
internal sealed class BasicDataBuilder(int table, IReadOnlyList<string> years)
{
    public const int StaffingRow = 3;
    public const int FirstFundRow = 6;
    public const int BuildingRow = 40;

    private readonly List<FundControlRow> rows = [];
    private StaffingBlock? staffing;
    private BuildingControlBlock? buildings;

    public int Table => table;

    public IReadOnlyList<string> Years => years;

    public BasicDataBuilder Staffing(string authorized, string actual, string controlRate)
    {
        staffing = new StaffingBlock(
            Build.Cell(authorized, table, StaffingRow, 1),
            Build.Cell(actual, table, StaffingRow, 2),
            Build.Cell(controlRate, table, StaffingRow, 3));
        return this;
    }

    /// <summary>A fund-control row: its label as written ("“三公”经费", "1、公务用车购置及运行费", "其中：公车购置") and one value per year.</summary>
    public BasicDataBuilder Row(string label, params string[] values)
    {
        var row = FirstFundRow + rows.Count;
        var fields = values.Select((v, i) => Build.Cell(v, table, row, i + 2)).ToList();
        rows.Add(BasicDataRecognizer.Classify(rows, label, fields, Location.Cell(table, row - 1, 0, label)));
        return this;
    }

    public BasicDataBuilder Buildings(string approvedArea, string actualArea, string areaRate, string budgetInvestment, string actualInvestment, string investmentRate)
    {
        buildings = new BuildingControlBlock(
            Build.Cell(approvedArea, table, BuildingRow, 1),
            Build.Cell(actualArea, table, BuildingRow, 2),
            Build.Cell(areaRate, table, BuildingRow, 3),
            Build.Cell(budgetInvestment, table, BuildingRow, 4),
            Build.Cell(actualInvestment, table, BuildingRow, 5),
            Build.Cell(investmentRate, table, BuildingRow, 6));
        return this;
    }

    public BasicDataForm Form => new()
    {
        Kind = FormKind.BasicData,
        Title = "部门整体支出绩效评价基础数据表",
        TitleAt = Location.Cell(table, 0, 0, "部门整体支出绩效评价基础数据表"),
        Staffing = staffing,
        YearColumns = years.ToList(),
        AmountUnit = "万元",
        FundRows = rows.ToList(),
        Buildings = buildings,
    };
}
