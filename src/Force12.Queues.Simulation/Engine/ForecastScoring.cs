using Force12.Queues.Core.Forecasting;

namespace Force12.Queues.Simulation.Engine;

/// <summary>Scores a run's forecasts: the acceptance target is a MAPE from the third day on, once two days are learned.</summary>
internal static class ForecastScoring
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromDays(2);

    /// <summary>MAPE (percent) of the scored buckets from <paramref name="epoch"/> + 2 days on, or of all of them when the run is shorter than 3 days; <c>null</c> when none is scored.</summary>
    public static double? MapeFromDay3(IReadOnlyList<IReadOnlyList<ForecastPoint>> perPipeline, DateTimeOffset epoch, double durationSeconds)
    {
        var from = durationSeconds >= TimeSpan.FromDays(3).TotalSeconds ? epoch + TwoDays : DateTimeOffset.MinValue;
        var errors = perPipeline.SelectMany(points => points)
            .Where(p => p.Start >= from && p.AbsolutePercentageError is not null)
            .Select(p => p.AbsolutePercentageError!.Value)
            .ToList();
        return errors.Count > 0 ? 100 * errors.Average() : null;
    }
}
