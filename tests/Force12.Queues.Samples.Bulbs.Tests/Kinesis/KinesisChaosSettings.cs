using System.Globalization;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>
/// Size of the Kinesis chaos run: 50,000 events by default (FORCE12_KINESIS_CHAOS_EVENTS), within a budget of
/// 6 minutes (FORCE12_KINESIS_CHAOS_MINUTES; the run takes about 1.5 minutes on a 2-core machine).
/// </summary>
internal sealed record KinesisChaosSettings
{
    public int Events { get; init; } = 50_000;

    public int Shards { get; init; } = 4;

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(6);

    /// <summary>Time between two SIGKILLs of a random pod.</summary>
    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Simulated work per record in a processor: one pod handles at most 1000 / this per second
    /// (500: the diurnal load of 150 to 1200 events per second needs 1 to 3 pods).</summary>
    public double WorkMs { get; init; } = 2;

    public static KinesisChaosSettings FromEnvironment()
    {
        var settings = new KinesisChaosSettings();
        if (int.TryParse(Environment.GetEnvironmentVariable("FORCE12_KINESIS_CHAOS_EVENTS"), CultureInfo.InvariantCulture, out var events) && events > 0)
        {
            settings = settings with { Events = events };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("FORCE12_KINESIS_CHAOS_MINUTES"), CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            settings = settings with { Budget = TimeSpan.FromMinutes(minutes) };
        }

        return settings;
    }
}
