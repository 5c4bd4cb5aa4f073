using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// Reads the sample's settings (environment variables such as <c>BULBS_KAFKA</c>, or <c>--BULBS_KAFKA=...</c> on the
/// command line) and collects an error, naming the variable, for every value it cannot use.
/// </summary>
internal sealed class SampleSettings(IConfiguration configuration, string? pod = null)
{
    public List<string> Errors { get; } = [];

    public string? Text(string name, string? fallback = null, bool required = false)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Errors.Add($"{name} is required");
            }

            return fallback;
        }

        // "{pod}" names this pod (FORCE12_POD, set by every orchestrator), so pods that share a folder or a
        // network namespace can still keep per-pod paths apart, e.g. unix:/run/force12/{pod}.sock.
        return pod is { Length: > 0 }
            ? value.Trim().Replace("{pod}", pod, StringComparison.Ordinal)
            : value.Trim();
    }

    public int Whole(string name, int fallback, int min)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Errors.Add($"{name} must be a whole number >= {min} (was '{text}')");
            return fallback;
        }

        return value;
    }

    public TimeSpan Milliseconds(string name, double fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return TimeSpan.FromMilliseconds(fallback);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            Errors.Add($"{name} must be a number of milliseconds >= 0 (was '{text}')");
            return TimeSpan.FromMilliseconds(fallback);
        }

        return TimeSpan.FromMilliseconds(value);
    }

    public T Parse<T>(string name, string fallback, Func<string, T> parse)
    {
        var text = Text(name, fallback)!;
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            Errors.Add($"{name}: {e.Message}");
            return default!;
        }
    }

    /// <summary>A name for this process's audit file: unique even when a pod of the same name is started again.</summary>
    public static string InstanceName(string role)
    {
        var pod = Environment.GetEnvironmentVariable("FORCE12_POD") ?? Environment.MachineName;
        var unique = Guid.NewGuid().ToString("N")[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{role}-{pod}-{Environment.ProcessId}-{unique}");
    }
}
