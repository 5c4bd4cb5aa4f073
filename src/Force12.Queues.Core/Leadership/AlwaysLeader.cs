namespace Force12.Queues.Core.Leadership;

/// <summary>The leadership of an agent that runs alone (no <c>leaderElection</c> section): it always acts.</summary>
public sealed class AlwaysLeader : ILeadership
{
    /// <summary>The one instance.</summary>
    public static AlwaysLeader Instance { get; } = new();

    private AlwaysLeader()
    {
    }

    /// <inheritdoc />
    public LeadershipStatus Current => LeadershipStatus.Disabled;

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
