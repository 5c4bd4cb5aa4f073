using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Forecasting;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// The control loop's forecasts: one <see cref="PipelineForecaster"/> per pipeline whose forecast is not off, fed with
/// each successful collection's arrival rate, asked for the rate at now + lead (lead = the slowest start among the
/// listed pods, the measured pod start time, plus the margin). Stateful, like the loop that owns it.
/// </summary>
internal sealed class PipelineForecasts
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public PipelineForecasts(IEnumerable<PipelineConfiguration> pipelines)
    {
        foreach (var pipeline in pipelines.Where(p => p.Forecast.Mode != ForecastMode.Off))
        {
            var entry = new Entry(new PipelineForecaster(pipeline.Forecast));
            if (pipeline.Forecast.HistoryFile is { } file)
            {
                // A restart replays the stored buckets, so the forecast works at once instead of after a day.
                Store(entry, () =>
                {
                    foreach (var bucket in ForecastHistoryFile.Load(file))
                    {
                        entry.Forecaster.Learn(bucket);
                    }
                });
            }

            _entries[pipeline.Name] = entry;
        }
    }

    /// <summary>Learns this tick's arrival rate and returns the forecast for the policy, or null (off, or no history for this time yet).</summary>
    public PolicyForecast? Next(string pipeline, LagCollectionResult collection, IReadOnlyList<PodInfo> pods, DateTimeOffset at)
    {
        if (!_entries.TryGetValue(pipeline, out var entry))
        {
            return null;
        }

        if (collection.Snapshot?.Totals.ArrivalRate is { } rate && entry.LastAt is { } last && at > last)
        {
            if (entry.Forecaster.Observe(at, rate, (at - last).TotalSeconds) is not null && entry.Forecaster.Options.HistoryFile is { } file)
            {
                Store(entry, () => ForecastHistoryFile.Save(file, entry.Forecaster.History));
            }
        }

        entry.LastAt = at;
        var started = pods.Select(p => p.TimeToRunning).OfType<TimeSpan>().Where(t => t >= TimeSpan.Zero).DefaultIfEmpty().Max();
        if (started > TimeSpan.Zero)
        {
            entry.MeasuredStart = started;
        }

        entry.Lead = entry.Forecaster.Options.LeadFor(entry.MeasuredStart);
        var ahead = entry.Forecaster.RateAhead(at, entry.Lead);
        entry.RateAhead = ahead;
        return ahead is { } r ? new PolicyForecast { Mode = entry.Forecaster.Options.Mode, RatePerSecond = r, Lead = entry.Lead } : null;
    }

    /// <summary>The status of <paramref name="pipeline"/>'s forecast after <paramref name="decision"/>, or null when it has none.</summary>
    public ForecastStatus? StatusOf(string pipeline, ScalingDecision decision)
    {
        if (!_entries.TryGetValue(pipeline, out var entry))
        {
            return null;
        }

        var accuracy = entry.Forecaster.Accuracy;
        return new ForecastStatus
        {
            Mode = entry.Forecaster.Options.Mode == ForecastMode.On ? "on" : "shadow",
            LeadSeconds = entry.Lead.TotalSeconds,
            RateAhead = entry.RateAhead,
            NeededPods = decision.ForecastNeed,
            LastBucketForecast = accuracy.Last?.Forecast,
            LastBucketActual = accuracy.Last?.Actual,
            MapePercent = accuracy.MapePercent,
            HistoryError = entry.HistoryError,
        };
    }

    /// <summary>Runs a history file operation; its failure is shown in the status, and the forecast goes on from memory.</summary>
    private static void Store(Entry entry, Action operation)
    {
        try
        {
            operation();
            entry.HistoryError = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            entry.HistoryError = e.Message;
        }
    }

    private sealed class Entry(PipelineForecaster forecaster)
    {
        public PipelineForecaster Forecaster { get; } = forecaster;

        public DateTimeOffset? LastAt { get; set; }

        public TimeSpan? MeasuredStart { get; set; }

        public TimeSpan Lead { get; set; }

        public double? RateAhead { get; set; }

        public string? HistoryError { get; set; }
    }
}
