namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// Additive double-seasonal Holt-Winters exponential smoothing (Taylor 2003, "Short-term electricity demand
/// forecasting using double seasonal exponential smoothing"), one observation per history bucket: a level, a
/// trend, a daily index per slot of the day and a weekly index per slot of the week:
/// forecast(t + h) = level + h x trend + daily[slot(t + h)] + weekly[slot(t + h)].
/// </summary>
/// <remarks>
/// Additive, not Taylor's multiplicative form: a dusk spike is an amount added to a near-constant heartbeat,
/// and additive indices stay finite when a bucket is empty. Initialisation is the classic one: the first day
/// sets the daily indices to each bucket's deviation from the first level (the level does not move during the
/// first day), and the weekly indices start learning only in the second week, from what the daily cycle leaves
/// over, so they describe how a weekday differs from the average day instead of repeating the daily spike.
/// </remarks>
public sealed class DoubleSeasonalHoltWinters
{
    private readonly ForecastOptions _options;
    private readonly double[] _daily;
    private readonly bool[] _visited;
    private readonly double[]? _weekly;
    private readonly int _slotsPerWeek;
    private double _level;
    private double _trend;

    /// <summary>Creates an empty model for <paramref name="slotsPerDay"/> daily slots with the smoothing of <paramref name="options"/>.</summary>
    public DoubleSeasonalHoltWinters(ForecastOptions options, int slotsPerDay)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotsPerDay, 1);
        _options = options;
        _daily = new double[slotsPerDay];
        _visited = new bool[slotsPerDay];
        _slotsPerWeek = slotsPerDay * 7;
        _weekly = options.Season == ForecastSeason.DailyAndWeekly ? new double[_slotsPerWeek] : null;
    }

    /// <summary>Buckets learned so far.</summary>
    public long Observations { get; private set; }

    /// <summary>The smoothed level (messages per second, without the seasonal indices).</summary>
    public double Level => _level;

    /// <summary>The trend in messages per second per bucket.</summary>
    public double Trend => _trend;

    /// <summary><c>true</c> once the daily slot <paramref name="dailySlot"/> has been seen: a forecast for it is possible.</summary>
    public bool Knows(int dailySlot) => _visited[dailySlot];

    /// <summary>Learns one bucket's mean arrival rate <paramref name="rate"/> at the given slots.</summary>
    public void Learn(double rate, int dailySlot, int weeklySlot)
    {
        var y = double.IsFinite(rate) ? Math.Max(0, rate) : 0;
        Observations++;
        if (Observations == 1)
        {
            _level = y;
        }

        if (!_visited[dailySlot])
        {
            // First day: the index is this bucket's deviation from the first level.
            _daily[dailySlot] = y - _level;
            _visited[dailySlot] = true;
            return;
        }

        var weeklyActive = _weekly is not null && Observations > _slotsPerWeek;
        var w = weeklyActive ? _weekly![weeklySlot] : 0;
        var d = _daily[dailySlot];
        var previous = _level;
        _level = (_options.LevelSmoothing * (y - d - w)) + ((1 - _options.LevelSmoothing) * (_level + _trend));
        _trend = (_options.TrendSmoothing * (_level - previous)) + ((1 - _options.TrendSmoothing) * _trend);
        _daily[dailySlot] = (_options.DailySmoothing * (y - _level - w)) + ((1 - _options.DailySmoothing) * d);
        if (weeklyActive)
        {
            _weekly![weeklySlot] = (_options.WeeklySmoothing * (y - _level - d)) + ((1 - _options.WeeklySmoothing) * w);
        }
    }

    /// <summary>
    /// The mean arrival rate forecast <paramref name="bucketsAhead"/> buckets after the last learned one, at the given
    /// slots; never negative. <c>null</c> before the daily slot has been seen once.
    /// </summary>
    public double? Forecast(int bucketsAhead, int dailySlot, int weeklySlot)
    {
        if (Observations == 0 || !_visited[dailySlot])
        {
            return null;
        }

        var weekly = _weekly is not null && Observations > _slotsPerWeek ? _weekly[weeklySlot] : 0;
        return Math.Max(0, _level + (Math.Max(1, bucketsAhead) * _trend) + _daily[dailySlot] + weekly);
    }
}
