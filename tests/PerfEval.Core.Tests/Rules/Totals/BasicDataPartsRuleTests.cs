using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Totals;

namespace PerfEval.Core.Tests.Rules.Totals;

/// <summary>
/// 基础数据表 rows under 2022年决算数 | 2023年预算数 | 2023年决算数 (columns 2–4), from row 6: a block head equals the
/// sum of its numbered lines, a numbered line the sum of its 其中 lines.
/// </summary>
public sealed class BasicDataPartsRuleTests
{
    [Fact]
    public void Reports_error_when_the_parts_do_not_add_up_to_the_head()
    {
        var basic = Build.BasicData()
            .Row("“三公”经费", "18.3", "20", "18.3")
            .Row("1、公务用车购置及运行费", "3.9", "5", "3.9")
            .Row("2、因公出国（境）费", "8.4", "8", "8.4")
            .Row("3、公务接待费", "5.5", "7", "6.0")
            .Form;

        var f = Check.Single<BasicDataPartsRule>(basic);

        f.Is("total.basic-data-parts", Severity.Error);
        f.AtCell(FormKind.BasicData, table: 1, row: 6, column: 2);
        f.Figures(expected: 17.8m, actual: 18.3m);
        f.Says("“三公”经费", "2022年决算数", "18.3", "17.8", "公务用车购置及运行费 3.9", "8.4", "5.5", "相差 0.5");
        f.RelatesTo((FormKind.BasicData, 1, 7, 2), (FormKind.BasicData, 1, 8, 2), (FormKind.BasicData, 1, 9, 2));
    }

    [Fact]
    public void Reports_error_when_the_qizhong_lines_do_not_add_up_to_their_numbered_line()
    {
        var basic = Build.BasicData()
            .Row("“三公”经费", "3", "3", "3")
            .Row("1、公务用车购置及运行费", "3.00", "3.00", "3.00")
            .Row("其中：公车购置", "0.00", "0.00", "0.00")
            .Row("公车运行维护费", "3.00", "3.00", "2.00")
            .Row("2、因公出国（境）费", "0", "0", "0")
            .Row("3、公务接待费", "0", "0", "0")
            .Form;

        var f = Check.Single<BasicDataPartsRule>(basic);

        f.Is("total.basic-data-parts", Severity.Error);
        f.AtCell(FormKind.BasicData, table: 1, row: 7, column: 4);
        f.Figures(expected: 2m, actual: 3m);
        f.Says("公务用车购置及运行费", "2023年决算数为 3.00", "合计为 2", "公车运行维护费 2.00");
    }

    [Fact]
    public void Is_silent_when_every_head_equals_its_parts()
    {
        var basic = Build.BasicData()
            .Row("“三公”经费", "18.3", "20", "18.3")
            .Row("1、公务用车购置及运行费", "3.9", "5", "3.9")
            .Row("2、因公出国（境）费", "8.4", "8", "8.4")
            .Row("3、公务接待费", "6.0", "7", "6.0")
            .Row("公用经费", "46.74", "50", "46.74")
            .Row("其中：办公经费", "20.00", "20", "20.00")
            .Row("水费、电费、差旅费", "26.74", "30", "26.74")
            .Form;

        Check.Silent<BasicDataPartsRule>(basic);
    }

    /// <summary>0.33 + 0.33 + 0.33 = 0.99 against 1.0: the whole, read as 1.00 ± 0.005, meets 0.99 ± 0.015.</summary>
    [Fact]
    public void Is_silent_on_parts_that_differ_from_the_whole_only_by_rounding()
    {
        var basic = Build.BasicData()
            .Row("公用经费", "1.0", "1.0", "1.0")
            .Row("其中：办公经费", "0.33", "0.33", "0.33")
            .Row("水电费", "0.33", "0.33", "0.33")
            .Row("差旅费", "0.33", "0.33", "0.33")
            .Form;

        Check.Silent<BasicDataPartsRule>(basic);
    }

    /// <summary>
    /// "3" beside "1.79" is read as 3.00 (the finest precision shown applies to all figures), so 1.79 + 1.19 = 2.98 is
    /// two hundredths short and fires — it would not if 3 stood for 2.5–3.5. 1.79 + 1.2 = 2.99 does not fire: read
    /// as 1.20, the parts may be 1.794 + 1.204 = 2.998, which rounds to 3.00.
    /// </summary>
    [Theory]
    [InlineData("1.19", true)]
    [InlineData("1.2", false)]
    public void Reads_a_whole_without_decimals_to_the_precision_of_its_parts(string second, bool fires)
    {
        var basic = Build.BasicData()
            .Row("“三公”经费", "", "", "3")
            .Row("1、公务用车购置及运行费", "", "", "1.79")
            .Row("2、公务接待费", "", "", second)
            .Form;

        var findings = Check.Run<BasicDataPartsRule>(basic);

        if (fires)
        {
            var f = Assert.Single(findings);
            f.AtCell(FormKind.BasicData, table: 1, row: 6, column: 4);
            f.Figures(expected: 2.98m, actual: 3m);
        }
        else
        {
            Assert.Empty(findings);
        }
    }
}
