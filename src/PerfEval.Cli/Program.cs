using System.CommandLine;
using System.Text;

namespace PerfEval.Cli;

/// <summary>perfeval: extract (and later check) budget performance self-evaluation reports from the command line.</summary>
public static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
        var code = Run(args, stdout, Console.Error);
        stdout.Flush();
        return code;
    }

    /// <summary>Runs the command line against the given output stream and error writer (the tests use this).</summary>
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        var output = new OutputStream(stdout);
        var fileArgument = new Argument<string[]>("files")
        {
            Description = "要读取的报告文件或文件夹（.docx / .txt / .html） / report files or folders",
            Arity = ArgumentArity.OneOrMore,
        };
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "输出格式 json 或 text / output format",
            DefaultValueFactory = _ => "json",
        };
        formatOption.AcceptOnlyFromAmong("json", "text");
        var documentOption = new Option<bool>("--no-document") { Description = "JSON 中不输出文档结构，只输出识别出的表单 / omit the document model" };

        var extract = new Command("extract", "读取报告，输出识别出的表单和文档结构 / extract the structured model")
        {
            fileArgument,
            formatOption,
            documentOption,
        };
        extract.SetAction(result => ExtractCommand.Run(
            result.GetValue(fileArgument) ?? [],
            result.GetValue(formatOption) ?? "json",
            !result.GetValue(documentOption),
            output,
            stderr));

        var checkFiles = new Argument<string[]>("files")
        {
            Description = "要检查的报告文件或文件夹 / report files or folders",
            Arity = ArgumentArity.OneOrMore,
        };
        var checkFormat = new Option<string>("--format", "-f")
        {
            Description = "输出格式 json 或 text / output format",
            DefaultValueFactory = _ => "json",
        };
        checkFormat.AcceptOnlyFromAmong("json", "text");
        var check = new Command("check", "检查报告中的不一致之处 / check for inconsistencies (exit 1 when errors are found)")
        {
            checkFiles,
            checkFormat,
        };
        check.SetAction(result => CheckCommand.Run(result.GetValue(checkFiles) ?? [], result.GetValue(checkFormat) ?? "json", output, stderr));

        var root = new RootCommand("PerfEval — 预算绩效自评材料一致性检查 / budget performance self-evaluation checker") { extract, check };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"参数错误 / usage error: {error.Message}");
            }

            stderr.WriteLine("用法 / usage: perfeval extract|check <文件或文件夹>... [--format json|text]");
            return ExitCodes.Usage;
        }

        using var help = new StreamWriter(stdout, new UTF8Encoding(false), 1024, leaveOpen: true);
        var code = parse.Invoke(new InvocationConfiguration { Output = help, Error = stderr });
        help.Flush();
        stdout.Flush();
        return code;
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
