using System.Text;
using System.Text.Json;

namespace PerfEval.Cli.Tests;

public sealed class ExtractCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-docs", name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, System.Text.Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void Json_output_holds_the_typed_forms_and_the_document()
    {
        var (code, output, _) = Run("extract", Sample("2023-miluo-disabled-federation.txt"), "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(2023, root.GetProperty("year").GetInt32());
        var kinds = root.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["basic-data", "department-self-eval", "project-self-eval", "department-report", "project-report"], kinds);
        Assert.True(root.GetProperty("document").GetArrayLength() > 100);
        Assert.Contains("\"年度资金总额\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_is_a_readable_outline()
    {
        var (code, output, _) = Run("extract", Sample("2023-miluo-disabled-federation.txt"), "--format", "text");

        Assert.Equal(0, code);
        Assert.Contains("== 项目支出绩效自评表", output, StringComparison.Ordinal);
        Assert.Contains("总分：分值 100 得分 98", output, StringComparison.Ordinal);
        Assert.Contains("一、部门概况", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_input_exits_2_with_the_reason_in_chinese_on_stderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perfeval-empty-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, []);
        try
        {
            var (code, output, error) = Run("extract", path);

            Assert.Equal(2, code);
            Assert.Contains("empty-file", error, StringComparison.Ordinal);
            Assert.Contains("空", error, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("extract").Code);
        Assert.Equal(2, Run("extract", Sample("2023-miluo-disabled-federation.txt"), "--format", "xml").Code);
        Assert.Equal(2, Run("extract", "/no/such/file.docx").Code);
    }

    [Fact]
    public void A_folder_yields_one_entry_per_file()
    {
        var dir = Directory.CreateTempSubdirectory("perfeval-cli-");
        try
        {
            File.Copy(Sample("2023-miluo-disabled-federation.txt"), Path.Combine(dir.FullName, "a.txt"));
            File.WriteAllText(Path.Combine(dir.FullName, "b.txt"), "一、部门概况\n本单位2023年度基本支出353.08万元。\n", Encoding.UTF8);

            var (code, output, _) = Run("extract", dir.FullName, "--no-document");

            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(2, files.Count);
            Assert.EndsWith("a.txt", files[0].GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.False(files[0].TryGetProperty("document", out _));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
