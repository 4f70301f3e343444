using System.Globalization;
using System.Text;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// A forward-only cursor over one WordprocessingML part, with the few navigation helpers the streaming readers
/// share. Every helper that visits an element consumes it completely, so a caller's child loop stays in step.
/// Two implementations: <see cref="Utf8WordXml"/>, a scanner over the part's UTF-8 bytes that handles what Word,
/// WPS and LibreOffice write, and <see cref="XmlReaderWordXml"/>, the full XML parser it hands anything unusual to
/// (see <see cref="XmlFallbackException"/>). Both give the same answers on every part the fast one accepts.
/// </summary>
internal abstract class WordXml(WordNames names) : IDisposable
{
    /// <summary>Deepest element nesting accepted; real documents stay far below, hostile ones could exhaust the stack.</summary>
    public const int MaxElementDepth = 400;

    public WordNames Names { get; } = names;

    /// <summary>The WordprocessingML namespace this part uses (transitional or strict), known after <see cref="MoveToRoot"/>.</summary>
    public string W { get; protected set; } = names.Transitional;

    /// <summary>The local name of the current element (atomized in <see cref="WordNames.Table"/>).</summary>
    public abstract string LocalName { get; }

    /// <summary>The namespace of the current element (atomized).</summary>
    public abstract string NamespaceUri { get; }

    /// <summary>True when the reader is on an element of the WordprocessingML namespace.</summary>
    public abstract bool IsWord { get; }

    /// <summary>
    /// Moves to the root element and checks it is <paramref name="localName"/> in a WordprocessingML namespace.
    /// Returns false (reader left on the root) when it is something else.
    /// </summary>
    public abstract bool MoveToRoot(string localName);

    /// <summary>True when the reader is on a WordprocessingML element named <paramref name="localName"/>.</summary>
    public abstract bool Is(string localName);

    public bool IsMarkupCompatibility(string localName) =>
        LocalName == localName && NamespaceUri == Names.MarkupCompatibility;

    /// <summary>
    /// Steps into the current element. Returns false (and moves past it) when it has no content;
    /// otherwise the caller loops with <see cref="NextChild"/>.
    /// </summary>
    public abstract bool Enter();

    /// <summary>Advances to the next child element; at the parent's end tag consumes it and returns false.</summary>
    public abstract bool NextChild();

    /// <summary>Skips the current element with all its content.</summary>
    public abstract void Skip();

    /// <summary>
    /// The attribute <paramref name="localName"/> (an atomized name from <see cref="Names"/>) in the part's
    /// WordprocessingML namespace, or unqualified as some producers write it.
    /// </summary>
    public abstract string? Attribute(string localName);

    /// <summary>Appends the character content of the current element (e.g. w:t) to <paramref name="target"/>, or drops it when null.</summary>
    public abstract void ReadTextContent(StringBuilder? target);

    public int? IntAttribute(string localName)
    {
        var value = Attribute(localName);
        return value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>An ST_OnOff attribute: absent means on (the element's presence is the switch).</summary>
    public bool OnOffAttribute(string localName)
    {
        var value = Attribute(localName);
        return value is null || !(value == "0" || value == "false" || value == "off");
    }

    /// <summary>Reads the <c>w:val</c> of the current element and consumes the element.</summary>
    public string? ReadVal()
    {
        var value = Attribute(Names.Val);
        Skip();
        return value;
    }

    public int? ReadIntVal()
    {
        var value = IntAttribute(Names.Val);
        Skip();
        return value;
    }

    public bool ReadOnOffVal()
    {
        var value = OnOffAttribute(Names.Val);
        Skip();
        return value;
    }

    public abstract void Dispose();

    public static DocumentReadException TooDeep() => new(
        ReadErrorCodes.Malformed,
        $"文件结构异常：表格、内容控件等元素嵌套超过 {MaxElementDepth} 层，无法读取。请用 Word/WPS 打开该文件，确认内容正常后“另存为”新的 .docx 文件再上传。");
}

/// <summary>
/// Thrown by <see cref="Utf8WordXml"/> when a part holds something it leaves to the full XML parser: a construct
/// Word does not write (DTD, CDATA, processing instruction, a comment inside text, another encoding, an entity it
/// does not know) or anything that is not well-formed. The part is then read again from the start with
/// <see cref="XmlReaderWordXml"/>, which either reads it or reports the precise XML error.
/// </summary>
internal sealed class XmlFallbackException(string reason) : Exception(reason);
