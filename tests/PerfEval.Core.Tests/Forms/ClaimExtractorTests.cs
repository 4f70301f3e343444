using PerfEval.Core.Documents;
using PerfEval.Core.Forms;

namespace PerfEval.Core.Tests.Forms;

public sealed class ClaimExtractorTests
{
    private static IReadOnlyList<Claim> Claims(string text) => ClaimExtractor.Extract([new ParagraphBlock(7, text)]);

    [Fact]
    public void Links_a_whole_to_its_qizhong_parts_and_shares()
    {
        var claims = Claims("1、整体收支情况。本单位2023年度基本支出353.08万元，其中：人员经费306.34万元，占86.19%，主要包括基本工资；公用经费46.74万元，占13.81%，主要包括办公费。");

        var whole = Assert.Single(claims, c => c.Parts.Count > 0);
        Assert.Equal("基本支出", whole.Label);
        Assert.Equal(353.08m, whole.Value.Number);
        Assert.Equal([306.34m, 46.74m], whole.Parts.Select(i => claims[i].Value.Number!.Value));
        Assert.Equal(["人员经费", "公用经费"], whole.Parts.Select(i => claims[i].Label));

        var shares = claims.Where(c => c.ShareOf is not null).ToList();
        Assert.Equal(2, shares.Count);
        Assert.Equal(306.34m, claims[shares[0].ShareOf!.Value].Value.Number);
        Assert.Equal(86.19m, shares[0].Value.Number);
        Assert.Equal(7, whole.At.Paragraph);
    }

    [Fact]
    public void Keeps_counts_with_their_units_and_approximations()
    {
        var claims = Claims("2023年，残疾儿童康复救助156人，创业扶持30户，发放辅助器具400余件，救助盲人近400人，需求数据动态更新1.82万人。");

        Assert.Equal(["残疾儿童康复救助", "创业扶持", "发放辅助器具", "救助盲人", "需求数据动态更新"], claims.Select(c => c.Label));
        Assert.All(claims, c => Assert.Equal(ClaimKind.Count, c.Kind));
        Assert.Equal(18200m, claims[4].Value.BaseValue);
        Assert.Equal(PerfEval.Core.Values.Comparator.MoreThan, claims[2].Value.Comparator);
    }

    [Fact]
    public void Takes_the_whole_that_the_parts_can_belong_to()
    {
        var claims = Claims("在职在岗在编职工30人，退休12人，临时工2人，其中：纳入本单位部门预算在职在岗在编统发30人。");

        var whole = Assert.Single(claims, c => c.Parts.Count > 0);
        Assert.Equal(30m, whole.Value.Number);
        Assert.Equal("在职在岗在编职工", whole.Label);
    }

    [Fact]
    public void Reads_scores_only_where_the_sentence_speaks_of_scoring()
    {
        var claims = Claims("我单位此次评价分为98分，等级为优。共发布各类通讯报道35篇。");

        Assert.Contains(claims, c => c.Kind == ClaimKind.Score && c.Value.Number == 98m);
        Assert.Contains(claims, c => c.Kind == ClaimKind.Count && c.Value.Number == 35m);
        Assert.DoesNotContain(claims, c => c.Value.Raw.Contains("33", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignores_ordinals_years_and_hotline_numbers()
    {
        var claims = Claims("紧紧抓住第33次助残日契机，及时办理12345热线诉求，2023年无因公出国支出。");

        Assert.Empty(claims);
    }
}
