using PerfEval.Core.Forms;
using PerfEval.Core.Tests.Support;
using PerfEval.Core.Values;

namespace PerfEval.Core.Tests.Forms;

/// <summary>The seed report, as .docx and as its .txt export, read into the typed forms.</summary>
public sealed class SeedRecognitionTests
{
    public static TheoryData<string> SeedFiles => new() { Samples.Seed + ".docx", Samples.Seed + ".txt" };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Finds_the_five_forms_in_order(string file)
    {
        var s = Samples.Extract(file).Submission;

        Assert.Equal(
            [FormKind.BasicData, FormKind.DepartmentSelfEval, FormKind.ProjectSelfEval, FormKind.DepartmentReport, FormKind.ProjectReport],
            s.Forms.Select(f => f.Kind));
        Assert.Equal(2023, s.Year);
        Assert.Equal("汨罗市残疾人联合会", s.UnitName);
        Assert.Equal("2023年度部门整体支出绩效评价基础数据表", s.Forms[0].Title);
        Assert.Equal("2023年度残疾人就业保障金项目支出绩效自评报告", s.Forms[4].Title);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Reads_the_basic_data_table_with_its_hierarchy(string file)
    {
        var f = Samples.Extract(file).Submission.OfType<BasicDataForm>().Single();

        Assert.NotNull(f.Staffing);
        Assert.Equal(30m, f.Staffing.Authorized.Value.Number);
        Assert.Equal(30m, f.Staffing.Actual.Value.Number);
        Assert.Equal(ValueKind.Percent, f.Staffing.ControlRate.Value.Kind);
        Assert.Equal(["2022年决算数", "2023年预算数", "2023年决算数"], f.YearColumns);
        Assert.Equal("万元", f.AmountUnit);

        var rows = f.FundRows;
        var threePublic = rows[0];
        Assert.Equal(FundGroup.ThreePublic, threePublic.Group);
        Assert.Equal(0, threePublic.Depth);
        Assert.Equal([1.79m, 3m, 3m], threePublic.Values.Select(v => v.Value.Number!.Value));

        var car = rows.Single(r => r.Label.Contains("公车购置", StringComparison.Ordinal));
        Assert.Equal(2, car.Depth);
        Assert.Contains("公务用车", rows[car.Parent!.Value].Label, StringComparison.Ordinal);
        Assert.True(car.Values.All(v => v.Value.IsBlank));
        var carRunning = rows.Single(r => r.Label.Contains("公车运行维护", StringComparison.Ordinal));
        Assert.Equal(car.Parent, carRunning.Parent);

        var special = rows.Single(r => r.Label == "残疾人就业保障金");
        Assert.Equal(FundGroup.Project, special.Group);
        Assert.Equal(2, special.Depth);
        Assert.Contains("县级专项资金", rows[special.Parent!.Value].Label, StringComparison.Ordinal);
        Assert.Equal([154m, 221m, 221m], special.Values.Select(v => v.Value.Number!.Value));

        var office = rows.Single(r => r.Label.Contains("办公经费", StringComparison.Ordinal));
        Assert.Equal(FundGroup.PublicFunds, office.Group);
        Assert.Equal(1, office.Depth);
        var utilities = rows.Single(r => r.Label.Contains("水费", StringComparison.Ordinal));
        Assert.Equal(1, utilities.Depth);
        Assert.Equal(8.91m, utilities.Values[0].Value.Number);

        var procurement = rows.Single(r => r.Label == "政府采购金额");
        Assert.Equal(FundGroup.Other, procurement.Group);
        Assert.Equal(0, procurement.Depth);
        Assert.Equal(25m, procurement.Values[2].Value.Number);

        Assert.NotNull(f.Buildings);
        Assert.Equal(0m, f.Buildings.ActualInvestment.Value.Number);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Reads_the_department_table(string file)
    {
        var f = Samples.Extract(file).Submission.OfType<SelfEvalForm>().Single(x => x.Kind == FormKind.DepartmentSelfEval);

        Assert.Equal("汨罗市残疾人联合会", f.Name);
        var total = Assert.Single(f.Funds);
        Assert.Equal("年度资金总额", total.Label);
        Assert.Equal(581.79m, total.InitialBudget.Value.Number);
        Assert.Equal(581.79m, total.AdjustedBudget.Value.Number);
        Assert.Equal(1005.67m, total.Executed.Value.Number);
        Assert.Equal(10m, total.Weight.Value.Number);
        Assert.Equal(172.85m, total.ExecutionRate.Value.Number);
        Assert.True(total.Score.Value.IsBlank);

        Assert.Contains(f.Breakdown, b => b is { Side: BreakdownSide.Expenditure, IsHead: true } && b.Amount.Value.Number == 1005.67m);
        Assert.Contains(f.Breakdown, b => b is { Side: BreakdownSide.Income, Label: "一般公共预算" } && b.Amount.Value.Number == 581.79m);
        Assert.Contains(f.Breakdown, b => b is { Side: BreakdownSide.Expenditure, Label: "基本支出" } && b.Amount.Value.Number == 353.08m);
        Assert.Contains(f.Breakdown, b => b is { Side: BreakdownSide.Expenditure, Label: "项目支出" } && b.Amount.Value.Number == 652.59m);
        Assert.Contains(f.Breakdown, b => b is { Side: BreakdownSide.Income, Label: "政府性基金拨款" } && b.Amount.Value.IsBlank);

        var goal = Assert.Single(f.Goals);
        Assert.StartsWith("一是听取残疾人意见", goal.Expected, StringComparison.Ordinal);
        Assert.StartsWith("2023年，我们通过残疾人就业保障金项目", goal.Actual, StringComparison.Ordinal);

        Assert.Equal(
            [("产出指标", 30m), ("效益指标", 30m), ("满意度指标", 10m), ("成本指标", 20m)],
            f.LevelWeights.Select(w => (w.Level1, w.Weight)));
        Assert.Equal(19, f.Indicators.Count);
        var first = f.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "1：残疾人无障碍改造"), (first.Level1, first.Level2, first.Name));
        Assert.Equal((150m, "户"), (first.Target.Value.Number!.Value, first.Target.Value.Unit!));
        Assert.Equal(6m, first.Weight.Value.Number);

        var updates = f.Indicators.Single(i => i.Name.Contains("信息数据更新", StringComparison.Ordinal));
        Assert.Equal("人", updates.Target.Value.Unit);
        Assert.Null(updates.Actual.Value.Unit);

        var economic = f.Indicators.Single(i => i.Level2 == "经济效益指标");
        Assert.True(economic.TargetAndActualMerged);
        Assert.Equal(100m, economic.Target.Value.Number);
        Assert.Equal((10m, 9m), (economic.Weight.Value.Number!.Value, economic.Score.Value.Number!.Value));

        var social = f.Indicators.Single(i => i.Level2 == "社会效益指标");
        Assert.StartsWith("扶助残疾人平等充公参与社会活动", social.Name, StringComparison.Ordinal);
        Assert.True(social.Target.Value.IsBlank);
        Assert.True(social.Actual.Value.IsBlank);
        Assert.Equal((5m, 4m), (social.Weight.Value.Number!.Value, social.Score.Value.Number!.Value));

        var cost = f.Indicators.Where(i => i.Level1 == "成本指标").ToList();
        Assert.Equal(3, cost.Count);
        Assert.Equal([6m, 7m, 7m], cost.Select(i => i.Weight.Value.Number!.Value));

        Assert.NotNull(f.Total);
        Assert.Equal((100m, 98m), (f.Total.Weight.Value.Number!.Value, f.Total.Score.Value.Number!.Value));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Reads_the_project_table(string file)
    {
        var f = Samples.Extract(file).Submission.OfType<SelfEvalForm>().Single(x => x.Kind == FormKind.ProjectSelfEval);

        Assert.Equal("残疾人就业保障金", f.Name);
        Assert.Equal("汨罗市人民政府", f.Department);
        Assert.Equal("汨罗市残联", f.ImplementingUnit);
        Assert.Equal(["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"], f.Funds.Select(x => x.Label));
        Assert.Equal(154m, f.Funds[0].Executed.Value.Number);
        Assert.Equal(10m, f.Funds[0].Score.Value.Number);
        Assert.Equal(154m, f.Funds[1].InitialBudget.Value.Number);
        Assert.True(f.Funds[1].AdjustedBudget.Value.IsBlank);
        Assert.Equal(154m, f.Funds[1].Executed.Value.Number);

        Assert.Equal(20, f.Indicators.Count);
        Assert.Equal(4, f.LevelWeights.Count);
        var satisfaction = f.Indicators.Single(i => i.Level1 == "满意度指标");
        Assert.Equal("服务对象满意度指标", satisfaction.Name);
        Assert.Equal(ValueKind.Qualitative, satisfaction.Target.Value.Kind);
        Assert.Equal(95m, satisfaction.Actual.Value.Number);

        var sustained = f.Indicators.Single(i => i.Level2 == "可持续影响指标");
        Assert.True(sustained.TargetAndActualMerged);
        Assert.Equal("明显改善", sustained.Target.Value.Raw);
        Assert.Equal(2m, sustained.Weight.Value.Number);

        Assert.Equal(98m, f.Total!.Score.Value.Number);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Builds_the_department_report_outline_from_its_numbering(string file)
    {
        var r = Samples.Extract(file).Submission.OfType<ReportForm>().Single(x => x.Kind == FormKind.DepartmentReport);

        Assert.Equal(["一、", "二、", "三、", "四、", "五、", "六、", "七、", "九、"], r.Sections.Select(s => s.Label));
        Assert.Equal("部门概况", r.Sections[0].Heading);
        Assert.Equal(["部门职能概述", "部门组织机构及人员情况"], r.Sections[0].Children.Select(c => c.Heading));
        Assert.Equal(["基本支出", "项目支出"], r.Sections[1].Children.Select(c => c.Heading));
        Assert.Equal(["整体收支情况", "“三公” 经费总支出情况", "因公出国（境）费用支出和公务用车（购置）情况"], r.Sections[1].Children[0].Children.Select(c => c.Heading));
        Assert.Contains("98分", r.Sections[^1].Text, StringComparison.Ordinal);

        var basic = Assert.Single(r.Claims, c => c.Label == "基本支出" && c.Parts.Count == 2);
        Assert.Equal(353.08m, basic.Value.Number);
        Assert.Contains(r.Claims, c => c.Kind == ClaimKind.Score && c.Value.Number == 98m);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Reads_the_project_report(string file)
    {
        var r = Samples.Extract(file).Submission.OfType<ReportForm>().Single(x => x.Kind == FormKind.ProjectReport);

        Assert.Equal("残疾人就业保障金", r.Subject);
        Assert.Equal("一 、", r.Sections[0].Label);
        Assert.Equal("项目支出基本情况", r.Sections[0].Heading);
        Assert.Contains(r.Claims, c => c.Kind == ClaimKind.Score && c.Value.Number == 94.8m);
        Assert.Contains(r.Claims, c => c.Kind == ClaimKind.Amount && c.Value.Number == 221m);
    }

    [Fact]
    public void The_txt_export_and_the_docx_yield_the_same_typed_model()
    {
        var docx = Samples.TypedModelWithoutPlaces(Samples.Extract(Samples.Seed + ".docx").Submission);
        var txt = Samples.TypedModelWithoutPlaces(Samples.Extract(Samples.Seed + ".txt").Submission);

        Assert.Equal(docx, txt);
    }

    [Fact]
    public void The_corrected_txt_and_docx_yield_the_same_typed_model()
    {
        var docx = Samples.TypedModelWithoutPlaces(Samples.Extract(Samples.SeedCorrected + ".docx").Submission);
        var txt = Samples.TypedModelWithoutPlaces(Samples.Extract(Samples.SeedCorrected + ".txt").Submission);

        Assert.Equal(docx, txt);
    }
}
