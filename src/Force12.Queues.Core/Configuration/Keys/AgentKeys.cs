namespace Force12.Queues.Core.Configuration;

/// <summary>The keys at the top of the agent's configuration file, each written once here for the reader and the schema test.</summary>
public static class AgentKeys
{
    /// <summary><c>pollInterval</c>: time between control-loop ticks.</summary>
    public const string PollInterval = "pollInterval";

    /// <summary><c>collectTimeout</c>: longest one collector may take in a tick.</summary>
    public const string CollectTimeout = "collectTimeout";

    /// <summary><c>http</c>: the HTTP endpoints (see <see cref="HttpKeys"/>).</summary>
    public const string Http = "http";

    /// <summary><c>metrics</c>: what is exported (see <see cref="MetricsKeys"/>).</summary>
    public const string Metrics = "metrics";

    /// <summary><c>capacity</c>: the shared pool (see <see cref="CapacityKeys"/>).</summary>
    public const string Capacity = "capacity";

    /// <summary><c>orchestrators</c>: agent-wide settings of each orchestrator kind, keyed by kind (their keys are the kind's own).</summary>
    public const string Orchestrators = "orchestrators";

    /// <summary><c>leaderElection</c>: replicas elect the one that acts (see <see cref="LeaderElectionKeys"/>).</summary>
    public const string LeaderElection = "leaderElection";

    /// <summary><c>pipelines</c>: pipelines keyed by name (see <see cref="PipelineKeys"/>).</summary>
    public const string Pipelines = "pipelines";

    /// <summary><c>$schema</c>: where an editor finds the JSON Schema (in JSON files); accepted and ignored.</summary>
    public const string Schema = "$schema";

    /// <summary>Every key accepted at the top level.</summary>
    public static IReadOnlyList<string> All { get; } = [PollInterval, CollectTimeout, Http, Metrics, Capacity, Orchestrators, LeaderElection, Pipelines, Schema];
}
