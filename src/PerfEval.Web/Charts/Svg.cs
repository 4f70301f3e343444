using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PerfEval.Web.Charts;

/// <summary>How a chart is drawn. Every setting has a default.</summary>
public sealed record ChartOptions
{
    /// <summary>Width in px (the SVG scales with its viewBox).</summary>
    public int Width { get; init; } = 640;

    /// <summary>Height in px; for a horizontal bar chart, null sizes it to its bars.</summary>
    public int? Height { get; init; }

    /// <summary>The prefix of the ids inside the SVG (its title and description), so that several charts inlined in one
    /// page do not clash. Letters, digits, '-' and '_'; by default derived from the title.</summary>
    public string? Id { get; init; }

    /// <summary>The axis of the labels (执行率, 得分), written under a vertical chart.</summary>
    public string? LabelAxis { get; init; }

    /// <summary>The axis of the values (单位数, 问题数), written above the value scale.</summary>
    public string? ValueAxis { get; init; }

    /// <summary>What the values count, after each value in the accessible text (家, 个, 条).</summary>
    public string? Unit { get; init; }
}

/// <summary>
/// Charts drawn on the server as SVG text: no script, every piece of text escaped, an accessible name
/// (<c>&lt;title&gt;</c>) and a description listing every value (<c>&lt;desc&gt;</c>) for screen readers, and a
/// <c>&lt;title&gt;</c> per bar for a tooltip. Elements carry <c>pe-*</c> classes so a page's CSS can restyle them.
/// </summary>
public static class Svg
{
    private const string Font = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
    private const string BarFill = "#2f6ca3";
    private const string GridStroke = "#dfe3e8";
    private const string TextFill = "#333333";
    private const double FontSize = 12;
    private const double TitleSize = 15;

    /// <summary>Vertical bars, one per label, with the value above each bar and the label under it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public static string BarChart(IReadOnlyList<(string Label, double Value)> bars, string title, ChartOptions? options = null) =>
        Vertical(bars, title, options ?? new ChartOptions(), gap: 0.35);

    /// <summary>A histogram: the bars of adjacent buckets touch (a hair apart), labelled by their buckets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public static string Histogram(IReadOnlyList<(string Label, double Value)> buckets, string title, ChartOptions? options = null) =>
        Vertical(buckets, title, options ?? new ChartOptions(), gap: 0.03);

    /// <summary>Horizontal bars, for long labels (rule categories, unit names): the label left, the value right of its bar.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite.</exception>
    public static string HorizontalBarChart(IReadOnlyList<(string Label, double Value)> bars, string title, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        options ??= new ChartOptions();
        Validate(bars);
        const double rowHeight = 28;
        const double top = 40;
        const double bottom = 16;
        var width = options.Width;
        var height = options.Height ?? (int)(top + (Math.Max(bars.Count, 1) * rowHeight) + bottom);
        var svg = Open(width, height, title, bars, options);
        if (bars.Count == 0)
        {
            return Empty(svg, width, height);
        }

        var labelWidth = Math.Min(width * 0.4, bars.Max(b => TextWidth(b.Label, FontSize)) + 12);
        var valueWidth = bars.Max(b => TextWidth(Number(b.Value), FontSize)) + 12;
        var plotLeft = labelWidth;
        var plotWidth = Math.Max(width - plotLeft - valueWidth - 8, 10);
        var band = (height - top - bottom) / bars.Count;
        var max = bars.Max(b => b.Value);

        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"pe-bars\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + (i * band);
            var length = max > 0 ? value / max * plotWidth : 0;
            var barHeight = band * 0.65;
            svg.Append("<g class=\"pe-bar\"><title>").Append(XmlText.Escape(BarText(label, value, options))).Append("</title>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(plotLeft)}\" y=\"{F(y + ((band - barHeight) / 2))}\" width=\"{F(length)}\" height=\"{F(barHeight)}\" fill=\"{BarFill}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"pe-label\" x=\"{F(plotLeft - 6)}\" y=\"{F(y + (band / 2))}\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                .Append(XmlText.Escape(Fit(label, labelWidth - 10, FontSize))).Append("</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"pe-value\" x=\"{F(plotLeft + length + 4)}\" y=\"{F(y + (band / 2))}\" dominant-baseline=\"middle\">")
                .Append(XmlText.Escape(Number(value))).Append("</text></g>");
        }

        return svg.Append("</g></svg>").ToString();
    }

    private static string Vertical(IReadOnlyList<(string Label, double Value)> bars, string title, ChartOptions options, double gap)
    {
        ArgumentNullException.ThrowIfNull(bars);
        Validate(bars);
        var width = options.Width;
        var height = options.Height ?? 320;
        var svg = Open(width, height, title, bars, options);
        if (bars.Count == 0)
        {
            return Empty(svg, width, height);
        }

        var (step, top) = Scale(bars.Max(b => b.Value), bars.All(b => b.Value == Math.Floor(b.Value)));
        var tickWidth = TextWidth(Number(top), FontSize);
        double left = Math.Max(40, tickWidth + 14);
        const double right = 12;
        const double plotTop = 52;
        var plotBottom = height - (options.LabelAxis is null ? 28.0 : 46.0);
        var plotHeight = plotBottom - plotTop;
        var plotWidth = width - left - right;

        // Value scale: gridlines and their numbers.
        svg.Append("<g class=\"pe-axis\" fill=\"").Append(TextFill).Append("\">");
        if (options.ValueAxis is { } valueAxis)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left - 6)}\" y=\"{F(plotTop - 14)}\" text-anchor=\"end\">")
                .Append(XmlText.Escape(valueAxis)).Append("</text>");
        }

        for (var tick = 0.0; tick <= top + (step / 2); tick += step)
        {
            var y = plotBottom - (tick / top * plotHeight);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(width - right)}\" y2=\"{F(y)}\" stroke=\"{GridStroke}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left - 6)}\" y=\"{F(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                .Append(Number(tick)).Append("</text>");
        }

        if (options.LabelAxis is { } labelAxis)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + (plotWidth / 2))}\" y=\"{F(height - 8)}\" text-anchor=\"middle\">")
                .Append(XmlText.Escape(labelAxis)).Append("</text>");
        }

        svg.Append("</g><g class=\"pe-bars\">");
        var slot = plotWidth / bars.Count;
        var barWidth = slot * (1 - gap);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var x = left + (i * slot) + ((slot - barWidth) / 2);
            var barHeight = value / top * plotHeight;
            svg.Append("<g class=\"pe-bar\"><title>").Append(XmlText.Escape(BarText(label, value, options))).Append("</title>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(x)}\" y=\"{F(plotBottom - barHeight)}\" width=\"{F(barWidth)}\" height=\"{F(barHeight)}\" fill=\"{BarFill}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"pe-value\" x=\"{F(x + (barWidth / 2))}\" y=\"{F(plotBottom - barHeight - 5)}\" text-anchor=\"middle\">")
                .Append(XmlText.Escape(Number(value))).Append("</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"pe-label\" x=\"{F(left + (i * slot) + (slot / 2))}\" y=\"{F(plotBottom + 16)}\" text-anchor=\"middle\">")
                .Append(XmlText.Escape(Fit(label, slot - 4, FontSize))).Append("</text></g>");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"</g><line class=\"pe-baseline\" x1=\"{F(left)}\" y1=\"{F(plotBottom)}\" x2=\"{F(width - right)}\" y2=\"{F(plotBottom)}\" stroke=\"#888888\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The root, the accessible title and description, and the visible title.</summary>
    private static StringBuilder Open(int width, int height, string title, IReadOnlyList<(string Label, double Value)> bars, ChartOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 120);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 80);
        var id = IdOf(options.Id ?? title);
        var description = bars.Count == 0 ? "暂无数据" : string.Join("；", bars.Select(b => BarText(b.Label, b.Value, options))) + "。";
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pe-chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ");
        svg.Append(CultureInfo.InvariantCulture,
            $"role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{Font}\" font-size=\"{F(FontSize)}\" fill=\"{TextFill}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">").Append(XmlText.Escape(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">").Append(XmlText.Escape(description)).Append("</desc>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"pe-chart-title\" x=\"{F(width / 2.0)}\" y=\"22\" text-anchor=\"middle\" font-size=\"{F(TitleSize)}\" font-weight=\"bold\">")
            .Append(XmlText.Escape(title)).Append("</text>");
        return svg;
    }

    private static string Empty(StringBuilder svg, int width, int height) =>
        svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"pe-empty\" x=\"{F(width / 2.0)}\" y=\"{F(height / 2.0)}\" text-anchor=\"middle\" fill=\"#888888\">暂无数据</text></svg>")
            .ToString();

    private static void Validate(IReadOnlyList<(string Label, double Value)> bars)
    {
        foreach (var (_, value) in bars)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bars), value, "A chart's values must be finite and not negative.");
            }
        }
    }

    /// <summary>A scale step of 1, 2 or 5 × 10ⁿ giving about four gridlines, and the top of the scale (a multiple of
    /// it, never below the largest value); whole steps when every value is whole.</summary>
    private static (double Step, double Top) Scale(double max, bool whole)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        if (whole)
        {
            step = Math.Max(1, Math.Round(step));
        }

        return (step, Math.Ceiling((max / step) - 1e-9) * step);
    }

    private static string BarText(string label, double value, ChartOptions options) => $"{label}：{Number(value)}{options.Unit}";

    /// <summary>The text, cut with "…" when wider than <paramref name="room"/> (the whole text is in the bar's title).</summary>
    private static string Fit(string text, double room, double size)
    {
        text ??= string.Empty;
        if (TextWidth(text, size) <= room)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 0 && TextWidth(cut + "…", size) > room)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    /// <summary>An estimate of a text's width: a full-width (CJK) character is an em, others about 0.6 em.</summary>
    private static double TextWidth(string? text, double size) =>
        (text ?? string.Empty).Sum(c => c >= 0x2E80 ? size : size * 0.6);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A valid XML id: the given letters, digits, '-' and '_', else a hash of the text.</summary>
    private static string IdOf(string text)
    {
        var kept = new string([.. (text ?? string.Empty).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return kept.Length > 0 && kept.Length == (text ?? string.Empty).Length && char.IsAsciiLetter(kept[0])
            ? kept
            : "pe-chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)))[..10];
    }
}
