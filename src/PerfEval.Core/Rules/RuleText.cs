using System.Text.RegularExpressions;
using PerfEval.Core.Forms;
using PerfEval.Core.Text;

namespace PerfEval.Core.Rules;

/// <summary>Text helpers shared by rules: comparable keys of labels and indicator names, and their similarity.</summary>
internal static partial class RuleText
{
    /// <summary>An indicator name without its typed numbering ("1：", "6、") and whitespace.</summary>
    public static string IndicatorKey(string name) => LeadingNumber().Replace(TextNormalizer.Key(name), string.Empty);

    /// <summary>Dice coefficient over character bigrams (1 for equal texts).</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 1;
        }

        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }

        // Bigrams as 32-bit codes, sorted, then a merge counts the multiset intersection: no allocation per pair
        // beyond two small arrays.
        var x = a.Length <= 256 ? stackalloc int[a.Length - 1] : new int[a.Length - 1];
        var y = b.Length <= 256 ? stackalloc int[b.Length - 1] : new int[b.Length - 1];
        Fill(a, x);
        Fill(b, y);
        x.Sort();
        y.Sort();
        int i = 0, j = 0, common = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (x.Length + y.Length);
    }

    private static void Fill(string s, Span<int> codes)
    {
        for (var i = 0; i + 1 < s.Length; i++)
        {
            codes[i] = (s[i] << 16) | s[i + 1];
        }
    }

    public static string Describe(Location? at) => at switch
    {
        { Table: int t, Row: int r, Column: int c } => $"表{t}第{r}行第{c}列",
        { Paragraph: int p } => $"第{p + 1}段",
        _ => string.Empty,
    };

    [GeneratedRegex(@"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[:：、.．)）]")]
    private static partial Regex LeadingNumber();
}
