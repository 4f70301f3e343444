using System.Text.Json.Serialization;
using PerfEval.Core.Values;

namespace PerfEval.Core.Forms;

/// <summary>The five forms of a budget performance self-evaluation submission.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FormKind>))]
public enum FormKind
{
    /// <summary>部门整体支出绩效评价基础数据表.</summary>
    [JsonStringEnumMemberName("basic-data")]
    BasicData,

    /// <summary>部门整体支出绩效自评表.</summary>
    [JsonStringEnumMemberName("department-self-eval")]
    DepartmentSelfEval,

    /// <summary>项目支出绩效自评表 (one per project).</summary>
    [JsonStringEnumMemberName("project-self-eval")]
    ProjectSelfEval,

    /// <summary>部门整体支出绩效自评报告 (narrative).</summary>
    [JsonStringEnumMemberName("department-report")]
    DepartmentReport,

    /// <summary>项目支出绩效自评报告 (narrative).</summary>
    [JsonStringEnumMemberName("project-report")]
    ProjectReport,
}

/// <summary>
/// Where something stands in the source document, for pointing a reviewer to it. Table numbers, rows and columns
/// are 1-based as a person counts them; <see cref="Paragraph"/> is the 0-based block index of a body paragraph.
/// </summary>
public sealed record Location
{
    public int? Table { get; init; }

    public int? Row { get; init; }

    public int? Column { get; init; }

    public int? Paragraph { get; init; }

    /// <summary>The quoted text (a cell's text or the sentence).</summary>
    public string? Excerpt { get; init; }

    /// <summary>For a figure in a paragraph: its character offset in the paragraph's text.</summary>
    public int? Offset { get; init; }

    /// <summary>For a figure in a paragraph: its length in characters.</summary>
    public int? Length { get; init; }

    public static Location Cell(int tableNumber, int row0, int column0, string? excerpt) =>
        new() { Table = tableNumber, Row = row0 + 1, Column = column0 + 1, Excerpt = excerpt };

    public static Location Para(int blockIndex, string? excerpt) => new() { Paragraph = blockIndex, Excerpt = excerpt };
}

/// <summary>A value with the place it was read from.</summary>
public sealed record Field(Measure Value, Location? At)
{
    public static Field Missing { get; } = new(Measure.Blank, null);

    public override string ToString() => Value.Raw;
}

/// <summary>One recognised form of a submission.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(BasicDataForm), "basic-data")]
[JsonDerivedType(typeof(SelfEvalForm), "self-eval")]
[JsonDerivedType(typeof(ReportForm), "report")]
public abstract record Form
{
    public required FormKind Kind { get; init; }

    /// <summary>The form's title as written (joined when it spans lines).</summary>
    public required string Title { get; init; }

    public Location? TitleAt { get; init; }
}

/// <summary>The forms found in one document.</summary>
public sealed record Submission
{
    public required IReadOnlyList<Form> Forms { get; init; }

    /// <summary>The fiscal year the forms speak of (from titles such as "2023年度…"), when stated.</summary>
    public int? Year { get; init; }

    /// <summary>The unit's name, from 预算部门名称 or the report's signature, when stated.</summary>
    public string? UnitName { get; init; }

    public IEnumerable<T> OfType<T>() where T : Form => Forms.OfType<T>();
}
