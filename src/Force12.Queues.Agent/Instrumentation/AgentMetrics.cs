using System.Globalization;
using Force12.Queues.Core.Agent;
using Prometheus;

namespace Force12.Queues.Agent.Instrumentation;

/// <summary>
/// Every Prometheus instrument the agent exports, created through an injected
/// <see cref="IMetricFactory"/> so each test can use a registry of its own. Names follow the
/// Prometheus conventions: <c>force12_</c> prefix, base units, counters end in <c>_total</c>.
/// Per-pipeline labels only (<c>pipeline</c>, <c>source</c>); a value that is unknown (a failed
/// collection) is removed rather than exported as zero.
/// </summary>
public sealed class AgentMetrics
{
    private readonly Gauge _neededPods;
    private readonly Gauge _targetPods;
    private readonly Gauge _runningPods;
    private readonly Gauge _readyPods;
    private readonly Gauge _warmPods;
    private readonly Gauge _slaSeconds;
    private readonly Gauge _priority;
    private readonly Gauge _backlogMessages;
    private readonly Gauge _backlogSeconds;
    private readonly Gauge _arrivalRate;
    private readonly Gauge _processingRate;
    private readonly Gauge _decision;
    private readonly Gauge _forecastRate;
    private readonly Gauge _forecastNeededPods;
    private readonly Gauge _forecastBucket;
    private readonly Gauge _forecastError;
    private readonly Gauge _leader;
    private readonly Counter _scaleOperations;
    private readonly Counter _collectorErrors;
    private readonly Histogram _tickDuration;
    private readonly Histogram _podStartLatency;
    private readonly Gauge _partitionBacklogMessages;
    private readonly Gauge _partitionBacklogSeconds;
    private readonly Dictionary<string, string> _currentReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _currentPriority = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string Stream, string Partition)>> _exportedPartitions = new(StringComparer.Ordinal);
    private readonly bool _perPartition;

    /// <summary>Creates the instruments on <paramref name="factory"/>.</summary>
    /// <param name="factory">Where the instruments are registered.</param>
    /// <param name="perPartition">Also export backlog per partition or shard (labels pipeline, stream, partition). Default false: at 10,000 partitions that is 20,000 series.</param>
    public AgentMetrics(IMetricFactory factory, bool perPartition = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _perPartition = perPartition;
        string[] pipeline = ["pipeline"];
        string[] pipelineSource = ["pipeline", "source"];
        _neededPods = factory.CreateGauge("force12_pipeline_needed_pods", "Pods the scaling policy needs for the pipeline's SLA, before capacity allocation.", pipeline);
        _targetPods = factory.CreateGauge("force12_pipeline_target_pods", "Pods the pipeline is scaled to: the need after capacity allocation.", pipeline);
        _runningPods = factory.CreateGauge("force12_pipeline_running_pods", "Pods of the pipeline whose containers are running.", pipeline);
        _readyPods = factory.CreateGauge("force12_pipeline_ready_pods", "Pods of the pipeline that are running and ready.", pipeline);
        _warmPods = factory.CreateGauge("force12_pipeline_warm_pods", "Warm pods of the pipeline: started, not consuming until promoted (pod.warm).", pipeline);
        _slaSeconds = factory.CreateGauge("force12_pipeline_sla_seconds", "The pipeline's SLA: the oldest message's age it must stay under, in seconds.", pipeline);
        _priority = factory.CreateGauge("force12_pipeline_priority", "The pipeline's priority (1 is served first when pod slots are short); also its label, to group pods by priority.", ["pipeline", "priority"]);
        _backlogMessages = factory.CreateGauge("force12_pipeline_backlog_messages", "Unprocessed messages of the pipeline; absent when the last collection failed.", pipelineSource);
        _backlogSeconds = factory.CreateGauge("force12_pipeline_backlog_seconds", "Age of the oldest unprocessed message in seconds; absent when unknown.", pipelineSource);
        _arrivalRate = factory.CreateGauge("force12_pipeline_arrival_messages_per_second", "Messages arriving per second, measured from the log end.", pipelineSource);
        _processingRate = factory.CreateGauge("force12_pipeline_processing_messages_per_second", "Messages processed per second, measured from committed offsets.", pipelineSource);
        _decision = factory.CreateGauge("force12_pipeline_decision_info", "Reason code of the last scaling decision (value 1 on the current reason).", ["pipeline", "reason"]);
        _forecastRate = factory.CreateGauge("force12_pipeline_forecast_arrival_messages_per_second", "Arrival rate forecast for now + lead (only with a forecast).", pipeline);
        _forecastNeededPods = factory.CreateGauge("force12_pipeline_forecast_needed_pods", "Pods the forecast alone asks for (in shadow mode too).", pipeline);
        _forecastBucket = factory.CreateGauge("force12_pipeline_forecast_bucket_messages_per_second", "Mean arrival rate of the last finished history bucket: series=forecast (made before it began) or series=actual.", ["pipeline", "series"]);
        _forecastError = factory.CreateGauge("force12_pipeline_forecast_error_ratio", "Mean absolute percentage error of one-bucket-ahead forecasts since the agent started, as a ratio (0.05 = 5%).", pipeline);
        _leader = factory.CreateGauge("force12_agent_leader", "1 while this agent may act on its orchestrators (always without leaderElection), 0 while another replica leads.");
        _scaleOperations = factory.CreateCounter("force12_scale_operations_total", "Pods started (direction=up) or stopped (direction=down) by the agent.", ["pipeline", "direction"]);
        string[] partition = ["pipeline", "stream", "partition"];
        _partitionBacklogMessages = factory.CreateGauge("force12_partition_backlog_messages", "Unprocessed messages of one partition or shard (only with metrics.perPartition).", partition);
        _partitionBacklogSeconds = factory.CreateGauge("force12_partition_backlog_seconds", "Age of the oldest unprocessed message of one partition or shard, in seconds (only with metrics.perPartition).", partition);
        _collectorErrors = factory.CreateCounter("force12_collector_errors_total", "Failed collections of backlog.", pipelineSource);
        _tickDuration = factory.CreateHistogram("force12_tick_duration_seconds", "Duration of one control-loop tick: collect, decide, allocate, apply.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
        _podStartLatency = factory.CreateHistogram("force12_pod_start_latency_seconds", "Time from a pod's creation until it is running.",
            new HistogramConfiguration { LabelNames = pipeline, Buckets = Histogram.ExponentialBuckets(0.05, 2, 10) });
    }

    /// <summary>Updates the gauges from a tick's status.</summary>
    public void Observe(AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _leader.Set(status.Leadership.IsLeader ? 1 : 0);
        foreach (var p in status.Pipelines)
        {
            _neededPods.WithLabels(p.Name).Set(p.NeededPods);
            _targetPods.WithLabels(p.Name).Set(p.TargetPods);
            _runningPods.WithLabels(p.Name).Set(p.RunningPods);
            _readyPods.WithLabels(p.Name).Set(p.ReadyPods);
            _warmPods.WithLabels(p.Name).Set(p.WarmPods);
            _slaSeconds.WithLabels(p.Name).Set(p.SlaSeconds);
            SetPriority(p.Name, p.Priority);
            SetOrRemove(_backlogMessages, p.BacklogMessages, p.Name, p.SourceKind);
            SetOrRemove(_backlogSeconds, p.BacklogSeconds, p.Name, p.SourceKind);
            SetOrRemove(_arrivalRate, p.ArrivalRate, p.Name, p.SourceKind);
            SetOrRemove(_processingRate, p.ProcessingRate, p.Name, p.SourceKind);
            SetReason(p.Name, p.ReasonCode);
            ObserveForecast(p.Name, p.Forecast);
            if (_perPartition && p.Units is { } units)
            {
                ObservePartitions(p.Name, units);
            }
        }
    }

    /// <summary>Counts pods started or stopped for a pipeline.</summary>
    public void RecordScale(string pipeline, ScaleDirection direction, int pods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pods);
        _scaleOperations.WithLabels(pipeline, direction == ScaleDirection.Up ? "up" : "down").Inc(pods);
    }

    /// <summary>Counts one failed collection.</summary>
    public void RecordCollectorError(string pipeline, string sourceKind) => _collectorErrors.WithLabels(pipeline, sourceKind).Inc();

    /// <summary>Records how long one tick took.</summary>
    public void RecordTick(TimeSpan duration) => _tickDuration.Observe(duration.TotalSeconds);

    /// <summary>Records one pod's time from creation until running.</summary>
    public void RecordPodStart(string pipeline, TimeSpan latency) => _podStartLatency.WithLabels(pipeline).Observe(latency.TotalSeconds);

    private void ObserveForecast(string pipeline, ForecastStatus? forecast)
    {
        SetOrRemove(_forecastRate, forecast?.RateAhead, pipeline);
        SetOrRemove(_forecastNeededPods, forecast?.NeededPods, pipeline);
        SetOrRemove(_forecastBucket, forecast?.LastBucketForecast, pipeline, "forecast");
        SetOrRemove(_forecastBucket, forecast?.LastBucketActual, pipeline, "actual");
        SetOrRemove(_forecastError, forecast?.MapePercent / 100, pipeline);
    }

    private static void SetOrRemove(Gauge gauge, double? value, params string[] labels)
    {
        if (value is { } v && double.IsFinite(v))
        {
            gauge.WithLabels(labels).Set(v);
        }
        else
        {
            gauge.RemoveLabelled(labels);
        }
    }

    private void ObservePartitions(string pipeline, IReadOnlyList<Core.Lag.LagUnitSnapshot> units)
    {
        var current = new HashSet<(string, string)>();
        foreach (var unit in units)
        {
            current.Add((unit.Id.Stream, unit.Id.Unit));
            _partitionBacklogMessages.WithLabels(pipeline, unit.Id.Stream, unit.Id.Unit).Set(unit.Lag);
            SetOrRemove(_partitionBacklogSeconds, unit.LagSeconds, pipeline, unit.Id.Stream, unit.Id.Unit);
        }

        // Partitions that disappeared (a deleted topic) must not linger with their last value.
        if (_exportedPartitions.TryGetValue(pipeline, out var previous))
        {
            foreach (var (stream, partition) in previous.Except(current))
            {
                _partitionBacklogMessages.RemoveLabelled(pipeline, stream, partition);
                _partitionBacklogSeconds.RemoveLabelled(pipeline, stream, partition);
            }
        }

        _exportedPartitions[pipeline] = current;
    }

    private void SetReason(string pipeline, string reasonCode)
    {
        if (_currentReason.TryGetValue(pipeline, out var previous) && previous != reasonCode)
        {
            _decision.RemoveLabelled(pipeline, previous);
        }

        _currentReason[pipeline] = reasonCode;
        _decision.WithLabels(pipeline, reasonCode).Set(1);
    }

    private void SetPriority(string pipeline, int priority)
    {
        var label = priority.ToString(CultureInfo.InvariantCulture);
        if (_currentPriority.TryGetValue(pipeline, out var previous) && previous != label)
        {
            _priority.RemoveLabelled(pipeline, previous);
        }

        _currentPriority[pipeline] = label;
        _priority.WithLabels(pipeline, label).Set(priority);
    }
}
