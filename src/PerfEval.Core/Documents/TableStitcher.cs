namespace PerfEval.Core.Documents;

/// <summary>Joins a table continued after a page break (its header rows repeated) back into one. Placeholder.</summary>
public static class TableStitcher
{
    public static DocumentModel Stitch(DocumentModel model) => model;
}
