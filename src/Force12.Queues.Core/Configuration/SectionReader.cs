using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Configuration;

/// <summary>
/// Reads typed values from one configuration section and collects an error, naming the full path
/// and what was wrong, for every value it cannot use, so that all problems are reported at once.
/// Paths use dots: <c>pipelines.bulbs.maxPods</c>.
/// </summary>
public sealed class SectionReader
{
    private readonly List<string> _errors;

    /// <summary>Reads <paramref name="section"/>, reporting problems under <paramref name="path"/> into <paramref name="errors"/>.</summary>
    public SectionReader(IConfigurationSection section, string path, List<string> errors)
    {
        Section = section ?? throw new ArgumentNullException(nameof(section));
        Path = path;
        _errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    /// <summary>The section being read.</summary>
    public IConfigurationSection Section { get; }

    /// <summary>The section's path in messages.</summary>
    public string Path { get; }

    /// <summary>How many problems have been recorded so far (by this reader and every reader sharing its list), so a plugin can tell whether its own reads failed.</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>A reader for a child section.</summary>
    public SectionReader Child(string key) => new(Section.GetSection(key), Join(key), _errors);

    /// <summary>A reader for the list entry <paramref name="index"/> of this section, named <c>path[index]</c> as in YAML and JSON.</summary>
    public SectionReader Element(string index) => new(Section.GetSection(index), $"{Path}[{index}]", _errors);

    /// <summary>Records an error about <paramref name="key"/> (or the section itself when null).</summary>
    public void Fail(string? key, string problem) => _errors.Add($"{(key is null ? Path : Join(key))}: {problem}");

    /// <summary>Records <paramref name="problem"/>, whose key is relative to this section.</summary>
    public void Fail(SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Fail(problem.Key, problem.Problem);
    }

    /// <summary>Records a whole message that already names its full path (<c>&lt;path&gt;: &lt;problem&gt;</c>), as validators of whole models write them.</summary>
    public void Report(string message) => _errors.Add(message);

    /// <summary>Records an error for every key of the section that is not in <paramref name="known"/> (a typo must not pass silently).</summary>
    public void RejectUnknown(params IReadOnlyList<string> known)
    {
        foreach (var child in Section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Fail(child.Key, $"unknown setting (known here: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>True when <paramref name="key"/> has a value or children.</summary>
    public bool Has(string key) => Section.GetSection(key).Exists();

    /// <summary>A string, or <paramref name="fallback"/> when absent; records an error when required and absent.</summary>
    public string? Text(string key, bool required = false, string? fallback = null)
    {
        var value = Section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(key, "is required");
            }

            return fallback;
        }

        return value.Trim();
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int WholeNumber(string key, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        (int)LargeWholeNumber(key, fallback, min, max);

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public long LargeWholeNumber(string key, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = Text(key);
        if (text is null)
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Fail(key, $"'{text}' is not a whole number");
            return fallback;
        }

        return InRange(key, value, min, max) ? value : fallback;
    }

    /// <summary>A whole number, or null when absent.</summary>
    public int? OptionalWholeNumber(string key, int min = int.MinValue, int max = int.MaxValue) =>
        Has(key) ? WholeNumber(key, 0, min, max) : null;

    /// <summary>A finite number, greater than <paramref name="exclusiveMin"/> when given, or <paramref name="fallback"/> when absent.</summary>
    public double? Number(string key, double? fallback, double? exclusiveMin = null)
    {
        var text = Text(key);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(key, $"'{text}' is not a number");
            return fallback;
        }

        if (exclusiveMin is { } lower && value <= lower)
        {
            Fail(key, $"must be greater than {lower.ToString(CultureInfo.InvariantCulture)} (was {text})");
            return fallback;
        }

        return value;
    }

    /// <summary>A boolean (<c>true</c>/<c>false</c>), or <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string key, bool fallback)
    {
        var text = Text(key);
        if (text is null)
        {
            return fallback;
        }

        if (!bool.TryParse(text, out var value))
        {
            Fail(key, $"'{text}' is not true or false");
            return fallback;
        }

        return value;
    }

    /// <summary>A duration such as <c>10s</c> (see <see cref="QuantityParser.TryParseDuration"/>), or <paramref name="fallback"/> when absent.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, bool positive = false)
    {
        var text = Text(key);
        if (text is null)
        {
            return fallback;
        }

        if (!QuantityParser.TryParseDuration(text, out var value))
        {
            Fail(key, $"'{text}' is not a duration (use a number with ms, s, m or h, for example 10s)");
            return fallback;
        }

        if (positive && value <= TimeSpan.Zero)
        {
            Fail(key, $"must be positive (was {text})");
            return fallback;
        }

        return value;
    }

    /// <summary>A byte size such as <c>256Mi</c>, or null when absent.</summary>
    public long? Bytes(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (!QuantityParser.TryParseBytes(text, out var value))
        {
            Fail(key, $"'{text}' is not a size in bytes (for example 256Mi or 1Gi)");
            return null;
        }

        return value;
    }

    /// <summary>The values of a list (YAML sequence), in order; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string> List(string key)
    {
        var section = Section.GetSection(key);
        if (section.Value is { Length: > 0 } single)
        {
            return [single];
        }

        return section.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(c => c.Value ?? "")
            .ToArray();
    }

    /// <summary>The key/value pairs of a map (YAML mapping), keys as written.</summary>
    public IReadOnlyDictionary<string, string> Map(string key) =>
        Section.GetSection(key).AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);

    private bool InRange(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            var bounds = max == long.MaxValue || max == int.MaxValue ? $">= {min}" : $"between {min} and {max}";
            Fail(key, $"must be {bounds} (was {value})");
            return false;
        }

        return true;
    }

    private string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
