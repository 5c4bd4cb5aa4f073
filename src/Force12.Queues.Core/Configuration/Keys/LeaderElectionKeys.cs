namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of the <c>leaderElection</c> section (see <see cref="Leadership.LeaderElectionOptions"/>).</summary>
public static class LeaderElectionKeys
{
    /// <summary><c>enabled</c>: whether replicas elect a leader (default true when the section is present).</summary>
    public const string Enabled = "enabled";

    /// <summary><c>leaseName</c>: the Lease's name (default <c>force12-agent</c>).</summary>
    public const string LeaseName = "leaseName";

    /// <summary><c>namespace</c>: the Lease's namespace (default <c>default</c>).</summary>
    public const string Namespace = "namespace";

    /// <summary><c>identity</c>: this replica's name in the Lease (default <c>POD_NAME</c>, else the host name).</summary>
    public const string Identity = "identity";

    /// <summary><c>leaseDuration</c>: how long an unrenewed lease stays valid, whole seconds (default 15s).</summary>
    public const string LeaseDuration = "leaseDuration";

    /// <summary><c>renewDeadline</c>: how long the leader acts after its last renewal (default 10s).</summary>
    public const string RenewDeadline = "renewDeadline";

    /// <summary><c>retryPeriod</c>: time between tries to acquire or renew (default 2s).</summary>
    public const string RetryPeriod = "retryPeriod";

    /// <summary>Every key accepted in <c>leaderElection</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Enabled, LeaseName, Namespace, Identity, LeaseDuration, RenewDeadline, RetryPeriod];
}
