namespace PerfEval.Core.Tests.Rules.Generated;

/// <summary>How an indicator's target and actual are written.</summary>
internal enum ValueStyle
{
    /// <summary>A count with a unit: "≥300人" / "326人".</summary>
    Count,

    /// <summary>A percentage: "≥95%" / "97.5%".</summary>
    Percent,

    /// <summary>A qualitative level: "明显改善".</summary>
    Qualitative,

    /// <summary>A deadline: "按期完成".</summary>
    Deadline,

    /// <summary>A cost ceiling: "≤1500元" / "1460元".</summary>
    Cost,

    /// <summary>No incidents: "0起" / "无".</summary>
    NoIncident,
}

/// <summary>A 三级指标 as the pools hold it: the name and how its values are written.</summary>
internal sealed record IndicatorTemplate(string Name, ValueStyle Style, string Unit = "", int Low = 0, int High = 0);

/// <summary>
/// Word pools of the generator: indicator names per 二级指标, unit and project names, and the prose of the reports.
/// Names never contain 、和及与或 (the report's figures name them) nor digits (a leading number is read as numbering).
/// </summary>
internal static class WordPools
{
    public static readonly IReadOnlyList<IndicatorTemplate> Quantity =
    [
        new("困难群众临时救助", ValueStyle.Count, "人次", 200, 3000),
        new("城乡低保对象保障人数", ValueStyle.Count, "人", 500, 20000),
        new("特困供养人员集中供养", ValueStyle.Count, "人", 50, 800),
        new("农村留守儿童关爱帮扶", ValueStyle.Count, "人", 100, 3000),
        new("残疾儿童康复训练", ValueStyle.Count, "人", 30, 400),
        new("家庭经济困难学生资助", ValueStyle.Count, "人", 200, 6000),
        new("职业技能培训人数", ValueStyle.Count, "人", 100, 3000),
        new("公益性岗位安置", ValueStyle.Count, "人", 20, 500),
        new("退役军人走访慰问", ValueStyle.Count, "户", 100, 2000),
        new("农村危房改造户数", ValueStyle.Count, "户", 20, 600),
        new("无障碍设施改造", ValueStyle.Count, "户", 20, 300),
        new("易地搬迁后续帮扶", ValueStyle.Count, "户", 30, 800),
        new("高标准农田建设面积", ValueStyle.Count, "亩", 2000, 60000),
        new("农村公路养护里程", ValueStyle.Count, "公里", 50, 900),
        new("病险水库除险加固", ValueStyle.Count, "座", 2, 30),
        new("中小学校舍维修改造", ValueStyle.Count, "所", 3, 40),
        new("村卫生室标准化建设", ValueStyle.Count, "个", 5, 80),
        new("文化惠民演出场次", ValueStyle.Count, "场", 20, 300),
        new("法律援助案件办理", ValueStyle.Count, "件", 50, 1500),
        new("食品安全监督抽检", ValueStyle.Count, "批", 200, 3000),
        new("安全生产执法检查", ValueStyle.Count, "次", 50, 1200),
        new("森林防火巡查", ValueStyle.Count, "次", 100, 2000),
        new("老年人健康体检", ValueStyle.Count, "人", 500, 20000),
        new("新生儿疾病筛查", ValueStyle.Count, "人", 200, 5000),
        new("孕产妇系统管理", ValueStyle.Count, "人", 200, 4000),
        new("创业担保贷款发放", ValueStyle.Count, "笔", 20, 400),
        new("新型职业农民培育", ValueStyle.Count, "人", 50, 800),
        new("农机购置补贴受益", ValueStyle.Count, "户", 50, 1500),
        new("村级集体经济扶持", ValueStyle.Count, "村", 3, 40),
        new("老旧小区改造", ValueStyle.Count, "个", 2, 30),
        new("城市公厕新建改建", ValueStyle.Count, "座", 5, 60),
        new("垃圾转运设备配置", ValueStyle.Count, "台", 3, 50),
        new("河道清淤疏浚长度", ValueStyle.Count, "公里", 5, 120),
        new("污水管网铺设长度", ValueStyle.Count, "公里", 2, 60),
        new("公共法律服务站点建设", ValueStyle.Count, "个", 5, 60),
        new("志愿服务活动开展", ValueStyle.Count, "场", 10, 200),
        new("非遗传承展示活动", ValueStyle.Count, "场", 5, 80),
        new("全民健身赛事举办", ValueStyle.Count, "场", 5, 60),
        new("社区矫正对象教育帮扶", ValueStyle.Count, "人", 30, 400),
        new("消防安全隐患排查", ValueStyle.Count, "处", 50, 900),
        new("地质灾害隐患点监测", ValueStyle.Count, "处", 10, 150),
        new("营养改善计划受益学生", ValueStyle.Count, "人", 500, 15000),
        new("乡村教师专项培训", ValueStyle.Count, "人次", 100, 2000),
        new("困难职工生活帮扶", ValueStyle.Count, "户", 30, 600),
        new("电子健康档案建档", ValueStyle.Count, "人", 10000, 200000),
        new("义务教育控辍保学劝返", ValueStyle.Count, "人", 5, 120),
        new("重度残疾人护理补贴发放", ValueStyle.Count, "人", 300, 6000),
        new("孤儿基本生活费发放", ValueStyle.Count, "人", 20, 400),
        new("农家书屋图书更新", ValueStyle.Count, "册", 1000, 20000),
        new("政务服务事项网上办理", ValueStyle.Count, "件", 500, 30000),
        new("计划生育家庭扶助人数", ValueStyle.Count, "人", 500, 3000),
        new("年度目标任务完成数", ValueStyle.Count, "项", 10, 60),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> Quality =
    [
        new("资助对象认定准确率", ValueStyle.Percent),
        new("工程验收合格率", ValueStyle.Percent),
        new("培训考核合格率", ValueStyle.Percent),
        new("救助资金发放准确率", ValueStyle.Percent),
        new("设备完好率", ValueStyle.Percent),
        new("档案资料规范率", ValueStyle.Percent),
        new("监督抽检合格率", ValueStyle.Percent),
        new("案件按期办结率", ValueStyle.Percent),
        new("隐患整改完成率", ValueStyle.Percent),
        new("康复训练达标率", ValueStyle.Percent),
        new("信息录入准确率", ValueStyle.Percent),
        new("饮用水水质达标率", ValueStyle.Percent),
        new("道路养护优良率", ValueStyle.Percent),
        new("适龄儿童疫苗接种率", ValueStyle.Percent),
        new("建设标准执行到位", ValueStyle.Qualitative),
        new("补贴对象公示率", ValueStyle.Percent),
        new("设施运行正常率", ValueStyle.Percent),
        new("重点区域巡查覆盖率", ValueStyle.Percent),
        new("慢病患者规范管理率", ValueStyle.Percent),
        new("服务流程规范程度", ValueStyle.Qualitative),
        new("政策知晓率", ValueStyle.Percent),
        new("参保对象代缴到位率", ValueStyle.Percent),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> Timeliness =
    [
        new("资金拨付及时率", ValueStyle.Percent),
        new("补助资金发放及时率", ValueStyle.Percent),
        new("项目开工及时率", ValueStyle.Percent),
        new("工程按期完工率", ValueStyle.Percent),
        new("信息报送及时率", ValueStyle.Percent),
        new("问题整改及时率", ValueStyle.Percent),
        new("政策兑现及时率", ValueStyle.Percent),
        new("年度任务完成时限", ValueStyle.Deadline),
        new("项目建设周期", ValueStyle.Deadline),
        new("采购合同履约时效", ValueStyle.Deadline),
        new("来信来访受理时效", ValueStyle.Deadline),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> EconomicBenefit =
    [
        new("带动群众增收", ValueStyle.Qualitative),
        new("减轻群众就医负担", ValueStyle.Qualitative),
        new("减轻困难家庭经济负担", ValueStyle.Qualitative),
        new("促进农业增产增效", ValueStyle.Qualitative),
        new("节约财政资金", ValueStyle.Qualitative),
        new("带动社会资本投入", ValueStyle.Qualitative),
        new("提高资金使用效益", ValueStyle.Qualitative),
        new("增加村集体经济收入", ValueStyle.Qualitative),
        new("降低企业运营成本", ValueStyle.Qualitative),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> SocialBenefit =
    [
        new("困难群众基本生活保障水平", ValueStyle.Qualitative),
        new("公共服务均等化水平", ValueStyle.Qualitative),
        new("基层治理能力", ValueStyle.Qualitative),
        new("群众安全感", ValueStyle.Qualitative),
        new("就业创业能力", ValueStyle.Qualitative),
        new("教育公平保障", ValueStyle.Qualitative),
        new("居民健康素养水平", ValueStyle.Percent),
        new("全民法治意识", ValueStyle.Qualitative),
        new("群众精神文化生活", ValueStyle.Qualitative),
        new("残疾人平等参与社会生活", ValueStyle.Qualitative),
        new("社会救助兜底作用", ValueStyle.Qualitative),
        new("优抚对象获得感", ValueStyle.Qualitative),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> EcologicalBenefit =
    [
        new("农村人居环境", ValueStyle.Qualitative),
        new("水土流失治理成效", ValueStyle.Qualitative),
        new("森林覆盖率", ValueStyle.Percent),
        new("河湖水质", ValueStyle.Qualitative),
        new("城乡环境卫生面貌", ValueStyle.Qualitative),
        new("节能降耗成效", ValueStyle.Qualitative),
        new("无障碍环境建设", ValueStyle.Qualitative),
        new("生活垃圾无害化处理率", ValueStyle.Percent),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> Sustainable =
    [
        new("长效管护机制", ValueStyle.Qualitative),
        new("政策持续发挥作用", ValueStyle.Qualitative),
        new("服务体系持续运行", ValueStyle.Qualitative),
        new("设施长期使用", ValueStyle.Qualitative),
        new("制度体系建设", ValueStyle.Qualitative),
        new("专业人才队伍建设", ValueStyle.Qualitative),
        new("部门协同联动机制", ValueStyle.Qualitative),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> Satisfaction =
    [
        new("服务对象满意度", ValueStyle.Percent),
        new("受益群众满意度", ValueStyle.Percent),
        new("参训学员满意度", ValueStyle.Percent),
        new("受助学生满意度", ValueStyle.Percent),
        new("就诊患者满意度", ValueStyle.Percent),
        new("社会公众满意度", ValueStyle.Percent),
        new("受益农户满意度", ValueStyle.Percent),
        new("家长满意度", ValueStyle.Percent),
        new("辖区居民满意度", ValueStyle.Percent),
        new("优抚对象满意度", ValueStyle.Percent),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> EconomicCost =
    [
        new("人均补助标准", ValueStyle.Cost, "元", 300, 3000),
        new("人均培训成本", ValueStyle.Cost, "元", 200, 1500),
        new("户均改造成本", ValueStyle.Cost, "万元", 1, 6),
        new("每亩建设成本", ValueStyle.Cost, "元", 1500, 3500),
        new("单场活动成本", ValueStyle.Cost, "元", 2000, 20000),
        new("设备采购单价", ValueStyle.Cost, "万元", 2, 30),
        new("每公里养护成本", ValueStyle.Cost, "元", 3000, 12000),
        new("人均体检费用", ValueStyle.Cost, "元", 80, 300),
        new("日常运行经费控制", ValueStyle.Cost, "万元", 10, 80),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> SocialCost =
    [
        new("因项目实施引发的群体性事件", ValueStyle.NoIncident, "起"),
        new("负面舆情事件", ValueStyle.NoIncident, "起"),
        new("安全生产责任事故", ValueStyle.NoIncident, "起"),
        new("违规发放补助资金问题", ValueStyle.NoIncident, "起"),
        new("对社会秩序造成不良影响", ValueStyle.NoIncident),
    ];

    public static readonly IReadOnlyList<IndicatorTemplate> EcologicalCost =
    [
        new("项目实施对生态环境的负面影响", ValueStyle.NoIncident),
        new("环境污染事故", ValueStyle.NoIncident, "起"),
        new("施工扬尘噪声投诉", ValueStyle.NoIncident, "起"),
        new("建筑垃圾违规处置", ValueStyle.NoIncident, "起"),
    ];

    /// <summary>The 二级指标 of each 一级指标, in table order, with their pools and how many indicators each may have.</summary>
    public static readonly IReadOnlyDictionary<string, (string Level2, IReadOnlyList<IndicatorTemplate> Pool, int Min, int Max)[]> Level2 =
        new Dictionary<string, (string, IReadOnlyList<IndicatorTemplate>, int, int)[]>(StringComparer.Ordinal)
        {
            ["产出指标"] = [("数量指标", Quantity, 1, 4), ("质量指标", Quality, 1, 2), ("时效指标", Timeliness, 1, 2)],
            ["效益指标"] = [("经济效益指标", EconomicBenefit, 1, 2), ("社会效益指标", SocialBenefit, 1, 2), ("生态效益指标", EcologicalBenefit, 1, 1), ("可持续影响指标", Sustainable, 1, 2)],
            ["满意度指标"] = [("服务对象满意度指标", Satisfaction, 1, 2)],
            ["成本指标"] = [("经济成本指标", EconomicCost, 1, 2), ("社会成本指标", SocialCost, 1, 1), ("生态环境成本指标", EcologicalCost, 1, 1)],
        };

    public static readonly string[] QualitativeTargets = ["明显改善", "有效提升", "持续提升", "显著增强", "稳步提升", "有效保障", "长期", "逐步完善", "持续发挥"];

    public static readonly string[] QualitativeShortfalls = ["有所改善", "有所提升", "基本实现", "初步显现"];

    public static readonly string[] Regions = ["青溪县", "柳林区", "江城市", "云岭县", "桃源区", "松阳县", "临川市", "平湖区", "安远县", "石门市", "白沙县", "东湖区"];

    public static readonly string[] Departments =
    [
        "教育局", "农业农村局", "卫生健康局", "民政局", "残疾人联合会", "水利局", "交通运输局", "文化旅游体育局", "司法局",
        "应急管理局", "人力资源社会保障局", "林业局", "住房城乡建设局", "退役军人事务局", "市场监督管理局",
    ];

    /// <summary>Project names (some end in 项目, as many real ones do) and what the money is used for.</summary>
    public static readonly (string Name, string Purpose)[] Projects =
    [
        ("困难群众救助补助资金", "城乡低保、特困供养、临时救助等困难群众基本生活保障"),
        ("学生资助项目", "家庭经济困难学生生活补助和学费减免"),
        ("校舍维修改造项目", "中小学校舍屋面防水、门窗更换和附属设施维修"),
        ("基本公共卫生服务项目", "居民健康档案管理、健康教育、预防接种和重点人群健康管理"),
        ("残疾人就业保障金", "残疾人职业培训、创业扶持和就业服务"),
        ("农村危房改造补助资金", "农村低收入群体危房改造补助"),
        ("高标准农田建设项目", "田块整治、灌溉排水、田间道路和农田防护工程建设"),
        ("乡村振兴衔接资金", "产业发展、就业帮扶和乡村基础设施建设"),
        ("公共文化服务体系建设专项", "文化场馆免费开放、文化惠民演出和农家书屋更新"),
        ("法律援助专项经费", "法律援助案件补贴和公共法律服务站点运行"),
        ("森林防火专项经费", "森林防火巡护、物资储备和宣传教育"),
        ("城乡环境卫生整治经费", "垃圾清运、公厕管护和环境卫生整治"),
        ("职业技能提升专项资金", "职业技能培训补贴和鉴定评价补贴"),
        ("退役军人优抚经费", "优抚对象定期抚恤补助和走访慰问"),
        ("安全生产监管专项经费", "安全生产执法检查、隐患排查和应急演练"),
        ("水利工程维修养护经费", "小型水库、山塘和渠道的日常维修养护"),
        ("义务教育营养改善计划资金", "义务教育阶段学生营养膳食补助"),
        ("家庭医生签约服务项目", "家庭医生团队签约服务费补助和履约考核"),
        ("农村公路养护专项资金", "农村公路日常养护和危桥改造"),
        ("老年人福利补贴资金", "高龄津贴、养老服务补贴和护理补贴发放"),
    ];

    public static readonly string[] Deviations =
    [
        "部分任务受天气影响推进偏慢；下一步科学安排工期，加强进度调度。",
        "个别项目资金拨付进度偏慢，影响资金使用效益；下一步加快资金拨付进度。",
        "部分服务对象对补助标准期望较高；下一步加强政策宣传解读，提高服务精准度。",
        "基层工作力量不足，服务覆盖面有限；下一步充实基层队伍。",
        "部分对象参与意愿不强；下一步加强宣传动员，创新服务方式。",
        "前期摸底不够精准，实际需求低于预期；下一步完善需求调查。",
        "物价上涨导致成本高于预期；下一步加强成本测算和过程控制。",
        "部门间信息共享不够及时；下一步完善数据共享机制。",
        "部分基层单位资料整理不规范；下一步加强业务培训和督导检查。",
        "项目前期手续办理时间较长；下一步提前谋划，做实前期工作。",
    ];

    public static readonly string[] Functions =
    [
        "贯彻执行国家和省、市有关方针政策和法律法规，拟订本系统发展规划并组织实施。",
        "统筹本行业资源配置，指导下属单位和基层站所开展业务工作。",
        "负责本行业专项资金的预算编制、使用管理和绩效评价工作。",
        "负责本行业安全生产、信访维稳和应急管理工作。",
        "承担行业统计、信息化建设和政策宣传工作。",
        "完成上级党委、政府交办的其他任务。",
    ];

    public static readonly string[] KeyWork =
    [
        "推进重点民生实事。按照年度目标任务，细化责任分工，确保各项民生实事按期完成。",
        "加强专项资金管理。严格执行专项资金管理办法，做到专款专用。",
        "提升公共服务水平。完善服务流程，提高服务效率和质量。",
        "强化基层能力建设。加强基层队伍培训，提升基层服务能力。",
        "抓好安全稳定工作。落实安全生产责任，及时化解矛盾纠纷。",
    ];

    public static readonly string[] Organization =
    [
        "一是明确责任分工。各项目均明确牵头股室和实施单位，建立项目台账，实行清单化管理。",
        "二是完善实施方案。结合年度目标任务制定项目实施方案，细化工作措施和时间节点。",
        "三是规范前期程序。严格履行项目申报、评审和公示程序，确保项目依法合规实施。",
    ];

    public static readonly string[] Supervision =
    [
        "一是加强绩效运行监控。对照绩效目标对项目实施进度和资金执行进度进行跟踪监控，及时纠正偏差。",
        "二是强化资金监管。定期开展专项资金使用情况检查，确保资金安全、规范、有效使用。",
        "三是开展实地督查。不定期深入基层开展实地督查，督查结果及时通报。",
    ];

    public static readonly string[] PerformanceTitles =
    [
        "重点民生实事全面完成", "公共服务水平稳步提升", "专项工作扎实推进", "基础设施条件持续改善", "基层服务能力不断增强",
    ];

    public static readonly string[] Problems =
    [
        "部分项目前期工作不够扎实，影响了项目实施进度。",
        "绩效目标设置不够细化，个别指标可衡量性不强。",
        "基层工作力量相对薄弱，服务能力有待提升。",
        "资金支出进度不够均衡，年底支出相对集中。",
    ];

    public static readonly string[] Measures =
    [
        "加强项目前期论证，提高项目储备质量。",
        "科学设置绩效目标，提高绩效指标的可衡量性。",
        "加强基层队伍建设，提升基层服务能力。",
        "强化预算执行监控，提高预算执行的均衡性。",
    ];

    public static readonly string[] Experience =
    [
        "（一）健全制度，规范管理。制定完善专项资金管理和项目管理制度，做到资金使用范围明确、程序规范。",
        "（二）强化监管，注重绩效。将绩效管理贯穿项目实施全过程，绩效评价结果与下年度预算安排挂钩。",
    ];

    public static readonly string[] Managements =
    [
        "项目资金实行专账核算、专款专用，资金拨付严格履行审批程序。",
        "资金按照“先审核、后拨付”的原则，根据项目实施进度和考核结果拨付。",
        "补助资金通过“一卡通”直接发放至补助对象个人账户，实行公示制度。",
    ];

    public static readonly string[] Processes =
    [
        "主管部门按季度开展项目实施情况抽查，对发现的问题限期整改。",
        "项目实施单位建立工作台账，定期报送项目实施进度。",
        "主管部门会同财政部门开展项目绩效运行监控，及时纠正偏差。",
    ];

    public static readonly string[] Suggestions =
    [
        "进一步加强项目动态管理，确保资金精准使用。",
        "加强基层业务培训，提升项目实施质量。",
        "完善绩效目标设置，提高绩效评价结果运用水平。",
    ];

    public static readonly string[] Surnames = ["陈", "李", "王", "张", "刘", "赵", "周", "吴", "黄", "彭", "曾", "谭"];

    public static readonly string[] GivenNames = ["静", "伟", "芳", "敏", "强", "磊", "洋", "娟", "勇", "军", "丽", "涛", "文斌", "红梅", "志刚"];
}
