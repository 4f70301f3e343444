namespace PerfEval.Benchmarks;

/// <summary>Finds the repository's sample-docs folder from wherever BenchmarkDotNet runs the measured process.</summary>
internal static class SampleDocs
{
    public const string SeedDocx = "2023-miluo-disabled-federation.docx";
    public const string SeedTxt = "2023-miluo-disabled-federation.txt";

    public static byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    /// <summary>
    /// Looks in the output folder first (the project copies the seed there), then walks up from the output folder
    /// and the working directory: BenchmarkDotNet builds and runs each benchmark in a generated folder below bin/.
    /// </summary>
    public static string PathOf(string fileName)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "sample-docs", fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"sample-docs/{fileName} not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.", fileName);
    }
}
