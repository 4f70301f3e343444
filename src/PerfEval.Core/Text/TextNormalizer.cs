using System.Text;

namespace PerfEval.Core.Text;

/// <summary>
/// Normalises text for matching and value parsing: full-width ASCII (digits, letters, punctuation) to half-width,
/// the ideographic space to a space, and runs of whitespace collapsed. The original text is always kept elsewhere.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Full-width forms (U+FF01–U+FF5E) → ASCII; U+3000 → space; other characters unchanged.</summary>
    public static string ToHalfWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToHalfWidth(text, text.Length);
    }

    /// <summary>The first <paramref name="length"/> characters of the text, half-width (the text itself when nothing changes).</summary>
    internal static string ToHalfWidth(string text, int length)
    {
        var head = text.AsSpan(0, length);
        if (head.IndexOfAnyInRange('\uFF01', '\uFF5E') < 0 && head.IndexOfAny('\u3000', '\u00A0') < 0)
        {
            return length == text.Length ? text : text[..length];
        }

        // One copy, written in place: this runs for every paragraph and cell, so no StringBuilder in between.
        return string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = HalfWidth(source[i]);
            }
        });
    }

    /// <summary>One character as <see cref="ToHalfWidth(string)"/> converts it.</summary>
    internal static char HalfWidth(char ch) => ch switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        _ => ch,
    };

    /// <summary>
    /// A key for comparing labels: half-width, no whitespace at all, Chinese and ASCII brackets/quotes unified,
    /// trailing colons dropped. "“三公”经费" and "\"三公\" 经费" give the same key.
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsKey(text))
        {
            return text;
        }

        // Built in one buffer (on the stack for the usual short label) and copied once into the result.
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            var ch = HalfWidth(raw);
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            switch (ch)
            {
                case '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」':
                    continue;
                case '【' or '〔' or '[':
                    buffer[length++] = '(';
                    break;
                case '】' or '〕' or ']':
                    buffer[length++] = ')';
                    break;
                default:
                    buffer[length++] = ch;
                    break;
            }
        }

        while (length > 0 && buffer[length - 1] is ':' or '：')
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>True when <see cref="Clean"/> would return the text unchanged: no outer whitespace, no runs, only plain spaces.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch) && (ch != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <see cref="Key"/> would return the text unchanged (the common case: no allocation).</summary>
    private static bool IsKey(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch is >= '\uFF01' and <= '\uFF5E' or '\u3000' or '\u00A0' or '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '【' or '〔' or '[' or '】' or '〕' or ']')
            {
                return false;
            }
        }

        return text.Length == 0 || text[^1] is not (':' or '：');
    }

    /// <summary>Collapses all whitespace runs (including line breaks) to nothing — Chinese text needs no spaces.</summary>
    public static string Squash(string text) => Key(text);

    /// <summary>Trims and collapses whitespace runs to one space, keeping line structure out.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(ch);
        }

        return sb.ToString();
    }
}
