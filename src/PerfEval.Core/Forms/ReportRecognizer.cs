using PerfEval.Core.Documents;

namespace PerfEval.Core.Forms;

/// <summary>
/// Builds a <see cref="ReportForm"/> from a narrative report's paragraphs: the section tree from its numbering
/// (typed or automatic) and styled headings, and the figures its sentences state.
/// </summary>
internal static class ReportRecognizer
{
    public static ReportForm Recognize(FormKind kind, string title, Location? titleAt, IReadOnlyList<ParagraphBlock> paragraphs, string? subject)
    {
        var flat = new List<(SectionMarker? Marker, ParagraphBlock Paragraph, bool Auto)>();
        foreach (var p in paragraphs)
        {
            SectionMarker? marker = null;
            var auto = false;
            if (p.ListLabel is { Length: > 0 } label && SectionMarkers.FromListLabel(label) is { } fromLabel)
            {
                marker = fromLabel;
                auto = true;
            }
            else if (SectionMarkers.Match(p.Text) is { } typed)
            {
                marker = typed;
            }

            flat.Add((marker, p, auto));
        }

        var sections = BuildTree(flat);
        var claims = ClaimExtractor.Extract(paragraphs);
        return new ReportForm { Kind = kind, Title = title, TitleAt = titleAt, Sections = sections, Claims = claims, Subject = subject };
    }

    private static List<Section> BuildTree(List<(SectionMarker? Marker, ParagraphBlock Paragraph, bool Auto)> flat)
    {
        // Levels: the conventional rank of each numbering style present, compressed so the outermost present is 1.
        var ranks = flat.Where(f => f.Marker is not null).Select(f => SectionMarkers.Rank(f.Marker!.Value.Style)).Distinct().Order().ToList();
        var styled = flat.Where(f => f.Marker is null && f.Paragraph.OutlineLevel is not null).ToList();

        var roots = new List<Builder>();
        var stack = new List<Builder>();
        Builder? current = null;
        foreach (var (marker, paragraph, auto) in flat)
        {
            int level;
            Builder node;
            if (marker is { } m)
            {
                level = ranks.IndexOf(SectionMarkers.Rank(m.Style)) + 1;
                var text = m.Length > 0 ? paragraph.Text[m.Length..] : paragraph.Text;
                node = new Builder(m.Label, m.Style, m.Number, level, text.Trim(), paragraph.Index, auto);
            }
            else if (paragraph.OutlineLevel is int outline && styled.Count > 0 && paragraph.Text.Length <= 60)
            {
                level = Math.Max(1, outline);
                node = new Builder(string.Empty, NumberingStyle.None, 0, level, paragraph.Text.Trim(), paragraph.Index, false);
            }
            else
            {
                current?.Body.Add(paragraph.Text.Trim());
                continue;
            }

            while (stack.Count > 0 && stack[^1].Level >= level)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            if (stack.Count == 0)
            {
                roots.Add(node);
            }
            else
            {
                stack[^1].Children.Add(node);
            }

            stack.Add(node);
            current = node;
        }

        return roots.Select(b => b.Build()).ToList();
    }

    private sealed class Builder(string label, NumberingStyle style, int number, int level, string text, int paragraph, bool auto)
    {
        public int Level { get; } = level;

        public List<string> Body { get; } = [text];

        public List<Builder> Children { get; } = [];

        public Section Build() => new()
        {
            Label = label,
            Style = style,
            Number = number,
            Level = Level,
            Heading = HeadingOf(text),
            Text = string.Join('\n', Body.Where(b => b.Length > 0)),
            Paragraph = paragraph,
            AutoNumbered = auto,
            Children = Children.Select(c => c.Build()).ToList(),
        };

        private static string HeadingOf(string text)
        {
            var t = text.Trim();
            var stop = t.IndexOfAny(['。', '：', ':', '；']);
            if (stop > 0)
            {
                t = t[..stop];
            }

            return t.Length > 60 ? t[..60] : t;
        }
    }
}
