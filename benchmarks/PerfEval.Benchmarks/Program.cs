using System.Globalization;
using BenchmarkDotNet.Running;

namespace PerfEval.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites (any BenchmarkDotNet arguments: <c>--filter '*'</c>, <c>--job short</c>, …) or
/// one of the helper commands the scripts in scripts/bench use:
/// <c>generate-big-table &lt;path&gt; [rows] [columns]</c>, <c>breakdown &lt;file&gt; [iterations]</c> (steady state, per stage)
/// <c>cold-breakdown &lt;file-or-folder&gt;... [--passes n] [--no-probes]</c> (a one-shot CLI run, per stage, with JIT and GC)
/// and <c>profile &lt;file&gt; [iterations] [stage]</c> (bytes allocated per operation; a loop for callgrind).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate-big-table")
        {
            return GenerateBigTable(args);
        }

        if (args.Length > 0 && args[0] == "breakdown")
        {
            return args.Length is 2 or 3
                ? Breakdown.Run(args[1], args.Length == 3 ? ParseCount(args[2]) : 20, Console.Out)
                : Usage();
        }

        if (args.Length > 0 && args[0] == "cold-breakdown")
        {
            return args.Length > 1 ? ColdBreakdown.Run(args[1..], Console.Out) : Usage();
        }

        if (args.Length > 0 && args[0] == "profile")
        {
            return args.Length is 2 or 3 or 4
                ? Profile.Run(args[1], args.Length > 2 ? ParseCount(args[2]) : 100, args.Length > 3 ? args[3] : "extract", Console.Out)
                : Usage();
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static int GenerateBigTable(string[] args)
    {
        if (args.Length is < 2 or > 4)
        {
            return Usage();
        }

        var rows = args.Length > 2 ? ParseCount(args[2]) : BigTableDocx.DefaultRows;
        var columns = args.Length > 3 ? ParseCount(args[3]) : BigTableDocx.DefaultColumns;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        BigTableDocx.Write(args[1], rows, columns);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {args[1]}: {rows} rows x {columns} columns, {new FileInfo(args[1]).Length / 1024.0:0} KiB in {elapsed.TotalMilliseconds:0} ms"));
        return 0;
    }

    private static int ParseCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"not a positive count: {text}", nameof(text));

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PerfEval.Benchmarks [BenchmarkDotNet args, e.g. --filter '*' --job short]");
        Console.Error.WriteLine("       PerfEval.Benchmarks generate-big-table <path> [rows=20000] [columns=8]");
        Console.Error.WriteLine("       PerfEval.Benchmarks breakdown <file> [iterations=20]");
        Console.Error.WriteLine("       PerfEval.Benchmarks profile <file> [iterations=100] [load|recognise|extract|check|inflate|tokenise|open]");
        Console.Error.WriteLine("       PerfEval.Benchmarks cold-breakdown <file-or-folder>... [--passes 2] [--no-probes]");
        return 2;
    }
}
