namespace PerfEval.Core.Forms;

/// <summary>
/// 部门整体支出绩效自评表 or 项目支出绩效自评表: the fund block, the goals, the indicator table and the total.
/// </summary>
public sealed record SelfEvalForm : Form
{
    /// <summary>项目支出名称 / 项目名称 (project form) or 预算部门名称 (department form).</summary>
    public string? Name { get; init; }

    /// <summary>主管部门.</summary>
    public string? Department { get; init; }

    /// <summary>实施单位.</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The unit of the fund amounts as headed (usually 万元).</summary>
    public string? AmountUnit { get; init; }

    /// <summary>年度资金总额 first, then its parts (当年财政拨款, 上年结转资金, 其他资金…).</summary>
    public IReadOnlyList<FundRow> Funds { get; init; } = [];

    /// <summary>Label/amount statements of the department form: 按收入性质分 / 按支出性质分 and their 其中 lines.</summary>
    public IReadOnlyList<FundBreakdownItem> Breakdown { get; init; } = [];

    public IReadOnlyList<Goal> Goals { get; init; } = [];

    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>Weights stated in the 一级指标 headers, such as 产出指标(30分).</summary>
    public IReadOnlyList<LevelWeight> LevelWeights { get; init; } = [];

    /// <summary>The 总分 row: its 分值 and 得分.</summary>
    public TotalRow? Total { get; init; }

    /// <summary>
    /// The indicator table's header as column paths: the block label that spans the rows at its left and the
    /// merged header cells above each column ("绩效指标 › 一级指标", "绩效指标 › 分值").
    /// </summary>
    public IReadOnlyList<string> IndicatorHeader { get; init; } = [];

    /// <summary>The indicators as the tree their merged cells draw: 一级指标 › 二级指标 › indicators.</summary>
    public IReadOnlyList<IndicatorGroup> IndicatorTree => Indicators
        .GroupBy(i => i.Level1)
        .Select(g => new IndicatorGroup(
            g.Key,
            LevelWeights.FirstOrDefault(w => w.Level1 == g.Key)?.Weight,
            g.GroupBy(i => i.Level2).Select(g2 => new IndicatorSubgroup(g2.Key, g2.Select(i => i.Name).ToList())).ToList()))
        .ToList();
}

/// <summary>A 一级指标 with its stated weight and its 二级指标.</summary>
public sealed record IndicatorGroup(string Level1, decimal? StatedWeight, IReadOnlyList<IndicatorSubgroup> Level2);

/// <summary>A 二级指标 and the names of its 三级指标.</summary>
public sealed record IndicatorSubgroup(string Level2, IReadOnlyList<string> Indicators);

/// <summary>A row of the fund block: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.</summary>
public sealed record FundRow
{
    public required string Label { get; init; }

    /// <summary>0 for 年度资金总额, 1 for its parts.</summary>
    public required int Depth { get; init; }

    public Field InitialBudget { get; init; } = Field.Missing;

    public Field AdjustedBudget { get; init; } = Field.Missing;

    public Field Executed { get; init; } = Field.Missing;

    public Field Weight { get; init; } = Field.Missing;

    public Field ExecutionRate { get; init; } = Field.Missing;

    public Field Score { get; init; } = Field.Missing;

    public Location? At { get; init; }
}

/// <summary>Which side of the department fund breakdown a statement is on.</summary>
public enum BreakdownSide
{
    /// <summary>按收入性质分.</summary>
    Income,

    /// <summary>按支出性质分.</summary>
    Expenditure,
}

/// <summary>A "label：amount" statement of the department fund block; <see cref="IsHead"/> for 按…分 itself.</summary>
public sealed record FundBreakdownItem(BreakdownSide Side, string Label, bool IsHead, Field Amount);

/// <summary>年度总体目标: the expected goal and what was achieved.</summary>
public sealed record Goal(string Expected, string Actual, Location? At);

/// <summary>One indicator row of the 绩效指标 table.</summary>
public sealed record Indicator
{
    /// <summary>一级指标 as written, without the stated weight ("产出指标").</summary>
    public required string Level1 { get; init; }

    /// <summary>二级指标 ("数量指标").</summary>
    public required string Level2 { get; init; }

    /// <summary>三级指标 as written, numbering included ("1：残疾人无障碍改造").</summary>
    public required string Name { get; init; }

    public Field Target { get; init; } = Field.Missing;

    public Field Actual { get; init; } = Field.Missing;

    public Field Weight { get; init; } = Field.Missing;

    public Field Score { get; init; } = Field.Missing;

    /// <summary>偏差原因分析及改进措施.</summary>
    public string Deviation { get; init; } = string.Empty;

    /// <summary>True when 年度指标值 and 实际完成值 are one merged cell (the value stands for both).</summary>
    public bool TargetAndActualMerged { get; init; }

    public Location? At { get; init; }
}

/// <summary>A weight stated for a 一级指标, as in "产出指标(30分)".</summary>
public sealed record LevelWeight(string Level1, decimal Weight, Location? At);

/// <summary>The 总分 row.</summary>
public sealed record TotalRow(Field Weight, Field Score, Location? At);
