using System.Diagnostics.Metrics;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Pod start latency measured by the orchestrators themselves, on the meter <see cref="MeterName"/> created through the
/// injected <see cref="IMeterFactory"/> (so an exporter, or a test, sees only its own instruments).
/// Instrument <c>force12.pod.start.duration</c> (histogram, seconds) with tags <c>kind</c> (orchestrator),
/// <c>pipeline</c> and <c>phase</c>: <c>running</c> (creation began -> every container running) or <c>ready</c>
/// (creation began -> first seen ready). Instrument <c>force12.pod.start.failures</c> (counter) counts pods that failed
/// to start and were removed.
/// </summary>
public sealed class PodMetrics
{
    /// <summary>Name of the meter: <c>Force12.Queues.Pods</c>.</summary>
    public const string MeterName = "Force12.Queues.Pods";

    private readonly Histogram<double> _startDuration;
    private readonly Counter<long> _startFailures;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public PodMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _startDuration = meter.CreateHistogram<double>(
            "force12.pod.start.duration", unit: "s", description: "Time from the start of pod creation to running or ready.");
        _startFailures = meter.CreateCounter<long>(
            "force12.pod.start.failures", unit: "{pod}", description: "Pods that failed to start and were removed.");
    }

    internal void RecordStart(string kind, string pipeline, string phase, TimeSpan elapsed) =>
        _startDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("pipeline", pipeline),
            new KeyValuePair<string, object?>("phase", phase));

    internal void RecordStartFailure(string kind, string pipeline) =>
        _startFailures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("pipeline", pipeline));
}
