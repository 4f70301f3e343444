namespace PerfEval.Cli;

/// <summary>Expands the command line's files and folders into the files to read, in a stable order.</summary>
internal static class InputFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".docx", ".docm", ".dotx", ".txt", ".htm", ".html", ".doc", ".wps", ".wpt", ".rtf", ".pdf",
    };

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, TextWriter stderr, out bool missing)
    {
        missing = false;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                stderr.WriteLine($"找不到文件或文件夹：{path}");
                missing = true;
            }
        }

        return files;
    }
}
