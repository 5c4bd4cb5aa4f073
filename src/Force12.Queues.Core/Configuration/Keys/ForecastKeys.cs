namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of a pipeline's <c>forecast</c> section, read into <see cref="Forecasting.ForecastOptions"/>.</summary>
public static class ForecastKeys
{
    /// <summary><c>forecast</c>: the section under <c>pipelines.NAME</c>.</summary>
    public const string Section = "forecast";

    /// <summary><c>mode</c>: <c>off</c> (default), <c>shadow</c> or <c>on</c>.</summary>
    public const string Mode = "mode";

    /// <summary><c>season</c>: <c>daily</c> or <c>daily-weekly</c> (default).</summary>
    public const string Season = "season";

    /// <summary><c>bucket</c>: history bucket length, default 1m.</summary>
    public const string Bucket = "bucket";

    /// <summary><c>lead</c>: fixed look-ahead; default the measured pod start time plus <see cref="Margin"/>.</summary>
    public const string Lead = "lead";

    /// <summary><c>margin</c>: added to the measured pod start time, default 30s.</summary>
    public const string Margin = "margin";

    /// <summary><c>latitude</c>: degrees north of the sunset hint.</summary>
    public const string Latitude = "latitude";

    /// <summary><c>longitude</c>: degrees east of the sunset hint.</summary>
    public const string Longitude = "longitude";

    /// <summary><c>historyFile</c>: where the bucketed history is kept across restarts; default memory only.</summary>
    public const string HistoryFile = "historyFile";

    /// <summary>Every key the section accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Mode, Season, Bucket, Lead, Margin, Latitude, Longitude, HistoryFile];

    /// <summary>Values of <see cref="Mode"/>.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["off", "shadow", "on"];

    /// <summary>Values of <see cref="Season"/>.</summary>
    public static IReadOnlyList<string> Seasons { get; } = ["daily", "daily-weekly"];
}
