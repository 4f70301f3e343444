using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// The <see cref="WordXml"/> cursor over a hardened <see cref="XmlReader"/> (no DTD, no resolver): the reference
/// implementation, used when <see cref="Utf8WordXml"/> leaves a part to it (anything unusual, and every malformed
/// part, whose error message with line and column comes from here).
/// </summary>
internal sealed class XmlReaderWordXml : WordXml
{
    private readonly XmlReader _reader;
    // Rented: three parts are read per document, and a fresh 4 KB buffer for each would be garbage at once.
    private readonly char[] _chunk = ArrayPool<char>.Shared.Rent(2048);

    public XmlReaderWordXml(Stream stream, WordNames names)
        : base(names)
    {
        // A parser context only to hand the reader a namespace manager that remembers its last answer (see below).
        var context = new XmlParserContext(names.Table, new CachingNamespaceManager(names.Table), null, XmlSpace.None);
        _reader = XmlReader.Create(stream, CreateSettings(names.Table), context);
    }

    public override string LocalName => _reader.LocalName;

    public override string NamespaceUri => _reader.NamespaceURI;

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

    public override bool MoveToRoot(string localName)
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

    public override bool Is(string localName) => _reader.LocalName == localName && _reader.NamespaceURI == W;

    public override bool IsWord => _reader.NamespaceURI == W;

    public override bool Enter()
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

    public override bool NextChild()
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

    public override void Skip() => _reader.Skip();

    /// <summary>
    /// One pass over the attributes, comparing atomized names by reference: XmlReader.GetAttribute(name, ns) hashes
    /// both strings on every call.
    /// </summary>
    public override string? Attribute(string localName)
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

    public override void ReadTextContent(StringBuilder? target)
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

    public override void Dispose()
    {
        _reader.Dispose();
        ArrayPool<char>.Shared.Return(_chunk);
    }

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
