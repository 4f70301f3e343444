using System.Text.Json.Serialization;

namespace PerfEval.Core.Forms;

/// <summary>Which block of the fund-control rows a row belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FundGroup>))]
public enum FundGroup
{
    /// <summary>A row on its own (政府采购金额, 部门基本支出预算调整).</summary>
    [JsonStringEnumMemberName("other")]
    Other,

    /// <summary>“三公”经费 and its parts.</summary>
    [JsonStringEnumMemberName("three-public")]
    ThreePublic,

    /// <summary>项目支出 and its lines and named specials.</summary>
    [JsonStringEnumMemberName("project")]
    Project,

    /// <summary>公用经费 and its parts.</summary>
    [JsonStringEnumMemberName("public-funds")]
    PublicFunds,
}

/// <summary>
/// 部门整体支出绩效评价基础数据表: staffing, fund control across year columns, building control.
/// </summary>
public sealed record BasicDataForm : Form
{
    public StaffingBlock? Staffing { get; init; }

    /// <summary>The year columns of the fund-control block, as headed ("2022年决算数", "2023年预算数", …).</summary>
    public IReadOnlyList<string> YearColumns { get; init; } = [];

    /// <summary>The unit of the fund-control amounts as stated in the block's header (usually 万元).</summary>
    public string? AmountUnit { get; init; }

    public IReadOnlyList<FundControlRow> FundRows { get; init; } = [];

    public BuildingControlBlock? Buildings { get; init; }
}

/// <summary>财政供养人员情况: 编制数, 实际在职人数, 控制率.</summary>
public sealed record StaffingBlock(Field Authorized, Field Actual, Field ControlRate);

/// <summary>
/// One fund-control row. <see cref="Depth"/> 0 is a block head (“三公”经费, 项目支出, 公用经费) or a row on its own;
/// 1 a part of the head ("1、公务用车…", "其中：办公经费"); 2 a part of a part ("其中：公车购置", a named special
/// under "县级专项资金"). <see cref="Parent"/> is the index of the row it is a part of, in <see cref="BasicDataForm.FundRows"/>.
/// </summary>
public sealed record FundControlRow
{
    public required string Label { get; init; }

    public required FundGroup Group { get; init; }

    public required int Depth { get; init; }

    public int? Parent { get; init; }

    /// <summary>One value per year column, in the order of <see cref="BasicDataForm.YearColumns"/>.</summary>
    public required IReadOnlyList<Field> Values { get; init; }

    public Location? At { get; init; }
}

/// <summary>楼堂馆所控制情况.</summary>
public sealed record BuildingControlBlock(
    Field ApprovedArea,
    Field ActualArea,
    Field AreaControlRate,
    Field BudgetInvestment,
    Field ActualInvestment,
    Field InvestmentControlRate);
