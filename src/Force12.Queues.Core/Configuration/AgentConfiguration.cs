using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Configuration;

/// <summary>The agent's whole configuration after validation.</summary>
public sealed record AgentConfiguration
{
    /// <summary>Default time between control-loop ticks: 1 s.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Default HTTP address for metrics, health, status and the live page: loopback only.</summary>
    public const string DefaultHttpAddress = "127.0.0.1:8412";

    /// <summary>Time between ticks (<c>pollInterval</c>). Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>Longest one collector may take in a tick before it counts as failed (<c>collectTimeout</c>). Default: the poll interval.</summary>
    public TimeSpan CollectTimeout { get; init; } = DefaultPollInterval;

    /// <summary>host:port the HTTP endpoints bind to (<c>http.address</c>). Default <see cref="DefaultHttpAddress"/>.</summary>
    public string HttpAddress { get; init; } = DefaultHttpAddress;

    /// <summary>Export backlog per partition or shard as well as per pipeline (<c>metrics.perPartition</c>). Default false.</summary>
    public bool PerPartitionMetrics { get; init; }

    /// <summary>
    /// Leader election among agent replicas (<c>leaderElection</c>); null when the section is absent: the agent runs alone
    /// and always acts.
    /// </summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    /// <summary>The shared pool (<c>capacity</c>).</summary>
    public required CapacityPool Capacity { get; init; }

    /// <summary>Pipelines in configuration order.</summary>
    public required IReadOnlyList<PipelineConfiguration> Pipelines { get; init; }

    /// <summary>
    /// The orchestrators built from the configuration's settings (<c>orchestrators.KIND</c>), by kind: one for every kind
    /// a pipeline uses or that has a section. These run the pods. Empty when the configuration was built in code.
    /// </summary>
    public IReadOnlyDictionary<string, IPodOrchestrator> Orchestrators { get; init; } = new Dictionary<string, IPodOrchestrator>(StringComparer.Ordinal);
}
