using System.Globalization;
using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// Several days of smart bulbs (the run starts on a Monday at midnight): heartbeats all day, and every day a
/// dusk spike (<see cref="DuskSpikeTrace"/>'s shape) whose time moves by up to <c>timeJitter</c> either way around
/// <c>duskAt</c> and whose size varies by up to <c>sizeJitter</c> (a fraction) either way; on Saturdays and Sundays
/// fewer bulbs switch on (<c>weekendFactor</c>). The jitter is drawn once from the injected random source, so a
/// seed gives the same week.
/// </summary>
public sealed class DuskWeekTrace : IDemandTrace
{
    private const double Day = 86_400;
    private readonly DuskSpikeTrace[] _days;
    private readonly double _baseline;
    private readonly double _duskDayFraction;

    /// <summary>Draws every day's dusk time and size up front.</summary>
    public DuskWeekTrace(IRandomSource random, int days = 7, int bulbs = 100_000, double messagesPerSwitchOn = 10, TimeSpan? duskAt = null,
        TimeSpan? timeJitter = null, double sizeJitter = 0.2, double weekendFactor = 0.6, double spreadSeconds = 90)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var dusk = (duskAt ?? TimeSpan.FromHours(17)).TotalSeconds;
        var jitter = (timeJitter ?? TimeSpan.FromMinutes(20)).TotalSeconds;
        Duration = TimeSpan.FromDays(days);
        _duskDayFraction = dusk / Day;
        _baseline = bulbs / 60.0;
        _days = new DuskSpikeTrace[days];
        for (var d = 0; d < days; d++)
        {
            var weekend = d % 7 >= 5;
            var size = (1 + (sizeJitter * ((2 * random.NextDouble()) - 1))) * (weekend ? weekendFactor : 1);
            _days[d] = new DuskSpikeTrace
            {
                Bulbs = bulbs,
                MessagesPerSwitchOn = messagesPerSwitchOn * size,
                DuskAtSeconds = (d * Day) + dusk + (jitter * ((2 * random.NextDouble()) - 1)),
                SpreadSeconds = spreadSeconds,
                BaselineRate = 0,
                Duration = null,
            };
        }
    }

    /// <inheritdoc />
    public string Name => "dusk-week";

    /// <inheritdoc />
    public TimeSpan? Duration { get; }

    /// <summary>Each day's dusk (seconds from the start of the run), for reports and tests.</summary>
    public IReadOnlyList<double> DuskTimes => _days.Select(d => d.DuskAtSeconds).ToArray();

    /// <inheritdoc />
    public double RateAt(double seconds)
    {
        // Only the nearest dusk matters: its tails are negligible hours away.
        var day = Math.Clamp((int)Math.Round((seconds / Day) - _duskDayFraction), 0, _days.Length - 1);
        return _baseline + _days[day].RateAt(seconds);
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture, $"dusk-week: {_days.Length} days of {_baseline:0}/s heartbeats and a dusk spike a day (weekends lighter){RateGuard.For(Duration)}");
}
