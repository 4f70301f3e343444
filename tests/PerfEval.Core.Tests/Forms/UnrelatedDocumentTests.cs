using PerfEval.Core.Documents;
using PerfEval.Core.Evaluation;

namespace PerfEval.Core.Tests.Forms;

/// <summary>
/// Documents that are not budget performance material (procurement forms, technical reports, planners) must not be
/// taken for one: a checker that finds "forms" everywhere drowns a reviewer in false findings.
/// </summary>
public sealed class UnrelatedDocumentTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "wild-docx")).Where(p => !p.EndsWith(".md", StringComparison.Ordinal) && !p.EndsWith(".tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Recognises_no_form_and_finds_nothing_in_other_documents(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", "wild-docx", file));
        CheckResult result;
        try
        {
            result = Evaluator.Check(bytes, file);
        }
        catch (DocumentReadException)
        {
            return; // refusals are the reader tests' concern
        }

        Assert.Empty(result.Extraction.Submission.Forms);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_title_without_the_word_performance_is_no_form_title()
    {
        Assert.Null(PerfEval.Core.Forms.FormRecognizer.KindOfTitle("东阳市政府采购代理机构社会评价表"));
        Assert.Null(PerfEval.Core.Forms.FormRecognizer.KindOfTitle("6.2.3 PSR总体评价报告编制"));
        Assert.NotNull(PerfEval.Core.Forms.FormRecognizer.KindOfTitle("2024年度项目支出绩效自评表"));
    }
}
