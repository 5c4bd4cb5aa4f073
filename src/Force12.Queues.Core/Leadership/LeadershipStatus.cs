namespace Force12.Queues.Core.Leadership;

/// <summary>The agent's leadership as published in <c>/api/status</c> (<c>leadership</c>).</summary>
public sealed record LeadershipStatus
{
    /// <summary>The single agent's status: leader election off, always acting.</summary>
    public static LeadershipStatus Disabled { get; } = new() { Enabled = false, IsLeader = true };

    /// <summary>True when leader election is on (<c>leaderElection.enabled</c>).</summary>
    public required bool Enabled { get; init; }

    /// <summary>True when this agent may act on its orchestrators now.</summary>
    public required bool IsLeader { get; init; }

    /// <summary>This agent's identity in the election; null when election is off.</summary>
    public string? Identity { get; init; }

    /// <summary>The holder the lease named when last read (this agent or another); null when unknown or election is off.</summary>
    public string? Holder { get; init; }

    /// <summary>The lease, as <c>NAMESPACE/NAME</c>; null when election is off.</summary>
    public string? LeaseName { get; init; }
}
