using System.Globalization;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

/// <summary>
/// Size of the chaos run. The test runs 100,000 events; the 1,000,000-event benchmark is the same test with
/// FORCE12_CHAOS_EVENTS=1000000 (and a longer FORCE12_CHAOS_MINUTES budget).
/// </summary>
internal sealed record ChaosSettings
{
    public int Events { get; init; } = 100_000;

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(6);

    /// <summary>Time between two SIGKILLs of a random pod.</summary>
    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Simulated work per message in a processor: one pod handles at most 1000 / this per second.</summary>
    public double WorkMs { get; init; } = 1;

    public static ChaosSettings FromEnvironment()
    {
        var settings = new ChaosSettings();
        if (int.TryParse(Environment.GetEnvironmentVariable("FORCE12_CHAOS_EVENTS"), CultureInfo.InvariantCulture, out var events) && events > 0)
        {
            settings = settings with { Events = events };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("FORCE12_CHAOS_MINUTES"), CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            settings = settings with { Budget = TimeSpan.FromMinutes(minutes) };
        }

        return settings;
    }
}
