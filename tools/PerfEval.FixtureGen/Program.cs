using System.Globalization;
using PerfEval.FixtureGen.Fixtures;
using PerfEval.FixtureGen.Layout;
using PerfEval.FixtureGen.Model;
using PerfEval.FixtureGen.Output;

namespace PerfEval.FixtureGen;

/// <summary>
/// Writes the synthetic fixtures: for each specification a .docx (OpenXml SDK), a .txt in the seed's export style
/// (unless the fixture is .docx-only) and a &lt;name&gt;.expected.json sidecar with the figures a correct extraction must find.
/// Usage: dotnet run --project tools/PerfEval.FixtureGen -- [outdir]   (default sample-docs/fixtures)
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var outDir = args.Length > 0 ? args[0] : Path.Combine("sample-docs", "fixtures");
        Directory.CreateDirectory(outDir);
        foreach (var spec in FixtureCatalog.All())
        {
            var facts = new FixtureFacts(spec);
            SpecValidator.Validate(facts);
            var (document, forms) = DocumentComposer.Compose(facts);
            var docxName = spec.Name + ".docx";
            var txtName = spec.Options.WriteTxt ? spec.Name + ".txt" : null;
            File.WriteAllBytes(Path.Combine(outDir, docxName), DocxWriter.Write(document));
            if (txtName is not null)
            {
                File.WriteAllBytes(Path.Combine(outDir, txtName), TxtWriter.Write(document));
            }

            var tables = document.Blocks.OfType<GenTable>().Count();
            File.WriteAllBytes(Path.Combine(outDir, spec.Name + ".expected.json"), ExpectedJsonWriter.Write(facts, forms, tables, docxName, txtName));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{spec.Name}: {spec.Scheme.Describe()}; {tables} tables; department {Money.Score(facts.DeptTotal)} {facts.DeptGrade}; projects {string.Join(", ", facts.Projects.Select(p => $"{p.Spec.Name} {Money.Score(p.TotalScore)} {p.Grade}"))}"));
        }

        return 0;
    }
}
