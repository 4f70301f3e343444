using System.Xml;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// Element and attribute names of WordprocessingML, atomized in one <see cref="XmlNameTable"/> so that the streaming
/// readers compare names by reference first. One instance per read: name tables are not thread-safe.
/// </summary>
internal sealed class WordNames
{
    public const string TransitionalNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string StrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public const string MarkupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public WordNames()
    {
        var t = new NameTable();
        Table = t;
        Transitional = t.Add(TransitionalNamespace);
        Strict = t.Add(StrictNamespace);
        MarkupCompatibility = t.Add(MarkupCompatibilityNamespace);

        Document = t.Add("document");
        Body = t.Add("body");
        Styles = t.Add("styles");
        Numbering = t.Add("numbering");

        P = t.Add("p");
        PPr = t.Add("pPr");
        R = t.Add("r");
        RPr = t.Add("rPr");
        T = t.Add("t");
        Tab = t.Add("tab");
        PTab = t.Add("ptab");
        Br = t.Add("br");
        Cr = t.Add("cr");
        NoBreakHyphen = t.Add("noBreakHyphen");
        Sym = t.Add("sym");
        FldChar = t.Add("fldChar");
        FldSimple = t.Add("fldSimple");
        FfData = t.Add("ffData");
        CheckBox = t.Add("checkBox");
        Checked = t.Add("checked");
        Default = t.Add("default");
        Hyperlink = t.Add("hyperlink");
        SmartTag = t.Add("smartTag");
        CustomXml = t.Add("customXml");
        Ins = t.Add("ins");
        Del = t.Add("del");
        MoveFrom = t.Add("moveFrom");
        MoveTo = t.Add("moveTo");
        Sdt = t.Add("sdt");
        SdtContent = t.Add("sdtContent");
        Dir = t.Add("dir");
        Bdo = t.Add("bdo");
        Ruby = t.Add("ruby");
        RubyBase = t.Add("rubyBase");
        Drawing = t.Add("drawing");
        Pict = t.Add("pict");
        Object = t.Add("object");
        TxbxContent = t.Add("txbxContent");
        AltChunk = t.Add("altChunk");
        AlternateContent = t.Add("AlternateContent");
        Choice = t.Add("Choice");
        Fallback = t.Add("Fallback");

        Tbl = t.Add("tbl");
        TblGrid = t.Add("tblGrid");
        GridCol = t.Add("gridCol");
        Tr = t.Add("tr");
        TrPr = t.Add("trPr");
        Tc = t.Add("tc");
        TcPr = t.Add("tcPr");
        GridSpan = t.Add("gridSpan");
        VMerge = t.Add("vMerge");
        HMerge = t.Add("hMerge");
        GridBefore = t.Add("gridBefore");
        GridAfter = t.Add("gridAfter");
        TblHeader = t.Add("tblHeader");

        PStyle = t.Add("pStyle");
        NumPr = t.Add("numPr");
        Ilvl = t.Add("ilvl");
        NumId = t.Add("numId");
        OutlineLvl = t.Add("outlineLvl");

        Style = t.Add("style");
        Name = t.Add("name");
        BasedOn = t.Add("basedOn");

        AbstractNum = t.Add("abstractNum");
        AbstractNumId = t.Add("abstractNumId");
        Num = t.Add("num");
        Lvl = t.Add("lvl");
        Start = t.Add("start");
        NumFmt = t.Add("numFmt");
        LvlText = t.Add("lvlText");
        LvlRestart = t.Add("lvlRestart");
        IsLgl = t.Add("isLgl");
        NumStyleLink = t.Add("numStyleLink");
        LvlOverride = t.Add("lvlOverride");
        StartOverride = t.Add("startOverride");

        Val = t.Add("val");
        Type = t.Add("type");
        FldCharType = t.Add("fldCharType");
        Char = t.Add("char");
        Font = t.Add("font");
        StyleId = t.Add("styleId");
    }

    public XmlNameTable Table { get; }

    public string Transitional { get; }

    public string Strict { get; }

    public string MarkupCompatibility { get; }

    public string Document { get; }

    public string Body { get; }

    public string Styles { get; }

    public string Numbering { get; }

    public string P { get; }

    public string PPr { get; }

    public string R { get; }

    public string RPr { get; }

    public string T { get; }

    public string Tab { get; }

    public string PTab { get; }

    public string Br { get; }

    public string Cr { get; }

    public string NoBreakHyphen { get; }

    public string Sym { get; }

    public string FldChar { get; }

    public string FldSimple { get; }

    public string FfData { get; }

    public string CheckBox { get; }

    public string Checked { get; }

    public string Default { get; }

    public string Hyperlink { get; }

    public string SmartTag { get; }

    public string CustomXml { get; }

    public string Ins { get; }

    public string Del { get; }

    public string MoveFrom { get; }

    public string MoveTo { get; }

    public string Sdt { get; }

    public string SdtContent { get; }

    public string Dir { get; }

    public string Bdo { get; }

    public string Ruby { get; }

    public string RubyBase { get; }

    public string Drawing { get; }

    public string Pict { get; }

    public string Object { get; }

    public string TxbxContent { get; }

    public string AltChunk { get; }

    public string AlternateContent { get; }

    public string Choice { get; }

    public string Fallback { get; }

    public string Tbl { get; }

    public string TblGrid { get; }

    public string GridCol { get; }

    public string Tr { get; }

    public string TrPr { get; }

    public string Tc { get; }

    public string TcPr { get; }

    public string GridSpan { get; }

    public string VMerge { get; }

    public string HMerge { get; }

    public string GridBefore { get; }

    public string GridAfter { get; }

    public string TblHeader { get; }

    public string PStyle { get; }

    public string NumPr { get; }

    public string Ilvl { get; }

    public string NumId { get; }

    public string OutlineLvl { get; }

    public string Style { get; }

    public string Name { get; }

    public string BasedOn { get; }

    public string AbstractNum { get; }

    public string AbstractNumId { get; }

    public string Num { get; }

    public string Lvl { get; }

    public string Start { get; }

    public string NumFmt { get; }

    public string LvlText { get; }

    public string LvlRestart { get; }

    public string IsLgl { get; }

    public string NumStyleLink { get; }

    public string LvlOverride { get; }

    public string StartOverride { get; }

    public string Val { get; }

    public string Type { get; }

    public string FldCharType { get; }

    public string Char { get; }

    public string Font { get; }

    public string StyleId { get; }

    /// <summary>True for the WordprocessingML namespace of either conformance class.</summary>
    public bool IsWordNamespace(string ns) => (object)ns == Transitional || (object)ns == Strict;
}
