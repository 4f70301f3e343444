using System.Globalization;

namespace PerfEval.Core.Documents.Docx;

/// <summary>
/// Maps a w:sym (a character of a symbol font, usually in the U+F0xx private range) to the Unicode character it
/// looks like, for the few symbols forms actually use: check boxes, ticks and crosses, common math signs.
/// </summary>
internal static class Symbols
{
    public static char? Map(string? font, string? code)
    {
        if (code is null || !int.TryParse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var low = value is >= 0xF000 and <= 0xF0FF ? value - 0xF000 : value;
        var f = font?.Trim() ?? string.Empty;
        if (f.Equals("Wingdings", StringComparison.OrdinalIgnoreCase))
        {
            return low switch
            {
                0xA8 or 0x6F or 0x71 => '□',
                0xFE => '☑',
                0xFD or 0x78 => '☒',
                0xFC => '✓',
                0xFB => '✗',
                0x6C => '●',
                0x9F => '•',
                0xA1 => '○',
                _ => null,
            };
        }

        if (f.Equals("Wingdings 2", StringComparison.OrdinalIgnoreCase))
        {
            return low switch
            {
                0x52 => '☑',
                0x54 or 0x53 => '☒',
                0xA3 or 0x2A or 0xA2 => '□',
                0x50 => '✓',
                0x4F => '✗',
                _ => null,
            };
        }

        if (f.Equals("Symbol", StringComparison.OrdinalIgnoreCase))
        {
            return low switch
            {
                0xB4 => '×',
                0xB8 => '÷',
                0xB1 => '±',
                0xA3 => '≤',
                0xB3 => '≥',
                0xB9 => '≠',
                0xD6 => '√',
                0xB7 => '•',
                0xB0 => '°',
                0x2D => '−',
                _ => null,
            };
        }

        // A sym in an ordinary font names a real character; private-use codes of unknown fonts are left out.
        return value is > 0x1F and < 0xE000 or > 0xF8FF and <= 0xFFFD ? (char)value : null;
    }
}
