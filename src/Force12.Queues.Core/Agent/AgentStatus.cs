using Force12.Queues.Core.Leadership;

namespace Force12.Queues.Core.Agent;

/// <summary>A consistent picture of every pipeline after one control-loop tick.</summary>
public sealed record AgentStatus
{
    /// <summary>An agent that has not finished a tick yet.</summary>
    public static AgentStatus Empty { get; } = new() { Tick = 0, At = DateTimeOffset.UnixEpoch, Pipelines = [] };

    /// <summary>Ticks completed since the agent started; 0 before the first.</summary>
    public required long Tick { get; init; }

    /// <summary>When the tick finished (from the agent's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Total pod slots in the shared pool.</summary>
    public int CapacitySlots { get; init; }

    /// <summary>
    /// Whether this agent acts (<c>leadership</c>): with leader election off it always does; otherwise only the leader
    /// scales, and the others publish the same decisions read-only.
    /// </summary>
    public LeadershipStatus Leadership { get; init; } = LeadershipStatus.Disabled;

    /// <summary>Per-pipeline status, ordered by priority then name.</summary>
    public required IReadOnlyList<PipelineStatus> Pipelines { get; init; }
}
