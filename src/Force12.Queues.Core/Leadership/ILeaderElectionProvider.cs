namespace Force12.Queues.Core.Leadership;

/// <summary>
/// Creates the elector that <c>leaderElection</c> asks for. Registered by the plugin that owns the lease's store
/// (<c>AddKubernetes()</c>: a <c>coordination.k8s.io/v1</c> Lease); the agent refuses to start with election on and no provider.
/// </summary>
public interface ILeaderElectionProvider
{
    /// <summary>Creates an elector for <paramref name="options"/> (enabled, validated). Connects to nothing until it runs.</summary>
    ILeadership Create(LeaderElectionOptions options);
}
