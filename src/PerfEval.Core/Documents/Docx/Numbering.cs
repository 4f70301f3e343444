using System.Text;

namespace PerfEval.Core.Documents.Docx;

/// <summary>One level (w:lvl) of a list definition.</summary>
internal sealed class LevelDefinition
{
    /// <summary>w:start; the schema default is 0.</summary>
    public int Start { get; set; }

    public string? NumberFormat { get; set; }

    /// <summary>w:lvlText, e.g. "%1、" or "（%2）"; null when the level has none.</summary>
    public string? Text { get; set; }

    /// <summary>w:lvlRestart: 1-based level after which this one restarts; 0 = never; null = after any higher level.</summary>
    public int? Restart { get; set; }

    public bool IsLegal { get; set; }

    public string? ParagraphStyle { get; set; }
}

/// <summary>A w:abstractNum: up to nine levels, or a link to a numbering style that owns them.</summary>
internal sealed class AbstractNumbering
{
    public AbstractNumbering(string id) => Id = id;

    public string Id { get; }

    public LevelDefinition?[] Levels { get; } = new LevelDefinition?[NumberingDefinitions.LevelCount];

    public string? NumStyleLink { get; set; }
}

/// <summary>A w:num: an instance of an abstract list, with optional per-level overrides.</summary>
internal sealed class NumberingInstance
{
    public NumberingInstance(int numId, string abstractId)
    {
        NumId = numId;
        AbstractId = abstractId;
    }

    public int NumId { get; }

    public string AbstractId { get; }

    public int?[] StartOverrides { get; } = new int?[NumberingDefinitions.LevelCount];

    public LevelDefinition?[] LevelOverrides { get; } = new LevelDefinition?[NumberingDefinitions.LevelCount];
}

/// <summary>The list definitions of numbering.xml.</summary>
internal sealed class NumberingDefinitions
{
    public const int LevelCount = 9;

    public NumberingDefinitions(Dictionary<string, AbstractNumbering> abstracts, Dictionary<int, NumberingInstance> instances)
    {
        Abstracts = abstracts;
        Instances = instances;
    }

    public static NumberingDefinitions Empty => new(new(StringComparer.Ordinal), []);

    public Dictionary<string, AbstractNumbering> Abstracts { get; }

    public Dictionary<int, NumberingInstance> Instances { get; }
}

/// <summary>
/// The running list counters of one document read, in document order. Instances (w:num) of the same abstract list
/// share counters, as in Word; an instance that overrides a level's start (Word's "restart numbering") restarts the
/// shared counter at its first paragraph. A level restarts when a higher level advances, as w:lvlRestart allows.
/// </summary>
internal sealed class NumberingState
{
    private readonly NumberingDefinitions _definitions;
    private readonly StyleSheet _styles;
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (AbstractNumbering? Abstract, Counter? Counter)> _resolved = [];
    private readonly HashSet<(int NumId, int Level)> _overridesApplied = [];
    private readonly StringBuilder _label = new();

    public NumberingState(NumberingDefinitions definitions, StyleSheet styles)
    {
        _definitions = definitions;
        _styles = styles;
    }

    /// <summary>
    /// Advances the counter of (numId, ilvl) for one paragraph and returns the label Word shows, e.g. "一、";
    /// null for bullets, unknown lists and levels without text. <paramref name="ilvl"/> null means "the level whose
    /// w:pStyle is the paragraph's style, else 0".
    /// </summary>
    public string? Next(int numId, int? ilvl, string? styleId)
    {
        var instance = _definitions.Instances.GetValueOrDefault(numId);
        if (instance is null)
        {
            return null;
        }

        if (!_resolved.TryGetValue(numId, out var resolved))
        {
            var abs = ResolveAbstract(instance);
            Counter? counter = null;
            if (abs is not null)
            {
                if (!_counters.TryGetValue(abs.Id, out counter))
                {
                    counter = new Counter();
                    _counters[abs.Id] = counter;
                }
            }

            resolved = (abs, counter);
            _resolved[numId] = resolved;
        }

        if (resolved.Abstract is not { } definition || resolved.Counter is not { } state)
        {
            return null;
        }

        var level = ilvl ?? LevelOfStyle(instance, definition, styleId);
        level = Math.Clamp(level, 0, NumberingDefinitions.LevelCount - 1);
        var lvl = Level(instance, definition, level);

        if (instance.StartOverrides[level] is not null && _overridesApplied.Add((numId, level)))
        {
            // Word's "restart numbering": the first paragraph of this instance restarts the shared counter.
            state.Started[level] = false;
        }

        if (state.Started[level])
        {
            state.Values[level]++;
        }
        else
        {
            state.Values[level] = StartOf(instance, definition, level);
            state.Started[level] = true;
        }

        for (var k = level + 1; k < NumberingDefinitions.LevelCount; k++)
        {
            var restartAfter = Level(instance, definition, k)?.Restart ?? k;
            if (restartAfter > 0 && level < restartAfter)
            {
                state.Started[k] = false;
            }
        }

        if (lvl is null || lvl.NumberFormat == "bullet" || string.IsNullOrEmpty(lvl.Text))
        {
            return null;
        }

        return Render(instance, definition, state, lvl);
    }

    private string? Render(NumberingInstance instance, AbstractNumbering definition, Counter state, LevelDefinition lvl)
    {
        var text = lvl.Text!;
        _label.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                var value = state.Started[referenced] ? state.Values[referenced] : StartOf(instance, definition, referenced);
                var format = Level(instance, definition, referenced)?.NumberFormat;
                if (lvl.IsLegal && format != "none")
                {
                    format = "decimal";
                }

                _label.Append(NumberFormatter.Format(value, format));
                i++;
            }
            else
            {
                _label.Append(c);
            }
        }

        for (var i = 0; i < _label.Length; i++)
        {
            if (!char.IsWhiteSpace(_label[i]))
            {
                return _label.ToString();
            }
        }

        return null;
    }

    private static LevelDefinition? Level(NumberingInstance instance, AbstractNumbering definition, int level) =>
        instance.LevelOverrides[level] ?? definition.Levels[level];

    private static int StartOf(NumberingInstance instance, AbstractNumbering definition, int level) =>
        instance.StartOverrides[level] ?? Level(instance, definition, level)?.Start ?? 0;

    private static int LevelOfStyle(NumberingInstance instance, AbstractNumbering definition, string? styleId)
    {
        if (styleId is not null)
        {
            for (var k = 0; k < NumberingDefinitions.LevelCount; k++)
            {
                if (Level(instance, definition, k)?.ParagraphStyle == styleId)
                {
                    return k;
                }
            }
        }

        return 0;
    }

    /// <summary>The abstract list of an instance, following w:numStyleLink through a numbering style (bounded).</summary>
    private AbstractNumbering? ResolveAbstract(NumberingInstance instance)
    {
        var abs = _definitions.Abstracts.GetValueOrDefault(instance.AbstractId);
        for (var hop = 0; hop < 4 && abs?.NumStyleLink is { } link; hop++)
        {
            var linkedNumId = _styles.NumberingStyleNumId(link);
            var linked = linkedNumId is { } id ? _definitions.Instances.GetValueOrDefault(id) : null;
            var target = linked is null ? null : _definitions.Abstracts.GetValueOrDefault(linked.AbstractId);
            if (target is null || ReferenceEquals(target, abs))
            {
                break;
            }

            abs = target;
        }

        return abs;
    }

    private sealed class Counter
    {
        public int[] Values { get; } = new int[NumberingDefinitions.LevelCount];

        public bool[] Started { get; } = new bool[NumberingDefinitions.LevelCount];
    }
}
