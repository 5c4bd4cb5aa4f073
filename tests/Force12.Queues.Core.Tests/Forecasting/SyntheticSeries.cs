namespace Force12.Queues.Core.Tests.Forecasting;

/// <summary>
/// Synthetic arrival rates for forecaster tests: a baseline plus a daily spike (a Gaussian bump) whose time and
/// size jitter from day to day, lighter on weekends, sampled every 10 s. Seeded, so every run sees the same series.
/// </summary>
internal sealed class SyntheticSeries
{
    /// <summary>A Monday, so days 6 and 7 are the weekend.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public double Baseline { get; init; } = 1_000;

    public double SpikePeak { get; init; } = 3_000;

    public double SpikeAtHours { get; init; } = 18;

    public double SpreadSeconds { get; init; } = 300;

    public double TimeJitterSeconds { get; init; } = 120;

    public double SizeJitter { get; init; } = 0.1;

    public double WeekendFactor { get; init; } = 1;

    public double TrendPerDay { get; init; }

    public int Seed { get; init; } = 7;

    /// <summary>(time, rate) every 10 s for <paramref name="days"/> days; the rate is the mean over the 10 s before the time.</summary>
    public IEnumerable<(DateTimeOffset At, double Rate)> Samples(int days)
    {
        var random = new Random(Seed);
        for (var day = 0; day < days; day++)
        {
            var date = Start.AddDays(day);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var peak = SpikePeak * (1 + (SizeJitter * ((2 * random.NextDouble()) - 1))) * (weekend ? WeekendFactor : 1);
            var at = (SpikeAtHours * 3600) + (TimeJitterSeconds * ((2 * random.NextDouble()) - 1));
            for (var s = 10; s <= 86_400; s += 10)
            {
                var z = (s - at) / SpreadSeconds;
                var rate = Baseline + (TrendPerDay * (day + (s / 86_400.0))) + (peak * Math.Exp(-0.5 * z * z));
                yield return (date.AddSeconds(s), rate);
            }
        }
    }
}
