namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// Maps an instant to its slot in the daily and the weekly cycle. Without a hint the day is the UTC day. With a
/// <see cref="SunsetHint"/> the daily cycle is counted from 12 hours before the local sunset, so a load that
/// follows dusk keeps the same slot as sunset moves through the year; the weekday is the local mean solar day's.
/// </summary>
public sealed class SeasonCalendar
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);
    private readonly TimeSpan _bucket;
    private readonly SunsetHint? _sunset;

    /// <summary>Creates a calendar of <paramref name="bucket"/>-long slots (dividing a day), aligned to <paramref name="sunset"/> when given.</summary>
    public SeasonCalendar(TimeSpan bucket, SunsetHint? sunset)
    {
        if (bucket < TimeSpan.FromSeconds(1) || Day.Ticks % bucket.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "A bucket must be at least 1 s and divide a day evenly.");
        }

        _bucket = bucket;
        _sunset = sunset;
        SlotsPerDay = (int)(Day.Ticks / bucket.Ticks);
    }

    /// <summary>Slots in one day (1,440 for 1-minute buckets).</summary>
    public int SlotsPerDay { get; }

    /// <summary>Slots in one week.</summary>
    public int SlotsPerWeek => SlotsPerDay * 7;

    /// <summary>The daily slot (0..<see cref="SlotsPerDay"/> - 1) and weekly slot (0..<see cref="SlotsPerWeek"/> - 1) of <paramref name="at"/>.</summary>
    public (int Daily, int Weekly) SlotOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        if (_sunset is null)
        {
            var daily = (int)(utc.TimeOfDay.Ticks / _bucket.Ticks);
            return (daily, ((int)utc.DayOfWeek * SlotsPerDay) + daily);
        }

        var localMean = utc.AddHours(_sunset.Longitude / 15);
        var date = DateOnly.FromDateTime(localMean.UtcDateTime);
        var sunset = SunsetCalculator.SunsetUtc(date, _sunset) ?? new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero).AddHours(-_sunset.Longitude / 15);
        var sinceStart = utc - (sunset - HalfDay);
        var dayShift = (int)Math.Floor(sinceStart / Day);
        sinceStart -= dayShift * Day;
        var slot = Math.Clamp((int)(sinceStart.Ticks / _bucket.Ticks), 0, SlotsPerDay - 1);
        var weekday = (int)date.AddDays(dayShift).DayOfWeek;
        return (slot, (weekday * SlotsPerDay) + slot);
    }

    /// <summary>The start of the bucket that holds <paramref name="at"/> (buckets are aligned to UTC midnight).</summary>
    public DateTimeOffset BucketStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % _bucket.Ticks), TimeSpan.Zero);
    }
}
