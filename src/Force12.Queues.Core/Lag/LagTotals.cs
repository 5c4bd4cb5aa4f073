namespace Force12.Queues.Core.Lag;

/// <summary>Group-wide sums over every unit of one collection. Unknown values never count as zero.</summary>
public sealed record LagTotals
{
    /// <summary>Sum of the units' lag in messages (saturates at <see cref="long.MaxValue"/>).</summary>
    public required long Lag { get; init; }

    /// <summary>The largest known unit age in seconds, or null when no unit's age is known.</summary>
    public double? MaxLagSeconds { get; init; }

    /// <summary>Sum of the known arrival rates in messages per second, or null when none is known.</summary>
    public double? ArrivalRate { get; init; }

    /// <summary>Sum of the known processing rates in messages per second, or null when none is known.</summary>
    public double? ProcessingRate { get; init; }

    /// <summary>Number of units.</summary>
    public required int Units { get; init; }

    /// <summary>Number of units whose status is <see cref="LagUnitStatus.Stalled"/>.</summary>
    public int StalledUnits { get; init; }

    /// <summary>Adds up <paramref name="units"/>, skipping unknown (null) ages and rates.</summary>
    public static LagTotals Sum(IReadOnlyCollection<LagUnitSnapshot> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        long lag = 0;
        double? maxSeconds = null, arrival = null, processing = null;
        var stalled = 0;
        foreach (var unit in units)
        {
            lag = unit.Lag > long.MaxValue - lag ? long.MaxValue : lag + unit.Lag;
            maxSeconds = Max(maxSeconds, unit.LagSeconds);
            arrival = Add(arrival, unit.ArrivalRate);
            processing = Add(processing, unit.ProcessingRate);
            stalled += unit.Status == LagUnitStatus.Stalled ? 1 : 0;
        }

        return new LagTotals
        {
            Lag = lag,
            MaxLagSeconds = maxSeconds,
            ArrivalRate = arrival,
            ProcessingRate = processing,
            Units = units.Count,
            StalledUnits = stalled,
        };
    }

    private static double? Max(double? sofar, double? value) =>
        value is not { } v || !double.IsFinite(v) ? sofar : sofar is { } s ? Math.Max(s, v) : v;

    private static double? Add(double? sofar, double? value) =>
        value is not { } v || !double.IsFinite(v) ? sofar : (sofar ?? 0) + v;
}
