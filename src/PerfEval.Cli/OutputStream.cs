using System.Text;
using System.Text.Json;

namespace PerfEval.Cli;

/// <summary>
/// Writes results to stdout as they are ready, one file at a time, so a folder of reports or a huge table never
/// has to sit in memory as one string.
/// </summary>
internal sealed class OutputStream(Stream stream)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Stream Stream { get; } = stream;

    public void Raw(string text)
    {
        var bytes = Utf8.GetBytes(text);
        Stream.Write(bytes);
    }

    public void Json<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(Stream, value, options);

    public void Text(Action<TextWriter> write)
    {
        using var writer = new StreamWriter(Stream, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        write(writer);
    }

    /// <summary>Runs <paramref name="work"/> on all cores in batches and hands the results over in input order.</summary>
    public static void InOrder<T>(IReadOnlyList<string> files, Func<string, T> work, Action<int, T> emit)
    {
        var batch = Math.Max(2, Environment.ProcessorCount * 4);
        for (var start = 0; start < files.Count; start += batch)
        {
            var count = Math.Min(batch, files.Count - start);
            var results = new T[count];
            Parallel.For(0, count, i => results[i] = work(files[start + i]));
            for (var i = 0; i < count; i++)
            {
                emit(start + i, results[i]);
                results[i] = default!;
            }
        }
    }
}
