using PerfEval.FixtureGen.Model;
using PerfEval.FixtureGen.Narrative;

namespace PerfEval.FixtureGen.Layout;

/// <summary>What kind of form a part of the document is, as the expected sidecar names it.</summary>
internal static class FormKinds
{
    public const string BasicData = "basic-data";
    public const string DepartmentSelfEval = "department-self-eval";
    public const string ProjectSelfEval = "project-self-eval";
    public const string DepartmentReport = "department-report";
    public const string ProjectReport = "project-report";
}

/// <summary>One form as placed in the document: its kind, attachment label, title, and the physical tables it occupies.</summary>
internal sealed record PlacedForm(string Kind, string? Attachment, string Title, IReadOnlyList<int> TableNumbers, ProjectFacts? Project, Report? Report);

/// <summary>Lays out a whole fixture: the forms in the order 附件1, 附件2, 附件3 (one per project), then the reports.</summary>
internal sealed class DocumentComposer
{
    private readonly List<GenBlock> _blocks = [];
    private readonly List<PlacedForm> _forms = [];
    private int _tables;
    private int _numberingInstances;

    private DocumentComposer(FixtureFacts facts)
    {
        Facts = facts;
    }

    public FixtureFacts Facts { get; }

    public static (GenDocument Document, IReadOnlyList<PlacedForm> Forms) Compose(FixtureFacts facts)
    {
        var c = new DocumentComposer(facts);
        c.Build();
        var s = facts.Spec;
        var doc = new GenDocument($"{s.Unit} {s.Year} 绩效自评材料", s.Signatures.FillDate, c._blocks, c._numberingInstances);
        return (doc, c._forms);
    }

    private FixtureSpec Spec => Facts.Spec;

    private void Build()
    {
        var y = Spec.Year;

        var basicTitle = $"{y}年度部门整体支出绩效评价基础数据表";
        Para("附件1");
        Para(basicTitle, "Heading2", Align.Center);
        var basic = Table(FormLayouts.BasicData(Facts));
        Para("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。");
        Footer();
        _forms.Add(new PlacedForm(FormKinds.BasicData, "附件1", basicTitle, [basic], null, null));

        var deptTitle = $"{y}年度部门整体支出绩效自评表";
        Para("附件2");
        Para(deptTitle, "Heading2", Align.Center);
        var dept = Table(FormLayouts.Department(Facts));
        Footer();
        _forms.Add(new PlacedForm(FormKinds.DepartmentSelfEval, "附件2", deptTitle, [dept], null, null));

        for (var i = 0; i < Facts.Projects.Count; i++)
        {
            var p = Facts.Projects[i];
            var projTitle = $"{y}年度项目支出绩效自评表";
            Para("附件3");
            Para(projTitle, "Heading2", Align.Center);
            int? split = Spec.Options.SplitProjectTable is { } sp && sp.Project == i ? sp.AfterIndicator : null;
            var numbers = new List<int>();
            var parts = FormLayouts.Project(Facts, p, split);
            for (var k = 0; k < parts.Count; k++)
            {
                if (k > 0)
                {
                    // The table continues on the next page: an empty paragraph holding only a page break separates the parts.
                    _blocks.Add(new GenParagraph(string.Empty) { PageBreakAfter = true });
                }

                numbers.Add(Table(parts[k]));
            }

            Footer();
            _forms.Add(new PlacedForm(FormKinds.ProjectSelfEval, "附件3", projTitle, numbers, p, null));
        }

        var reports = new List<Report> { DepartmentReportBuilder.Build(Facts) };
        if (Spec.Options.ProjectReports)
        {
            reports.AddRange(Facts.Projects.Select(p => ProjectReportBuilder.Build(Facts, p)));
        }

        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (i == 0)
            {
                if (Spec.Options.ReportCoverUnit is { } coverUnit)
                {
                    Para("附件4");
                    Para(string.Empty);
                    Para($"{y}年度{coverUnit}整体支出", "Heading3", Align.Center);
                    Para("绩效自评报告", "Heading3", Align.Center);

                    for (var k = 0; k < 8; k++)
                    {
                        Para(string.Empty);
                    }

                    Para($"部门(单位)名称：{Spec.Unit}(盖章)", align: Align.Center);
                    _blocks.Add(new GenParagraph(Money.Date(Spec.Signatures.FillDate)) { Align = Align.Center, PageBreakAfter = true });
                }
                else
                {
                    Para("附件4");
                }
            }

            foreach (var t in r.TitleParagraphs)
            {
                Para(t, "Heading3", Align.Center);
            }

            Para(string.Empty);
            var numId = Spec.Options.AutoNumbering ? ++_numberingInstances : (int?)null;
            Sections(r.Sections, 1, numId);
            Para(string.Empty);
            Para(r.Closing[0], align: Align.Right);
            _blocks.Add(new GenParagraph(r.Closing[1]) { Align = Align.Right, PageBreakAfter = i < reports.Count - 1 });
            _forms.Add(new PlacedForm(r.Kind, i == 0 ? "附件4" : null, r.Title, [], r.ProjectName is null ? null : Facts.Projects.First(p => p.Spec.Name == r.ProjectName), r));
        }
    }

    private void Sections(IReadOnlyList<Section> sections, int level, int? numId)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var label = Section.Label(level, i + 1);
            _blocks.Add(numId is { } id
                ? new GenParagraph(s.HeadingText) { NumberingId = id, NumberingLevel = level - 1, ListLabel = label }
                : new GenParagraph(label + s.HeadingText));
            foreach (var body in s.Body)
            {
                Para(body);
            }

            Sections(s.Children, s.ChildLevel ?? level + 1, numId);
        }
    }

    private void Footer()
    {
        var g = Spec.Signatures;
        _blocks.Add(new GenParagraph($"填表人：{g.Preparer}  填报日期：{Money.DotDate(g.FillDate)}  联系电话：{g.Phone}  单位负责人签字：{g.Head}") { PageBreakAfter = true });
    }

    private void Para(string text, string? style = null, Align align = Align.Left) =>
        _blocks.Add(new GenParagraph(text) { Style = style, Align = align });

    private int Table(GenTable table)
    {
        _blocks.Add(table);
        return ++_tables;
    }
}
