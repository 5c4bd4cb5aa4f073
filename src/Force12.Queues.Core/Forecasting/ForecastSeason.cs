namespace Force12.Queues.Core.Forecasting;

/// <summary>Which seasonal cycles the forecasting model learns.</summary>
public enum ForecastSeason
{
    /// <summary>One daily cycle: every day is assumed alike.</summary>
    Daily = 0,

    /// <summary>A daily cycle plus a weekly correction, so weekdays and weekends can differ (the default).</summary>
    DailyAndWeekly = 1,
}
