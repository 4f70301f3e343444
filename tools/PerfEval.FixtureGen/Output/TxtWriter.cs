using System.Text;
using PerfEval.FixtureGen.Layout;

namespace PerfEval.FixtureGen.Output;

/// <summary>
/// Writes a <see cref="GenDocument"/> in the seed's .txt export style (UTF-8, no BOM, LF):
/// a paragraph is a line; a table is preceded by one blank line; each row is its cells, each cell starting with a TAB
/// and its further paragraphs on continuation lines without TAB; a vMerge-continue cell is a bare TAB; a horizontally
/// merged cell is written once; one blank line ends every row, and one more blank line follows the table.
/// </summary>
internal static class TxtWriter
{
    public static byte[] Write(GenDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case GenParagraph p:
                    sb.Append(p.DisplayText).Append('\n');
                    break;
                case GenTable t:
                    WriteTable(sb, t);
                    break;
                default:
                    throw new InvalidOperationException(block.GetType().Name);
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString());
    }

    private static void WriteTable(StringBuilder sb, GenTable t)
    {
        sb.Append('\n');
        foreach (var row in t.Rows)
        {
            foreach (var cell in row.Cells)
            {
                if (cell.Merge == VMerge.Continue)
                {
                    sb.Append('\t').Append('\n');
                    continue;
                }

                sb.Append('\t').Append(cell.Paragraphs[0]).Append('\n');
                foreach (var more in cell.Paragraphs.Skip(1))
                {
                    sb.Append(more).Append('\n');
                }
            }

            sb.Append('\n');
        }

        sb.Append('\n');
    }
}
