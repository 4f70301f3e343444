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

        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var common = 0;
        var pool = new List<string>(y);
        foreach (var g in x)
        {
            var i = pool.IndexOf(g);
            if (i >= 0)
            {
                common++;
                pool.RemoveAt(i);
            }
        }

        return 2.0 * common / (x.Count + y.Count);
    }

    private static List<string> Bigrams(string s)
    {
        var list = new List<string>(Math.Max(0, s.Length - 1));
        for (var i = 0; i + 1 < s.Length; i++)
        {
            list.Add(s.Substring(i, 2));
        }

        return list;
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
