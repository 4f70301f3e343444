using System.Text;
using PerfEval.Core.Documents;

namespace PerfEval.Core.Tests.Documents.Txt;

/// <summary>A complete, readable rendering of a model, for comparing two models in one assertion.</summary>
internal static class ModelDump
{
    public static string Of(DocumentModel model)
    {
        var builder = new StringBuilder();
        builder.Append(model.Format).Append('\n');
        foreach (var block in model.Blocks)
        {
            Append(builder, block, string.Empty);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Block block, string indent)
    {
        switch (block)
        {
            case ParagraphBlock p:
                builder.Append(indent).Append(p.Index).Append(" P[").Append(p.ListLabel).Append('|').Append(p.OutlineLevel).Append('|')
                    .Append(p.Style).Append("] ").Append(p.Text.Replace("\n", "⏎", StringComparison.Ordinal)).Append('\n');
                break;
            case TableBlock t:
                builder.Append(indent).Append(t.Index).Append(" TABLE ").Append(t.TableNumber).Append(" cols=").Append(t.ColumnCount).Append('\n');
                foreach (var row in t.Rows)
                {
                    builder.Append(indent).Append("  ").Append(row.Index).Append(row.IsHeader ? "H" : string.Empty).Append(':');
                    foreach (var cell in row.Cells)
                    {
                        builder.Append(" [").Append(cell.Row).Append(',').Append(cell.Column).Append(' ').Append(cell.RowSpan).Append('x')
                            .Append(cell.ColSpan).Append("] ").Append(cell.Text.Replace("\n", "⏎", StringComparison.Ordinal)).Append(" |");
                        foreach (var nested in cell.NestedTables)
                        {
                            builder.Append('\n');
                            Append(builder, nested, indent + "    ");
                        }
                    }

                    builder.Append('\n');
                }

                break;
        }
    }
}
