using System.Text.Json.Serialization;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// What the agent knows about one pipeline after a control-loop tick: the measured backlog, the
/// decision and its reason, and the pods. Served by <c>/api/status</c>, drawn by the live page and
/// exported as metrics. Immutable: each tick publishes a new instance.
/// </summary>
public sealed record PipelineStatus
{
    /// <summary>Pipeline name, the key of the pipeline in the configuration.</summary>
    public required string Name { get; init; }

    /// <summary>Source kind that measures the backlog, for example <c>kafka</c>, <c>kinesis</c>, <c>rabbitmq</c>.</summary>
    public required string SourceKind { get; init; }

    /// <summary>
    /// The orchestrator kind of the pipeline, for example <c>docker</c>; <c>keda</c> means the agent decides but KEDA
    /// and the HPA actuate (the agent serves the decision as KEDA's external scaler metric and starts no pod itself).
    /// Empty when unknown.
    /// </summary>
    public string OrchestratorKind { get; init; } = "";

    /// <summary>Priority on the shared capacity pool; 1 is the highest.</summary>
    public int Priority { get; init; } = 1;

    /// <summary>The pipeline's SLA in seconds: the longest acceptable time from arrival to processing.</summary>
    public double SlaSeconds { get; init; }

    /// <summary>Unprocessed messages, or null when the last collection failed or none succeeded yet.</summary>
    public long? BacklogMessages { get; init; }

    /// <summary>Age of the oldest unprocessed message in seconds, or null when unknown.</summary>
    public double? BacklogSeconds { get; init; }

    /// <summary>Messages arriving per second, or null until two observations exist.</summary>
    public double? ArrivalRate { get; init; }

    /// <summary>Messages processed per second, or null until two observations exist.</summary>
    public double? ProcessingRate { get; init; }

    /// <summary>Pods the scaling policy needs for the SLA (its decision, before the shared pool is divided).</summary>
    public int NeededPods { get; init; }

    /// <summary>Pods the pipeline is scaled to: the need after capacity allocation (lower when the pool is short).</summary>
    public int TargetPods { get; init; }

    /// <summary>Pods whose containers are running.</summary>
    public int RunningPods { get; init; }

    /// <summary>Pods that are running and ready to consume.</summary>
    public int ReadyPods { get; init; }

    /// <summary>Warm pods (started, not consuming until promoted; <c>pod.warm</c>): not in <see cref="RunningPods"/>; in <see cref="CapacityUsed"/> only with <c>pod.warmCountsAgainstCapacity</c>.</summary>
    public int WarmPods { get; init; }

    /// <summary>Machine-readable reason code of the last decision, for example <c>DrainBacklog</c>.</summary>
    public string ReasonCode { get; init; } = "None";

    /// <summary>The reason of the last decision as a sentence a person can read.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Pod slots of the shared pool this pipeline holds (running plus starting).</summary>
    public int CapacityUsed { get; init; }

    /// <summary>Tick number of the last successful collection, or null if none succeeded yet.</summary>
    public long? LastSuccessfulCollectTick { get; init; }

    /// <summary>The last collection error as text, or null when the last collection succeeded.</summary>
    public string? CollectorError { get; init; }

    /// <summary>
    /// The orchestrator's error as text while its calls for this pipeline throw (listing pods first, then scaling), or
    /// null when they work. While pods cannot be listed the pipeline's pods are held as they are.
    /// </summary>
    public string? OrchestratorError { get; init; }

    /// <summary>The pipeline's arrival-rate forecast, or null when its forecast is off.</summary>
    public ForecastStatus? Forecast { get; init; }

    /// <summary>
    /// Per-partition (or per-shard) figures of the last successful collection, or null when the last collection
    /// failed. Not part of <c>/api/status</c> (10,000 partitions would swamp it); exported as metrics when
    /// <c>metrics.perPartition</c> is on.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<LagUnitSnapshot>? Units { get; init; }
}
