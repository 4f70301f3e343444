using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;

namespace PerfEval.Cli;

/// <summary>A readable outline of what was extracted, for a person at a terminal.</summary>
internal static class TextOutline
{
    public static void Write(ExtractionResult result, TextWriter w)
    {
        w.WriteLine($"文件 {result.FileName}（{result.Document.Format}），{result.Document.Blocks.Count} 个段落/表格块，{result.Document.Tables.Count()} 个表格");
        if (result.Submission.Year is int year)
        {
            w.WriteLine($"年度 {year}" + (result.Submission.UnitName is { } unit ? $"，单位 {unit}" : string.Empty));
        }

        foreach (var form in result.Submission.Forms)
        {
            w.WriteLine();
            w.WriteLine($"== {KindName(form.Kind)}：{form.Title}");
            switch (form)
            {
                case BasicDataForm basic:
                    WriteBasic(basic, w);
                    break;
                case SelfEvalForm self:
                    WriteSelfEval(self, w);
                    break;
                case ReportForm report:
                    WriteSections(report.Sections, w, 1);
                    w.WriteLine($"   数字表述 {report.Claims.Count} 处，其中“其中”分项 {report.Claims.Count(c => c.Parts.Count > 0)} 组");
                    break;
            }
        }
    }

    private static void WriteBasic(BasicDataForm f, TextWriter w)
    {
        if (f.Staffing is { } s)
        {
            w.WriteLine($"   编制数 {s.Authorized}，实际在职 {s.Actual}，控制率 {s.ControlRate}");
        }

        w.WriteLine($"   经费控制（{f.AmountUnit ?? "?"}）：{string.Join(" | ", f.YearColumns)}");
        foreach (var row in f.FundRows)
        {
            w.WriteLine($"   {new string(' ', row.Depth * 2)}{row.Label}：{string.Join(" | ", row.Values.Select(v => v.Value.IsBlank ? "·" : v.Value.Raw))}");
        }
    }

    private static void WriteSelfEval(SelfEvalForm f, TextWriter w)
    {
        w.WriteLine($"   名称 {f.Name}" + (f.Department is null ? string.Empty : $"，主管部门 {f.Department}") + (f.ImplementingUnit is null ? string.Empty : $"，实施单位 {f.ImplementingUnit}"));
        foreach (var fund in f.Funds)
        {
            w.WriteLine($"   {new string(' ', fund.Depth * 2)}{fund.Label}：年初 {fund.InitialBudget} 全年 {fund.AdjustedBudget} 执行 {fund.Executed} 分值 {fund.Weight} 执行率 {fund.ExecutionRate} 得分 {fund.Score}");
        }

        foreach (var b in f.Breakdown)
        {
            w.WriteLine($"   {(b.Side == BreakdownSide.Income ? "收入" : "支出")}{(b.IsHead ? "" : "  ")} {b.Label}：{b.Amount}");
        }

        foreach (var weight in f.LevelWeights)
        {
            w.WriteLine($"   一级指标 {weight.Level1}（{weight.Weight}分）");
        }

        foreach (var i in f.Indicators)
        {
            w.WriteLine($"     {i.Level1} › {i.Level2} › {i.Name}：目标 {i.Target} 实际 {i.Actual} 分值 {i.Weight} 得分 {i.Score}{(i.Deviation.Length > 0 ? " 偏差：" + i.Deviation : string.Empty)}");
        }

        if (f.Total is { } t)
        {
            w.WriteLine($"   总分：分值 {t.Weight} 得分 {t.Score}");
        }
    }

    private static void WriteSections(IReadOnlyList<Section> sections, TextWriter w, int depth)
    {
        foreach (var s in sections)
        {
            w.WriteLine($"   {new string(' ', depth * 2)}{s.Label}{s.Heading}");
            WriteSections(s.Children, w, depth + 1);
        }
    }

    private static string KindName(FormKind kind) => kind switch
    {
        FormKind.BasicData => "基础数据表",
        FormKind.DepartmentSelfEval => "部门整体支出绩效自评表",
        FormKind.ProjectSelfEval => "项目支出绩效自评表",
        FormKind.DepartmentReport => "部门整体支出绩效自评报告",
        _ => "项目支出绩效自评报告",
    };
}
