using PerfEval.Core.Forms;
using PerfEval.Core.Rules;
using PerfEval.Core.Rules.Rates;

namespace PerfEval.Core.Tests.Rules.Rates;

/// <summary>基础数据表 staffing in row 3 (编制数, 实际在职人数, 控制率 in columns 1–3); 楼堂馆所 in row 40 (columns 1–6).</summary>
public sealed class ControlRateRuleTests
{
    private static BasicDataForm Staffing(string authorized, string actual, string rate) => Build.BasicData().Staffing(authorized, actual, rate).Form;

    private static BasicDataForm Buildings(string areaRate, string investmentRate) =>
        Build.BasicData().Buildings("1200", "1180.5", areaRate, "500", "520", investmentRate).Form;

    [Fact]
    public void Reports_error_when_the_staffing_rate_is_not_the_quotient()
    {
        var f = Check.Single<ControlRateRule>(Staffing("30", "28", "95%"));

        f.Is("rate.control", Severity.Error);
        f.AtCell(FormKind.BasicData, table: 1, row: 3, column: 3);
        f.Figures(expected: 93.33m, actual: 95m);
        f.Says("人员控制率填为 95%", "28 ÷ 30 = 93.33%");
    }

    /// <summary>Head-counts are exact: 28 ÷ 30 = 93.333…%, so 93.34% is wrong, not rounded.</summary>
    [Fact]
    public void Reads_head_counts_as_exact()
    {
        var f = Check.Single<ControlRateRule>(Staffing("30", "28", "93.34%"));

        f.Is("rate.control", Severity.Error);
        f.Figures(expected: 93.33m, actual: 93.34m);
    }

    [Fact]
    public void Reports_info_when_the_staffing_rate_was_truncated()
    {
        var f = Check.Single<ControlRateRule>(Staffing("30", "20", "66.66%"));

        f.Is("rate.control", Severity.Info);
        f.AtCell(FormKind.BasicData, table: 1, row: 3, column: 3);
        f.Figures(expected: 66.67m, actual: 66.66m);
        f.Says("66.66%", "20 ÷ 30 = 66.67%");
    }

    [Fact]
    public void Reports_error_when_a_building_rate_is_not_the_quotient()
    {
        var f = Check.Single<ControlRateRule>(Buildings("98.38%", "100%"));

        f.Is("rate.control", Severity.Error);
        f.AtCell(FormKind.BasicData, table: 1, row: 40, column: 6);
        f.Figures(expected: 104m, actual: 100m);
        f.Says("投资概算控制率填为 100%", "520 ÷ 500 = 104%");
    }

    [Theory]
    [InlineData("93.33%")]
    [InlineData("93.3%")]
    [InlineData("93%")]
    public void Is_silent_on_the_staffing_quotient_rounded_to_the_rates_precision(string rate) =>
        Check.Silent<ControlRateRule>(Staffing("30", "28", rate));

    /// <summary>1180.5 ÷ 1200 = 98.375%, but with the areas rounded the quotient may be anywhere in [98.3667%, 98.3829%].</summary>
    [Theory]
    [InlineData("98.38%")]
    [InlineData("98.37%")]
    public void Is_silent_on_an_area_rate_within_the_rounding_of_the_areas(string rate) =>
        Check.Silent<ControlRateRule>(Buildings(rate, "104%"));

    [Fact]
    public void Is_silent_when_there_is_no_basis_to_divide_by() => Check.Silent<ControlRateRule>(Staffing("0", "0", "100%"));
}
