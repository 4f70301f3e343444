namespace PerfEval.Core.Documents.Docx;

/// <summary>Streams numbering.xml into <see cref="NumberingDefinitions"/>.</summary>
internal static class NumberingReader
{
    public static NumberingDefinitions Read(WordXml x, WordNames names)
    {
        if (!x.MoveToRoot(names.Numbering))
        {
            return NumberingDefinitions.Empty;
        }

        var abstracts = new Dictionary<string, AbstractNumbering>(StringComparer.Ordinal);
        var instances = new Dictionary<int, NumberingInstance>();
        if (!x.Enter())
        {
            return new NumberingDefinitions(abstracts, instances);
        }

        while (x.NextChild())
        {
            if (x.Is(names.AbstractNum) && x.Attribute(names.AbstractNumId) is { } absId)
            {
                abstracts.TryAdd(absId, ReadAbstract(x, names, absId));
            }
            else if (x.Is(names.Num) && x.IntAttribute(names.NumId) is { } numId)
            {
                if (ReadInstance(x, names, numId) is { } instance)
                {
                    instances.TryAdd(numId, instance);
                }
            }
            else
            {
                x.Skip();
            }
        }

        return new NumberingDefinitions(abstracts, instances);
    }

    private static AbstractNumbering ReadAbstract(WordXml x, WordNames names, string id)
    {
        var result = new AbstractNumbering(id);
        if (!x.Enter())
        {
            return result;
        }

        while (x.NextChild())
        {
            if (x.Is(names.Lvl))
            {
                var ilvl = x.IntAttribute(names.Ilvl) ?? 0;
                var level = ReadLevel(x, names);
                if (ilvl is >= 0 and < NumberingDefinitions.LevelCount)
                {
                    result.Levels[ilvl] ??= level;
                }
            }
            else if (x.Is(names.NumStyleLink))
            {
                result.NumStyleLink = x.ReadVal();
            }
            else
            {
                x.Skip();
            }
        }

        return result;
    }

    private static LevelDefinition ReadLevel(WordXml x, WordNames names)
    {
        var level = new LevelDefinition();
        if (!x.Enter())
        {
            return level;
        }

        while (x.NextChild())
        {
            if (x.Is(names.Start))
            {
                level.Start = x.ReadIntVal() ?? 0;
            }
            else if (x.Is(names.NumFmt))
            {
                level.NumberFormat = x.ReadVal();
            }
            else if (x.Is(names.LvlText))
            {
                level.Text = x.ReadVal();
            }
            else if (x.Is(names.LvlRestart))
            {
                level.Restart = x.ReadIntVal();
            }
            else if (x.Is(names.IsLgl))
            {
                level.IsLegal = x.ReadOnOffVal();
            }
            else if (x.Is(names.PStyle))
            {
                level.ParagraphStyle = x.ReadVal();
            }
            else if (x.IsMarkupCompatibility(names.AlternateContent))
            {
                // Word 2010+ writes e.g. a w14 numFmt choice with a plain fallback; the fallback is enough.
                ReadAlternateLevelContent(x, names, level);
            }
            else
            {
                x.Skip();
            }
        }

        return level;
    }

    private static void ReadAlternateLevelContent(WordXml x, WordNames names, LevelDefinition level)
    {
        if (!x.Enter())
        {
            return;
        }

        while (x.NextChild())
        {
            if (x.IsMarkupCompatibility(names.Fallback) && x.Enter())
            {
                while (x.NextChild())
                {
                    if (x.Is(names.NumFmt))
                    {
                        level.NumberFormat = x.ReadVal();
                    }
                    else
                    {
                        x.Skip();
                    }
                }
            }
            else
            {
                x.Skip();
            }
        }
    }

    private static NumberingInstance? ReadInstance(WordXml x, WordNames names, int numId)
    {
        string? abstractId = null;
        var starts = new int?[NumberingDefinitions.LevelCount];
        var levels = new LevelDefinition?[NumberingDefinitions.LevelCount];
        if (x.Enter())
        {
            while (x.NextChild())
            {
                if (x.Is(names.AbstractNumId))
                {
                    abstractId = x.ReadVal();
                }
                else if (x.Is(names.LvlOverride))
                {
                    var ilvl = x.IntAttribute(names.Ilvl) ?? 0;
                    var (start, level) = ReadOverride(x, names);
                    if (ilvl is >= 0 and < NumberingDefinitions.LevelCount)
                    {
                        starts[ilvl] = start ?? level?.Start;
                        levels[ilvl] = level;
                    }
                }
                else
                {
                    x.Skip();
                }
            }
        }

        if (abstractId is null)
        {
            return null;
        }

        var instance = new NumberingInstance(numId, abstractId);
        starts.CopyTo(instance.StartOverrides, 0);
        levels.CopyTo(instance.LevelOverrides, 0);
        return instance;
    }

    private static (int? Start, LevelDefinition? Level) ReadOverride(WordXml x, WordNames names)
    {
        int? start = null;
        LevelDefinition? level = null;
        if (!x.Enter())
        {
            return (null, null);
        }

        while (x.NextChild())
        {
            if (x.Is(names.StartOverride))
            {
                start = x.ReadIntVal();
            }
            else if (x.Is(names.Lvl))
            {
                level = ReadLevel(x, names);
            }
            else
            {
                x.Skip();
            }
        }

        return (start, level);
    }
}
