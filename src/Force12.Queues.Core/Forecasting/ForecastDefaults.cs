namespace Force12.Queues.Core.Forecasting;

/// <summary>Default values of <see cref="ForecastOptions"/>, in one place so docs and code agree.</summary>
public static class ForecastDefaults
{
    /// <summary>Default history bucket: 1 minute.</summary>
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);

    /// <summary>Default margin added to the measured pod start time to get the lead: 30 seconds.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>Pod start time assumed until one is measured: 5 seconds (cold .NET pods, a dozen at once on 2 cores).</summary>
    public static readonly TimeSpan AssumedPodStart = TimeSpan.FromSeconds(5);

    /// <summary>Default level smoothing per bucket: 0.05.</summary>
    public const double LevelSmoothing = 0.05;

    /// <summary>Default trend smoothing per bucket: 0.001 (the trend moves over days, not minutes).</summary>
    public const double TrendSmoothing = 0.001;

    /// <summary>Default daily-season smoothing per visit of a slot: 0.4.</summary>
    public const double DailySmoothing = 0.4;

    /// <summary>Default weekly-season smoothing per visit of a slot: 0.7 (a slot of the week comes back only once a week).</summary>
    public const double WeeklySmoothing = 0.7;
}
