using System.Text.Json;

namespace PerfEval.Cli.Tests;

public sealed class CheckCommandTests
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
    public void Exits_1_with_findings_in_the_documented_json_shape()
    {
        var (code, output, _) = Run("check", Sample("2023-miluo-disabled-federation.docx"));

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("ok", file.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("error").ValueKind);
        Assert.Equal(5, file.GetProperty("forms").GetArrayLength());
        Assert.Equal("basic-data", file.GetProperty("forms")[0].GetProperty("kind").GetString());

        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        var weights = findings.First(f => f.GetProperty("rule").GetString() == "score.level-weights");
        Assert.Equal("score", weights.GetProperty("category").GetString());
        Assert.Equal("error", weights.GetProperty("severity").GetString());
        Assert.Equal("department-self-eval", weights.GetProperty("form").GetString());
        Assert.Equal(2, weights.GetProperty("location").GetProperty("table").GetInt32());
        Assert.Equal(30, weights.GetProperty("expected").GetDecimal());
        Assert.Equal(36, weights.GetProperty("actual").GetDecimal());
        Assert.True(weights.GetProperty("related").GetArrayLength() > 0);
        Assert.Equal(16, weights.GetProperty("fingerprint").GetString()!.Length);
        Assert.Contains(findings, f => f.GetProperty("location").GetProperty("paragraph").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public void Exits_0_on_the_corrected_report()
    {
        var (code, output, _) = Run("check", Sample("2023-miluo-disabled-federation-corrected.txt"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Text_output_groups_findings_by_form_and_quotes_the_place()
    {
        var (code, output, _) = Run("check", Sample("2023-miluo-disabled-federation.txt"), "--format", "text");

        Assert.Equal(1, code);
        Assert.Contains("== 部门整体支出绩效自评表", output, StringComparison.Ordinal);
        Assert.Contains("[错误] score.level-weights", output, StringComparison.Ordinal);
        Assert.Contains("原文：", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_2_when_a_file_cannot_be_read_and_still_reports_the_others()
    {
        var dir = Directory.CreateTempSubdirectory("perfeval-check-");
        try
        {
            File.Copy(Sample("2023-miluo-disabled-federation-corrected.txt"), Path.Combine(dir.FullName, "a.txt"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "b.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

            var (code, output, error) = Run("check", dir.FullName);

            Assert.Equal(2, code);
            using var json = JsonDocument.Parse(output);
            var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal("ok", files[0].GetProperty("status").GetString());
            Assert.Equal("failed", files[1].GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(files[1].GetProperty("error").GetProperty("code").GetString()));
            Assert.Contains("b.docx", error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
