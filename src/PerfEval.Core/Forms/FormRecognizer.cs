using System.Text.RegularExpressions;
using PerfEval.Core.Documents;
using PerfEval.Core.Text;

namespace PerfEval.Core.Forms;

/// <summary>
/// Splits a document into its forms and builds the typed record of each. A form starts at its title — the run of
/// short lines such as "2023年度部门整体支出绩效评价基础" / "数据表" — or, where a table has no title, at a table whose
/// header words say what it is. Several project tables under one title become one form each (a new 项目名称 row
/// starts the next); a report runs until the next title.
/// </summary>
public static partial class FormRecognizer
{
    public static Submission Recognize(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var segments = Segment(document);
        var forms = new List<Form>();
        foreach (var s in segments)
        {
            switch (s.Kind)
            {
                case FormKind.BasicData:
                    forms.Add(BasicDataRecognizer.Recognize(s.Title, s.TitleAt, s.Tables));
                    break;
                case FormKind.DepartmentSelfEval or FormKind.ProjectSelfEval:
                    forms.Add(SelfEvalRecognizer.Recognize(s.Kind, s.Title, s.TitleAt, s.Tables));
                    break;
                default:
                    forms.Add(ReportRecognizer.Recognize(s.Kind, s.Title, s.TitleAt, s.Paragraphs, SubjectOf(s.Title)));
                    break;
            }
        }

        int? year = null;
        foreach (var f in forms)
        {
            var m = Year().Match(TextNormalizer.Key(f.Title));
            if (m.Success)
            {
                year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
        }

        var unit = forms.OfType<SelfEvalForm>().FirstOrDefault(f => f.Kind == FormKind.DepartmentSelfEval)?.Name;
        return new Submission { Forms = forms, Year = year, UnitName = unit };
    }

    /// <summary>The kind a title announces, or null when the text is no form title.</summary>
    internal static FormKind? KindOfTitle(string text)
    {
        var key = TextNormalizer.Key(text);
        if (key.Length == 0 || key.Length > 80 || key.Contains('。', StringComparison.Ordinal))
        {
            return null;
        }

        // Every form of a budget performance self-evaluation names 绩效; "社会评价表" or "总体评价报告编制" do not.
        if (!key.Contains("绩效", StringComparison.Ordinal))
        {
            return null;
        }

        if (key.Contains("基础数据表", StringComparison.Ordinal))
        {
            return FormKind.BasicData;
        }

        var isReport = key.Contains("自评报告", StringComparison.Ordinal) || key.Contains("评价报告", StringComparison.Ordinal);
        var isTable = key.EndsWith("自评表", StringComparison.Ordinal) || key.Contains("绩效自评表", StringComparison.Ordinal) || key.Contains("评价表", StringComparison.Ordinal);
        var project = key.Contains("项目", StringComparison.Ordinal);
        var whole = key.Contains("整体", StringComparison.Ordinal) || key.Contains("部门", StringComparison.Ordinal);
        if (isTable)
        {
            return project && !key.Contains("整体", StringComparison.Ordinal) ? FormKind.ProjectSelfEval : FormKind.DepartmentSelfEval;
        }

        if (isReport)
        {
            return project && !whole ? FormKind.ProjectReport : (whole ? FormKind.DepartmentReport : (project ? FormKind.ProjectReport : FormKind.DepartmentReport));
        }

        return null;
    }

    private static List<FormSegment> Segment(DocumentModel document)
    {
        var segments = new List<FormSegment>();
        FormSegment? current = null;
        var run = new List<ParagraphBlock>();

        foreach (var block in document.Blocks)
        {
            if (block is ParagraphBlock p)
            {
                var isTitleLine = IsTitleLine(p);
                if (isTitleLine)
                {
                    run.Add(p);
                    var title = TitleOf(run);
                    if (title is { } t)
                    {
                        current?.Paragraphs.RemoveAll(t.Lines.Contains);
                        if (current is { IsReport: true, HasBody: false } && t.Kind is FormKind.DepartmentReport or FormKind.ProjectReport)
                        {
                            // A report's cover and its inner titles ("…整体支出绩效" / "自 评 报 告") are one form.
                            current.Paragraphs.Clear();
                            run.Clear();
                            continue;
                        }

                        current = new FormSegment(t.Kind, t.Title, Location.Para(t.Lines[0].Index, t.Title));
                        segments.Add(current);
                        run.Clear();
                        continue;
                    }
                }
                else
                {
                    run.Clear();
                }

                if (current is { IsReport: true })
                {
                    current.Add(p);
                }

                continue;
            }

            if (block is not TableBlock table)
            {
                continue;
            }

            run.Clear();
            var kind = KindOfTable(table);
            if (kind is null)
            {
                continue;
            }

            // A table with neither a name nor a fund block right after a self-evaluation form continues it (an
            // indicator table split over a page break, where the stitcher could not join the two).
            if (current is { IsReport: false } && current.Kind is FormKind.ProjectSelfEval or FormKind.DepartmentSelfEval &&
                kind is FormKind.ProjectSelfEval or FormKind.DepartmentSelfEval && SelfEvalRecognizer.IsContinuation(table))
            {
                current.Tables.Add(table);
                continue;
            }

            if (current is null || current.IsReport || current.Kind != kind || StartsAnotherForm(current, table))
            {
                var title = TitleInTable(table) ?? DefaultTitle(kind.Value);
                current = new FormSegment(kind.Value, title, Location.Cell(table.TableNumber, 0, 0, title));
                segments.Add(current);
            }

            current.Tables.Add(table);
        }

        return segments;
    }

    private static bool StartsAnotherForm(FormSegment current, TableBlock table) =>
        current.Tables.Count > 0 && current.Kind == FormKind.ProjectSelfEval && SelfEvalRecognizer.NameIn(table) is not null
        && current.Tables.Any(t => SelfEvalRecognizer.NameIn(t) is not null);

    private static FormKind? KindOfTable(TableBlock table)
    {
        if (TitleInTable(table) is { } title && KindOfTitle(title) is { } titled && titled is not (FormKind.DepartmentReport or FormKind.ProjectReport))
        {
            return titled;
        }

        // A self-evaluation table is known by its indicator or fund header; only a table without them can be the
        // 基础数据表 (an indicator such as "“三公”经费控制" must not make a project table look like one).
        if (SelfEvalRecognizer.LooksLikeSelfEval(table))
        {
            var head = string.Concat(table.Rows.Take(3).SelectMany(r => r.Cells).Select(c => c.Key));
            return head.Contains("项目", StringComparison.Ordinal) && !head.Contains("预算部门", StringComparison.Ordinal) ? FormKind.ProjectSelfEval : FormKind.DepartmentSelfEval;
        }

        return BasicDataRecognizer.LooksLikeBasicData(table) ? FormKind.BasicData : null;
    }

    /// <summary>A title written in the table's first row, as some templates do.</summary>
    private static string? TitleInTable(TableBlock table)
    {
        if (table.Rows.Count == 0)
        {
            return null;
        }

        var cells = table.Rows[0].Cells;
        if (cells.Count == 1 || (cells.Count > 0 && cells[0].ColSpan == table.ColumnCount))
        {
            var text = TextNormalizer.Clean(cells[0].Text.Replace('\n', ' '));
            return KindOfTitle(text) is not null ? text : null;
        }

        return null;
    }

    private static bool IsTitleLine(ParagraphBlock p)
    {
        // The cheap tests first: a numbered line or a sentence ('。' survives Key unchanged) is no title, and the key
        // of a body paragraph need not be built.
        if (p.ListLabel is not null || p.Text.Contains('。', StringComparison.Ordinal))
        {
            return false;
        }

        var key = TextNormalizer.Key(p.Text);
        if (key.Length == 0 || key.Length > 60 || key.Contains('，', StringComparison.Ordinal))
        {
            return false;
        }

        return SectionMarkers.Match(p.Text) is null;
    }

    /// <summary>
    /// Finds the shortest tail of the run that reads as a title, then takes in the lines before it that continue it
    /// ("2023年度残联整体支出" / "绩效自评报告"), stopping at an attachment mark, a date or a "label：" line.
    /// </summary>
    private static (FormKind Kind, string Title, List<ParagraphBlock> Lines)? TitleOf(List<ParagraphBlock> run)
    {
        for (var n = 1; n <= Math.Min(4, run.Count); n++)
        {
            var lines = run.Skip(run.Count - n).ToList();
            if (KindOfTitle(string.Concat(lines.Select(l => l.Text.Trim()))) is null)
            {
                continue;
            }

            var first = run.Count - n;
            while (first > 0 && run.Count - first < 5 && ContinuesTitle(run[first - 1]))
            {
                first--;
            }

            lines = run.Skip(first).ToList();
            var title = TextNormalizer.Clean(string.Concat(lines.Select(l => l.Text.Trim())));
            if (KindOfTitle(title) is not { } kind)
            {
                continue;
            }

            return (kind, title, lines);
        }

        return null;
    }

    private static bool ContinuesTitle(ParagraphBlock line)
    {
        var key = TextNormalizer.Key(line.Text);
        return key.Length is > 0 and <= 40 && !Attachment().IsMatch(key) && !DateLine().IsMatch(key)
            && !key.Contains(':', StringComparison.Ordinal) && !key.Contains('：', StringComparison.Ordinal)
            && KindOfTitle(line.Text) is null;
    }

    private static string DefaultTitle(FormKind kind) => kind switch
    {
        FormKind.BasicData => "部门整体支出绩效评价基础数据表",
        FormKind.DepartmentSelfEval => "部门整体支出绩效自评表",
        FormKind.ProjectSelfEval => "项目支出绩效自评表",
        FormKind.DepartmentReport => "部门整体支出绩效自评报告",
        _ => "项目支出绩效自评报告",
    };

    /// <summary>"2023年度残疾人就业保障金项目支出绩效自评报告" → "残疾人就业保障金".</summary>
    private static string? SubjectOf(string title)
    {
        var key = YearOf().Replace(TextNormalizer.Key(title), string.Empty);
        var end = key.IndexOf("项目", StringComparison.Ordinal);
        return end > 0 ? key[..end] : null;
    }

    [GeneratedRegex(@"(?<y>(19|20)\d{2})年")]
    private static partial Regex Year();

    [GeneratedRegex(@"(19|20)\d{2}年度?")]
    private static partial Regex YearOf();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月(\d{1,2}日)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^附件\s*\d+[:：]?")]
    private static partial Regex Attachment();

    private sealed class FormSegment(FormKind kind, string title, Location titleAt)
    {
        public FormKind Kind { get; } = kind;

        public string Title { get; } = title;

        public Location TitleAt { get; } = titleAt;

        public List<TableBlock> Tables { get; } = [];

        public List<ParagraphBlock> Paragraphs { get; } = [];

        public bool IsReport => Kind is FormKind.DepartmentReport or FormKind.ProjectReport;

        /// <summary>True once the report has numbered sections or long text (so a second title is a new report).</summary>
        public bool HasBody { get; private set; }

        public void Add(ParagraphBlock p)
        {
            Paragraphs.Add(p);
            HasBody |= p.ListLabel is not null || p.Text.Length > 60 || SectionMarkers.Match(p.Text) is not null;
        }
    }
}
