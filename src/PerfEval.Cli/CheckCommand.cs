using System.Text.Json;
using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;
using PerfEval.Core.Forms;
using PerfEval.Core.Rules;

namespace PerfEval.Cli;

/// <summary>perfeval check: reads each file, runs the consistency rules, prints the findings.</summary>
internal static class CheckCommand
{
    public static int Run(IReadOnlyList<string> paths, string format, OutputStream output, TextWriter stderr)
    {
        var files = InputFiles.Expand(paths, stderr, out var missing);
        if (files.Count == 0)
        {
            stderr.WriteLine("没有可检查的文件。用法：perfeval check <文件或文件夹>... [--format json|text]");
            return ExitCodes.Usage;
        }

        var failed = missing;
        var errors = false;
        if (format == "json")
        {
            output.Raw("{\"files\":[");
        }

        // Only the summary and the findings of a file are kept, and only until they are written.
        OutputStream.InOrder(files, Read, (index, o) =>
        {
            if (o.Result is null)
            {
                failed = true;
                stderr.WriteLine($"无法读取 {Path.GetFileName(o.Path)}：{o.Message}（错误代码 {o.Code}）");
            }
            else
            {
                errors |= o.Result.HasErrors;
            }

            if (format == "text")
            {
                output.Text(w => WriteText(o, w));
                return;
            }

            if (index > 0)
            {
                output.Raw(",");
            }

            output.Json(Payload(o), JsonOutput.WithNulls);
        });

        if (format == "json")
        {
            output.Raw("]}\n");
        }

        if (failed)
        {
            return ExitCodes.Usage;
        }

        return errors ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static Outcome Read(string path)
    {
        try
        {
            var result = Evaluator.Check(File.ReadAllBytes(path), Path.GetFileName(path));
            return new Outcome(path, new Summary(result.Extraction.Submission.Forms.Count, result.Extraction.Submission.Forms.Select(f => new FormSummary(f.Kind, f.Title, FormName(f))).ToList(), result.Findings), null, null);
        }
        catch (DocumentReadException ex)
        {
            return new Outcome(path, null, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Outcome(path, null, "io-error", $"无法打开文件：{ex.Message}");
        }
    }

    private static object Payload(Outcome o) => new
    {
        path = o.Path,
        status = o.Result is null ? "failed" : "ok",
        error = o.Result is null ? new { code = o.Code, message = o.Message } : null,
        forms = o.Result?.Forms.Select(f => new { kind = f.Kind, title = f.Title, name = f.Name }).ToList() ?? [],
        findings = o.Result?.Findings.Select(f => new
        {
            rule = f.Rule,
            category = f.Category,
            severity = f.Severity,
            message = f.Message,
            form = f.Form,
            formName = f.FormName,
            location = new { table = f.Location.Table, row = f.Location.Row, column = f.Location.Column, paragraph = f.Location.Paragraph, excerpt = f.Location.Excerpt },
            expected = f.Expected,
            actual = f.Actual,
            related = f.Related.Select(r => new { form = r.Form, location = new { table = r.Location.Table, row = r.Location.Row, column = r.Location.Column, paragraph = r.Location.Paragraph, excerpt = r.Location.Excerpt } }).ToList(),
            fingerprint = f.Fingerprint,
        }).ToList() ?? [],
    };

    private static string? FormName(Form f) => f switch
    {
        SelfEvalForm s => s.Name,
        ReportForm r => r.Subject,
        _ => null,
    };

    private static void WriteText(Outcome o, TextWriter w)
    {
        w.WriteLine($"# {o.Path}");
        if (o.Result is not { } r)
        {
            w.WriteLine($"  无法读取：{o.Message}（{o.Code}）");
            w.WriteLine();
            return;
        }

        var errors = r.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = r.Findings.Count(f => f.Severity == Severity.Warning);
        w.WriteLine($"  识别表单 {r.FormCount} 个；发现 错误 {errors} 项、警告 {warnings} 项、提示 {r.Findings.Count - errors - warnings} 项");
        foreach (var group in r.Findings.GroupBy(f => (f.Form, f.FormName)))
        {
            w.WriteLine();
            w.WriteLine($"  == {KindName(group.Key.Form)}{(group.Key.FormName is null ? string.Empty : "：" + group.Key.FormName)}");
            foreach (var f in group)
            {
                var tag = f.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };
                w.WriteLine($"  [{tag}] {f.Rule}  {RuleText(f.Location)}");
                w.WriteLine($"      {f.Message}");
                if (f.Location.Excerpt is { Length: > 0 } excerpt)
                {
                    w.WriteLine($"      原文：{(excerpt.Length > 120 ? excerpt[..120] + "…" : excerpt)}");
                }
            }
        }

        w.WriteLine();
    }

    private static string RuleText(Location at) => at switch
    {
        { Table: int t, Row: int r, Column: int c } => $"（表{t} 第{r}行 第{c}列）",
        { Paragraph: int p } => $"（第{p + 1}段）",
        _ => string.Empty,
    };

    private static string KindName(FormKind kind) => kind switch
    {
        FormKind.BasicData => "基础数据表",
        FormKind.DepartmentSelfEval => "部门整体支出绩效自评表",
        FormKind.ProjectSelfEval => "项目支出绩效自评表",
        FormKind.DepartmentReport => "部门整体支出绩效自评报告",
        _ => "项目支出绩效自评报告",
    };

    private sealed record Outcome(string Path, Summary? Result, string? Code, string? Message);

    private sealed record FormSummary(FormKind Kind, string Title, string? Name);

    private sealed record Summary(int FormCount, IReadOnlyList<FormSummary> Forms, IReadOnlyList<Finding> Findings)
    {
        public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
    }
}
