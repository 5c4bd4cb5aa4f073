namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// Per-pipeline settings of the arrival-rate forecast (configuration section <c>forecast:</c>). Immutable; check
/// with <see cref="ForecastOptionsValidator"/>. Defaults come from <see cref="ForecastDefaults"/>.
/// </summary>
public sealed record ForecastOptions
{
    /// <summary>The settings of a pipeline without a <c>forecast:</c> section: off.</summary>
    public static ForecastOptions Disabled { get; } = new();

    /// <summary>Off (default), shadow (report only) or on (raise the pods ahead of demand).</summary>
    public ForecastMode Mode { get; init; } = ForecastMode.Off;

    /// <summary>Seasonal cycles learned. Default <see cref="ForecastSeason.DailyAndWeekly"/>.</summary>
    public ForecastSeason Season { get; init; } = ForecastSeason.DailyAndWeekly;

    /// <summary>Length of one history bucket. Default 1 minute; must divide a day evenly and be at least 1 s.</summary>
    public TimeSpan Bucket { get; init; } = ForecastDefaults.Bucket;

    /// <summary>
    /// How far ahead the forecast need looks, or <c>null</c> (default) for the measured pod start time plus
    /// <see cref="Margin"/>.
    /// </summary>
    public TimeSpan? Lead { get; init; }

    /// <summary>Added to the measured pod start time when <see cref="Lead"/> is not set. Default 30 s; must be &gt;= 0.</summary>
    public TimeSpan Margin { get; init; } = ForecastDefaults.Margin;

    /// <summary>
    /// Latitude in degrees (-90..90) of a schedule hint: with <see cref="Longitude"/>, the daily cycle is aligned
    /// to the local sunset (dusk-driven loads move with it through the year). Default none.
    /// </summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees (-180..180, east positive) of the sunset hint. Default none.</summary>
    public double? Longitude { get; init; }

    /// <summary>
    /// File that keeps the bucketed history across agent restarts (see <see cref="ForecastHistoryFile"/>), or
    /// <c>null</c> (default) to keep it in memory only.
    /// </summary>
    public string? HistoryFile { get; init; }

    /// <summary>Level smoothing (0, 1]. Default 0.05.</summary>
    public double LevelSmoothing { get; init; } = ForecastDefaults.LevelSmoothing;

    /// <summary>Trend smoothing [0, 1]. Default 0.001.</summary>
    public double TrendSmoothing { get; init; } = ForecastDefaults.TrendSmoothing;

    /// <summary>Daily-season smoothing (0, 1]. Default 0.4.</summary>
    public double DailySmoothing { get; init; } = ForecastDefaults.DailySmoothing;

    /// <summary>Weekly-season smoothing (0, 1]. Default 0.7.</summary>
    public double WeeklySmoothing { get; init; } = ForecastDefaults.WeeklySmoothing;

    /// <summary>The lead for a pod start time of <paramref name="measuredPodStart"/> (or the assumed 5 s when none is measured yet).</summary>
    public TimeSpan LeadFor(TimeSpan? measuredPodStart) => Lead ?? ((measuredPodStart ?? ForecastDefaults.AssumedPodStart) + Margin);

    /// <summary>The sunset hint when both coordinates are set, or <c>null</c>.</summary>
    public SunsetHint? Sunset => Latitude is { } lat && Longitude is { } lon ? new SunsetHint(lat, lon) : null;
}
