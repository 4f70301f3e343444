using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.FixtureGen.Layout;
using PerfEval.FixtureGen.Model;

namespace PerfEval.FixtureGen.Output;

/// <summary>
/// Writes &lt;name&gt;.expected.json: the figures a correct extraction must find, in the order the forms appear.
/// Amounts are numbers in 万元 (null = blank cell); rates are percentages (97.32 means 97.32%); text fields are the cell text as written,
/// with cell paragraphs joined by '\n'.
/// </summary>
internal static class ExpectedJsonWriter
{
    public static byte[] Write(FixtureFacts f, IReadOnlyList<PlacedForm> forms, int physicalTables, string docxName, string? txtName)
    {
        var s = f.Spec;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("unit", s.Unit);
            w.WriteNumber("year", s.Year);
            w.WriteStartObject("files");
            w.WriteString("docx", docxName);
            if (txtName is null)
            {
                w.WriteNull("txt");
            }
            else
            {
                w.WriteString("txt", txtName);
            }

            w.WriteEndObject();
            w.WriteStartObject("docx");
            w.WriteNumber("physicalTables", physicalTables);
            w.WriteNumber("logicalTables", forms.Count(x => x.TableNumbers.Count > 0));
            w.WriteBoolean("autoNumbering", s.Options.AutoNumbering);
            w.WriteEndObject();
            w.WriteStartObject("weightScheme");
            w.WriteString("text", s.Scheme.Describe());
            w.WriteNumber("budgetExecution", s.Scheme.BudgetExecutionWeight);
            w.WriteStartArray("levels");
            foreach (var (level, weight) in s.Scheme.Levels)
            {
                w.WriteStartObject();
                w.WriteString("name", level);
                w.WriteNumber("weight", weight);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("forms");
            foreach (var form in forms)
            {
                w.WriteStartObject();
                w.WriteString("kind", form.Kind);
                Str(w, "attachment", form.Attachment);
                w.WriteString("title", form.Title);
                if (form.TableNumbers.Count > 0)
                {
                    w.WriteStartArray("tables");
                    foreach (var t in form.TableNumbers)
                    {
                        w.WriteNumberValue(t);
                    }

                    w.WriteEndArray();
                }

                switch (form.Kind)
                {
                    case FormKinds.BasicData:
                        BasicData(w, f);
                        break;
                    case FormKinds.DepartmentSelfEval:
                        Department(w, f);
                        break;
                    case FormKinds.ProjectSelfEval:
                        Project(w, f, form.Project!);
                        break;
                    default:
                        Report(w, f, form);
                        break;
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private static void BasicData(Utf8JsonWriter w, FixtureFacts f)
    {
        var s = f.Spec;
        var b = s.BasicData;
        w.WriteStartObject("staff");
        w.WriteNumber("authorized", b.AuthorizedStaff);
        w.WriteNumber("actual", b.ActualStaff);
        Num(w, "controlRate", f.StaffControlRate);
        w.WriteString("controlRateText", Money.PercentText(f.StaffControlRate));
        w.WriteEndObject();
        w.WriteStartObject("columns");
        w.WriteString("prevYearFinal", $"{s.Year - 1}年决算数");
        w.WriteString("budget", $"{s.Year}年预算数");
        w.WriteString("final", $"{s.Year}年决算数");
        w.WriteEndObject();
        w.WriteStartArray("rows");
        foreach (var (label, key, amounts) in FormLayouts.BasicDataAmountRows(f))
        {
            w.WriteStartObject();
            w.WriteString("label", label);
            w.WriteString("key", key);
            Num(w, "prevYearFinal", amounts.PrevYear);
            Num(w, "budget", amounts.Budget);
            Num(w, "final", amounts.Final);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("buildings");
        w.WriteString("label", $"\n楼堂馆所控制情况\n({s.Year}年完工项目)");
        w.WriteStartArray("values");
        for (var i = 0; i < 6; i++)
        {
            w.WriteNumberValue(0);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("savingMeasures", b.SavingMeasures);
    }

    private static void Department(Utf8JsonWriter w, FixtureFacts f)
    {
        var s = f.Spec;
        var d = s.Department;
        w.WriteString("unitName", s.Unit);
        w.WriteNull("projectName");
        w.WriteStartArray("funds");
        Fund(w, "年度资金总额", new FundAmounts(d.InitialBudget, d.FullYearBudget, f.DeptExecuted), s.Scheme.BudgetExecutionWeight, f.DeptRate, f.DeptBudgetScore);
        w.WriteEndArray();
        w.WriteStartObject("income");
        Num(w, "total", f.DeptExecuted);
        Num(w, "generalBudget", f.GeneralBudgetIncome);
        Num(w, "governmentFund", d.GovernmentFundIncome);
        Num(w, "specialAccountNonTax", d.SpecialAccountIncome);
        Num(w, "other", d.OtherIncome);
        w.WriteEndObject();
        w.WriteStartObject("expenditure");
        Num(w, "total", f.DeptExecuted);
        Num(w, "basic", f.BasicExpenditure);
        Num(w, "personnel", d.PersonnelExpense);
        Num(w, "public", f.PublicFinal);
        Num(w, "project", f.ProjectFinal);
        w.WriteEndObject();
        Goal(w, d.GoalExpected, d.GoalActual);
        Levels(w, d.Levels, s.Options.NumberDepartmentIndicators);
        Total(w, s.Scheme, f.DeptTotal);
    }

    private static void Project(Utf8JsonWriter w, FixtureFacts f, ProjectFacts p)
    {
        var s = f.Spec;
        var spec = p.Spec;
        w.WriteString("projectName", spec.Name);
        w.WriteString("supervisor", spec.Supervisor);
        w.WriteString("implementer", spec.Implementer);
        w.WriteStartArray("funds");
        Fund(w, "年度资金总额", p.Total, s.Scheme.BudgetExecutionWeight, p.Rate, p.BudgetScore);
        Fund(w, "其中：当年财政拨款", spec.CurrentYear, null, null, null);
        Fund(w, "上年结转资金", spec.CarryOver ?? new FundAmounts(null, null, null), null, null, null);
        Fund(w, "其他资金", spec.Other ?? new FundAmounts(null, null, null), null, null, null);
        w.WriteEndArray();
        Goal(w, spec.GoalExpected, spec.GoalActual);
        Levels(w, spec.Levels, numbered: false);
        Total(w, s.Scheme, p.TotalScore);
    }

    private static void Report(Utf8JsonWriter w, FixtureFacts f, PlacedForm form)
    {
        var r = form.Report!;
        Str(w, "projectName", r.ProjectName);
        w.WriteStartArray("titleParagraphs");
        foreach (var t in r.TitleParagraphs)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
        var cover = form.Kind == FormKinds.DepartmentReport ? f.Spec.Options.ReportCoverUnit : null;
        w.WriteBoolean("coverPage", cover is not null);
        if (cover is not null)
        {
            w.WriteStartArray("coverTitleParagraphs");
            w.WriteStringValue($"{f.Spec.Year}年度{cover}整体支出");
            w.WriteStringValue("绩效自评报告");
            w.WriteEndArray();
        }

        Num(w, "statedScore", r.StatedScore);
        w.WriteString("statedGrade", r.StatedGrade);
        w.WriteStartArray("headings");
        foreach (var h in r.Headings())
        {
            w.WriteStartObject();
            w.WriteNumber("level", h.Level);
            w.WriteNumber("depth", h.Depth);
            w.WriteString("label", h.Label);
            w.WriteString("title", h.Title);
            w.WriteString("text", h.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Fund(Utf8JsonWriter w, string label, FundAmounts a, decimal? weight, decimal? rate, decimal? score)
    {
        w.WriteStartObject();
        w.WriteString("label", label);
        Num(w, "initialBudget", a.Initial);
        Num(w, "fullYearBudget", a.FullYear);
        Num(w, "executed", a.Executed);
        Num(w, "weight", weight);
        Num(w, "executionRate", rate);
        Str(w, "executionRateText", rate is { } r ? Money.PercentText(r) : null);
        Num(w, "score", score);
        w.WriteEndObject();
    }

    private static void Goal(Utf8JsonWriter w, string expected, string actual)
    {
        w.WriteStartObject("goal");
        w.WriteString("expected", expected);
        w.WriteString("actual", actual);
        w.WriteEndObject();
    }

    private static void Levels(Utf8JsonWriter w, IReadOnlyList<IndicatorLevel> levels, bool numbered)
    {
        w.WriteStartArray("levelWeights");
        foreach (var l in levels)
        {
            w.WriteStartObject();
            w.WriteString("level", l.Name);
            w.WriteString("cellText", l.CellText);
            Num(w, "weight", l.Weight);
            Num(w, "score", l.ScoreSum);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var names = Indicators.DisplayNames(levels, numbered);
        w.WriteStartArray("indicators");
        var k = 0;
        foreach (var (level, ind) in Indicators.Flatten(levels))
        {
            w.WriteStartObject();
            w.WriteString("level1", level.Name);
            w.WriteString("level2", ind.Secondary);
            w.WriteString("level3", names[k++]);
            w.WriteString("target", ind.Target);
            w.WriteString("actual", ind.Actual);
            Num(w, "weight", ind.Weight);
            Num(w, "score", ind.Score);
            Str(w, "deviation", ind.Deviation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Total(Utf8JsonWriter w, WeightScheme scheme, decimal score)
    {
        w.WriteStartObject("total");
        Num(w, "weight", scheme.BudgetExecutionWeight + scheme.Levels.Sum(l => l.Weight));
        Num(w, "score", score);
        w.WriteEndObject();
        w.WriteString("grade", Money.Grade(score));
    }

    private static void Num(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Money.Normalize(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
