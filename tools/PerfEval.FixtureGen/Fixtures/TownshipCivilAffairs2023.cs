using PerfEval.FixtureGen.Model;
using static PerfEval.FixtureGen.Fixtures.Build;

namespace PerfEval.FixtureGen.Fixtures;

/// <summary>
/// 白沙镇民政办 2023: a small unit, scheme 产出50/效益20/满意度10/成本10 + 预算执行10. Its one 项目支出绩效自评表 has the
/// indicator part SPLIT into two Word tables across a page break (an empty paragraph holding w:br type=page between them);
/// the second table starts with the repeated indicator header row (w:tblHeader) and continues the 产出指标/数量指标 group,
/// whose merged cells restart empty at the top of the second table. No 公务用车 at all (blank rows), no project report.
/// </summary>
internal static class TownshipCivilAffairs2023
{
    private const string Q = "数量指标";
    private const string Ql = "质量指标";
    private const string Tm = "时效指标";
    private const string Sat = "服务对象满意度指标";
    private const string Deviation = "个别低保对象家庭收入变化未及时申报；已全部清退并追回资金，下一步加强动态核查。";

    public static FixtureSpec Create()
    {
        var dibao = I(Q, "城乡低保保障人数", "≥420人", "436人", 6, 6);
        var tekun = I(Q, "特困人员供养人数", "≥85人", "88人", 6, 6);
        var temporary = I(Q, "临时救助人次", "≥120人次", "131人次", 5, 5);
        var disability = I(Q, "残疾人两项补贴发放人数", "≥260人", "254人", 5, 4.5m, "个别对象因户籍迁移未及时纳入，发放人数略低于目标；下一步加强部门信息比对。");
        var orphans = I(Q, "孤儿及事实无人抚养儿童保障人数", "9人", "9人", 4, 4);
        var elderly = I(Q, "高龄津贴发放人数", "≥310人", "318人", 4, 4);
        var relief = new ProjectSpec(
            "困难群众救助补助资金",
            "白沙镇人民政府",
            "白沙镇民政办",
            264.50m,
            F(270.00m, 280.00m, 277.14m),
            F(null, 6.00m, 6.00m),
            null,
            "保障城乡低保对象不少于420人、特困人员不少于85人，实施临时救助不少于120人次，救助补助资金按月足额发放。",
            "全年保障城乡低保对象436人、特困人员88人，实施临时救助131人次，发放残疾人两项补贴254人、高龄津贴318人，保障孤儿及事实无人抚养儿童9人，资金按月足额发放。",
            [
                L("产出指标", 50, LevelLabelStyle.TwoLine,
                    dibao, tekun, temporary, disability, orphans, elderly,
                    I(Ql, "救助对象认定准确率", "100%", "100%", 5, 5),
                    I(Ql, "资金发放到位率", "100%", "100%", 5, 5),
                    I(Ql, "动态管理核查率", "≥95%", "96%", 5, 5),
                    I(Tm, "救助资金按月发放及时率", "100%", "100%", 5, 5)),
                L("效益指标", 20, LevelLabelStyle.TwoLine,
                    I("社会效益指标", "困难群众基本生活保障水平", "稳步提高", "稳步提高", 8, 8),
                    I("社会效益指标", "兜底保障政策落实", "应保尽保", "应保尽保", 6, 6),
                    I("可持续影响指标", "社会救助长效机制", "长期", "长期", 6, 6)),
                L("满意度指标", 10, LevelLabelStyle.Inline,
                    I(Sat, "救助对象满意度", "≥90%", "94%", 10, 10)),
                L("成本指标", 10, LevelLabelStyle.TwoLineFullWidth,
                    I("经济成本指标", "特困人员集中供养人均年成本", "≤1.8万元", "1.76万元", 5, 5),
                    I("社会成本指标", "违规享受救助待遇问题", "0起", "1起", 5, 4, Deviation)),
            ],
            new ProjectNarrative(
                "城乡低保、特困人员救助供养、临时救助、残疾人两项补贴、孤儿基本生活保障和高龄津贴发放",
                "项目依据社会救助暂行办法及省、县社会救助有关规定设立，立项依据充分。",
                "救助补助资金实行社会化发放，通过“一卡通”直接发放至救助对象账户。",
                "救助对象经入户调查、民主评议和审核公示后确定，资金按月发放。",
                [("保障城乡低保对象", dibao), ("保障特困人员", tekun), ("实施临时救助", temporary), ("发放残疾人两项补贴", disability), ("保障孤儿及事实无人抚养儿童", orphans), ("发放高龄津贴", elderly)],
                "项目实施切实兜住了困难群众基本生活底线。",
                ["加强部门信息比对，及时将符合条件的对象纳入保障范围。"]));

        var department = new DepartmentSpec(
            350.00m,
            367.00m,
            62.30m,
            12.00m,
            null,
            null,
            "落实城乡低保、特困供养、临时救助等社会救助政策，各类救助补助对象不少于1200人（次），救助资金按时足额发放，困难群众基本生活得到有效保障。",
            "2023年全镇各类救助补助对象1236人（次），救助资金发放及时率100%，为156名居家养老对象提供上门服务，困难群众基本生活得到有效保障。",
            [
                L("产出指标", 50, LevelLabelStyle.TwoLine,
                    I(Q, "各类救助补助对象", "≥1200人（次）", "1236人（次）", 10, 10),
                    I(Q, "居家养老服务对象", "≥150人", "156人", 8, 8),
                    I(Q, "民政协理员培训", "≥4次", "4次", 6, 6),
                    I(Ql, "救助对象认定准确率", "100%", "100%", 8, 8),
                    I(Ql, "民政服务事项办结率", "≥98%", "99%", 6, 6),
                    I(Tm, "救助资金发放及时率", "100%", "100%", 6, 6),
                    I(Tm, "救助信息公开及时率", "100%", "100%", 6, 6)),
                L("效益指标", 20, LevelLabelStyle.Inline,
                    I("社会效益指标", "困难群众基本生活", "有效保障", "有效保障", 10, 10),
                    I("可持续影响指标", "兜底保障长效机制", "长期", "长期", 10, 10)),
                L("满意度指标", 10, LevelLabelStyle.Inline,
                    I(Sat, "群众满意度", "≥90%", "93%", 10, 10)),
                L("成本指标", 10, LevelLabelStyle.TwoLineFullWidth,
                    I("经济成本指标", "公用经费支出", "≤10.00万元", "9.70万元", 5, 5),
                    I("社会成本指标", "违规享受救助待遇问题", "0起", "1起", 5, 4, Deviation)),
            ]);

        var narrative = new DepartmentNarrative(
            [
                "负责辖区城乡最低生活保障、特困人员救助供养、临时救助等社会救助工作。",
                "负责辖区养老服务、儿童福利、残疾人福利等社会福利工作。",
                "负责辖区村（居）民委员会建设、婚姻登记引导、殡葬改革等基层民政工作。",
                "完成镇党委、镇人民政府交办的其他任务。",
            ],
            "白沙镇民政办为镇人民政府内设工作机构，设社会救助、社会福利、基层政权建设3个工作岗位。",
            "全镇18个村（社区）均配备民政协理员。",
            [
                ("落实社会救助政策", "做到应保尽保、应救尽救，各类救助补助对象不少于1200人（次）。"),
                ("提升养老服务水平", "居家养老服务对象不少于150人。"),
            ],
            "救助补助资金实行社会化发放，通过“一卡通”直接发放至救助对象账户，资金发放名单经村（社区）评议、镇政府审核并公示后报县民政局审批。",
            [
                "一是严格对象认定。坚持入户调查、民主评议、审核公示三项程序，确保救助对象认定精准。",
                "二是实行动态管理。每季度对低保、特困对象开展核查，做到应退尽退、应保尽保。",
            ],
            [
                "一是主动接受监督。救助对象名单在村（社区）公示栏长期公示，公布监督举报电话。",
                "二是开展专项排查。配合县民政局开展社会救助领域专项整治，对发现的问题立行立改。",
            ],
            [
                ("社会救助兜底保障有力", $"全年保障城乡低保对象{dibao.Actual}、特困人员{tekun.Actual}，实施临时救助{temporary.Actual}，发放残疾人两项补贴{disability.Actual}、高龄津贴{elderly.Actual}，保障孤儿及事实无人抚养儿童{orphans.Actual}，各类救助补助对象合计1236人（次）。"),
                ("养老服务持续改善", "为156名居家养老对象提供上门服务，开展村（社区）民政协理员培训4次。"),
            ],
            [
                "残疾人两项补贴发放人数略低于年度目标，个别对象因户籍迁移未及时纳入。",
                "救助对象动态管理仍有薄弱环节，全年发现1起违规享受救助待遇问题。",
            ],
            [
                "加强部门信息比对，及时将符合条件的对象纳入保障范围。",
                "强化救助对象动态核查，坚决杜绝违规享受救助待遇现象。",
            ],
            null);

        var basic = new BasicDataSpec(
            6,
            5,
            Triple.Blank,
            Triple.Blank,
            Triple.Blank,
            T(0.85m, 1.00m, 0.62m),
            T(8.00m, 8.00m, 7.86m),
            Triple.Blank,
            [],
            T(4.20m, 4.50m, 4.35m),
            T(3.90m, 4.00m, 3.95m),
            T(1.50m, 1.50m, 1.40m),
            T(1.20m, 1.50m, 1.36m),
            Triple.Blank,
            "本单位无公务用车，公务接待严格执行接待标准，办公用品按需采购、厉行节约。");

        return new FixtureSpec(
            "2023-township-civil-affairs-continued",
            "白沙镇民政办",
            "白沙镇民政办",
            "白沙镇人民政府",
            2023,
            "3、镇级专项资金",
            new Signatures("黄丽", "0734-7236058", "谭志勇", new DateOnly(2024, 3, 15)),
            Scheme(10, ("产出指标", 50), ("效益指标", 20), ("满意度指标", 10), ("成本指标", 10)),
            basic,
            department,
            [relief],
            narrative,
            new FixtureOptions
            {
                SplitProjectTable = (0, 4),
                ProjectReports = false,
                DepartmentIndicatorCell = ["", "绩效指标"],
                ProjectIndicatorCell = ["", "绩效指标"],
                NumberDepartmentIndicators = true,
            });
    }
}
