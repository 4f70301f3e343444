using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// A forward-only cursor over one WordprocessingML part: a hardened <see cref="XmlReader"/> (no DTD, no resolver)
/// plus the few navigation helpers the streaming readers share. Every helper that visits an element consumes it
/// completely, so a caller's child loop stays in step.
/// </summary>
internal sealed class WordXml : IDisposable
{
    /// <summary>Deepest element nesting accepted; real documents stay far below, hostile ones could exhaust the stack.</summary>
    public const int MaxElementDepth = 400;

    private readonly XmlReader _reader;
    // Rented: three parts are read per document, and a fresh 4 KB buffer for each would be garbage at once.
    private readonly char[] _chunk = ArrayPool<char>.Shared.Rent(2048);

    public WordXml(Stream stream, WordNames names)
    {
        Names = names;

        // A parser context only to hand the reader a namespace manager that remembers its last answer (see below).
        var context = new XmlParserContext(names.Table, new CachingNamespaceManager(names.Table), null, XmlSpace.None);
        _reader = XmlReader.Create(stream, CreateSettings(names.Table), context);
        W = names.Transitional;
    }

    public WordNames Names { get; }

    public XmlReader Reader => _reader;

    /// <summary>The WordprocessingML namespace this part uses (transitional or strict), known after <see cref="MoveToRoot"/>.</summary>
    public string W { get; private set; }

    public string LocalName => _reader.LocalName;

    public string NamespaceUri => _reader.NamespaceURI;

    public static XmlReaderSettings CreateSettings(XmlNameTable nameTable) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        CloseInput = false,
        NameTable = nameTable,
    };

    /// <summary>
    /// Moves to the root element and checks it is <paramref name="localName"/> in a WordprocessingML namespace.
    /// Returns false (reader left on the root) when it is something else.
    /// </summary>
    public bool MoveToRoot(string localName)
    {
        if (_reader.MoveToContent() != XmlNodeType.Element)
        {
            return false;
        }

        var ns = _reader.NamespaceURI;
        if (!Names.IsWordNamespace(ns) || _reader.LocalName != localName)
        {
            return false;
        }

        W = ns;
        return true;
    }

    /// <summary>True when the reader is on a WordprocessingML element named <paramref name="localName"/>.</summary>
    public bool Is(string localName) => _reader.LocalName == localName && _reader.NamespaceURI == W;

    /// <summary>True when the reader is on an element of the WordprocessingML namespace.</summary>
    public bool IsWord => _reader.NamespaceURI == W;

    public bool IsMarkupCompatibility(string localName) =>
        _reader.LocalName == localName && _reader.NamespaceURI == Names.MarkupCompatibility;

    /// <summary>
    /// Steps into the current element. Returns false (and moves past it) when it has no content;
    /// otherwise the caller loops with <see cref="NextChild"/>.
    /// </summary>
    public bool Enter()
    {
        var depth = _reader.Depth;
        if (depth >= MaxElementDepth)
        {
            throw TooDeep();
        }

        if ((depth & 15) == 15)
        {
            // Belt and braces for hosts with small thread stacks; checking every 16 levels keeps it off the hot path.
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return false;
        }

        _reader.Read();
        return true;
    }

    /// <summary>Advances to the next child element; at the parent's end tag consumes it and returns false.</summary>
    public bool NextChild()
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    _reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of the part.");
                default:
                    if (!_reader.Read())
                    {
                        throw new XmlException("Unexpected end of the part.");
                    }

                    break;
            }
        }
    }

    /// <summary>Skips the current element with all its content.</summary>
    public void Skip() => _reader.Skip();

    /// <summary>
    /// The attribute <paramref name="localName"/> (an atomized name from <see cref="Names"/>) in the part's
    /// WordprocessingML namespace, or unqualified as some producers write it. One pass over the attributes,
    /// comparing atomized names by reference: XmlReader.GetAttribute(name, ns) hashes both strings on every call.
    /// </summary>
    public string? Attribute(string localName)
    {
        var count = _reader.AttributeCount;
        if (count == 0)
        {
            return null;
        }

        string? result = null;
        for (var i = 0; i < count; i++)
        {
            _reader.MoveToAttribute(i);
            if ((object)_reader.LocalName == localName)
            {
                var ns = _reader.NamespaceURI;
                if ((object)ns == W || ns.Length == 0)
                {
                    result = _reader.Value;
                    break;
                }
            }
        }

        _reader.MoveToElement();
        return result;
    }

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
        _reader.Skip();
        return value;
    }

    public int? ReadIntVal()
    {
        var value = IntAttribute(Names.Val);
        _reader.Skip();
        return value;
    }

    public bool ReadOnOffVal()
    {
        var value = OnOffAttribute(Names.Val);
        _reader.Skip();
        return value;
    }

    /// <summary>Appends the character content of the current element (e.g. w:t) to <paramref name="target"/>, or drops it when null.</summary>
    public void ReadTextContent(StringBuilder? target)
    {
        if (!Enter())
        {
            return;
        }

        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (target is not null)
                    {
                        AppendValue(target);
                    }

                    if (!_reader.Read())
                    {
                        throw new XmlException("Unexpected end of the part.");
                    }

                    break;
                case XmlNodeType.Element:
                    _reader.Skip();
                    break;
                case XmlNodeType.EndElement:
                    _reader.Read();
                    return;
                case XmlNodeType.None:
                    throw new XmlException("Unexpected end of the part.");
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        ArrayPool<char>.Shared.Return(_chunk);
    }

    public static DocumentReadException TooDeep() => new(
        ReadErrorCodes.Malformed,
        $"文件结构异常：表格、内容控件等元素嵌套超过 {MaxElementDepth} 层，无法读取。请用 Word/WPS 打开该文件，确认内容正常后“另存为”新的 .docx 文件再上传。");

    private void AppendValue(StringBuilder target)
    {
        if (_reader.CanReadValueChunk)
        {
            int n;
            while ((n = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                target.Append(_chunk, 0, n);
            }
        }
        else
        {
            target.Append(_reader.Value);
        }
    }
}

/// <summary>
/// An <see cref="XmlNamespaceManager"/> that answers a repeated lookup of the same (atomized) prefix from a one-entry
/// cache. The reader resolves the prefix of every element and prefixed attribute, nearly always "w"; with the dozen
/// or more namespaces Word declares on the root, each base lookup is a hash-table probe. The cache is dropped whenever
/// the declarations in scope change: a declaration added or removed, or a scope that had declarations popped.
/// </summary>
internal sealed class CachingNamespaceManager(XmlNameTable nameTable) : XmlNamespaceManager(nameTable)
{
    // Scope depths that hold declarations, innermost on top; popping such a scope changes what prefixes resolve to.
    private readonly Stack<int> _declaringScopes = new();
    private int _depth;
    private string? _prefix;
    private string? _namespace;

    public override string? LookupNamespace(string prefix)
    {
        if ((object?)_prefix == prefix)
        {
            return _namespace;
        }

        var ns = base.LookupNamespace(prefix);
        _prefix = prefix;
        _namespace = ns;
        return ns;
    }

    public override void PushScope()
    {
        base.PushScope();
        _depth++;
    }

    public override bool PopScope()
    {
        if (_declaringScopes.TryPeek(out var top) && top == _depth)
        {
            _declaringScopes.Pop();
            _prefix = null;
        }

        var popped = base.PopScope();
        if (popped)
        {
            _depth--;
        }

        return popped;
    }

    public override void AddNamespace(string prefix, string uri)
    {
        base.AddNamespace(prefix, uri);
        MarkChanged();
    }

    public override void RemoveNamespace(string prefix, string uri)
    {
        base.RemoveNamespace(prefix, uri);
        MarkChanged();
    }

    private void MarkChanged()
    {
        _prefix = null;
        if (!_declaringScopes.TryPeek(out var top) || top != _depth)
        {
            _declaringScopes.Push(_depth);
        }
    }
}
