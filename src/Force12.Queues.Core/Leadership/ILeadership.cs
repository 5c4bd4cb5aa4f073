namespace Force12.Queues.Core.Leadership;

/// <summary>
/// Whether this agent may act on its orchestrators now. With several agent replicas only the leader acts
/// (<see cref="Agent.ControlLoop"/> asks before every scale call); the others collect and decide, and publish their
/// status read-only. <see cref="AlwaysLeader"/> is the single agent's answer: always yes.
/// </summary>
public interface ILeadership
{
    /// <summary>
    /// The leadership as of now. <see cref="LeadershipStatus.IsLeader"/> must be true only while this agent can prove it
    /// holds the leadership (a lease renewed within its renew deadline), so a leader that cannot renew stops acting
    /// before another can take over.
    /// </summary>
    LeadershipStatus Current { get; }

    /// <summary>
    /// Campaigns for and keeps the leadership until <paramref name="cancellationToken"/> is cancelled, then gives it up
    /// (releases a held lease so another agent takes over at once). Never throws for a failed campaign step: it retries.
    /// </summary>
    Task RunAsync(CancellationToken cancellationToken);
}
