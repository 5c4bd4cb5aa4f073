namespace Force12.Queues.Core.Leadership;

/// <summary>
/// The <c>leaderElection</c> section: several agent replicas elect one leader on a lease; only the leader acts.
/// Validated by <see cref="LeaderElectionReader"/>: <see cref="RenewDeadline"/> &lt; <see cref="LeaseDuration"/> and
/// <see cref="RetryPeriod"/> &lt; <see cref="RenewDeadline"/>.
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Default lease name: <c>force12-agent</c>.</summary>
    public const string DefaultLeaseName = "force12-agent";

    /// <summary>Default lease namespace: <c>default</c>.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Default lease duration: 15 s.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>Default renew deadline: 10 s.</summary>
    public static readonly TimeSpan DefaultRenewDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Default retry period: 2 s.</summary>
    public static readonly TimeSpan DefaultRetryPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Whether election is on (<c>enabled</c>). Default true when the section is present.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The lease's name (<c>leaseName</c>). Default <see cref="DefaultLeaseName"/>.</summary>
    public string LeaseName { get; init; } = DefaultLeaseName;

    /// <summary>The lease's namespace (<c>namespace</c>). Default <see cref="DefaultNamespace"/>.</summary>
    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>
    /// This agent's name in the lease (<c>identity</c>); null (the default) takes the <c>POD_NAME</c> environment variable,
    /// else the host name (a pod's host name is its name). Every replica needs a different one.
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>
    /// How long a lease that is not renewed stays valid (<c>leaseDuration</c>), whole seconds: a candidate takes over only
    /// after it saw the lease unchanged for this long on its own clock. Default 15 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = DefaultLeaseDuration;

    /// <summary>
    /// How long the leader keeps acting after its last successful renewal started (<c>renewDeadline</c>); past it the
    /// leader stops acting until it renews again. Less than <see cref="LeaseDuration"/>. Default 10 s.
    /// </summary>
    public TimeSpan RenewDeadline { get; init; } = DefaultRenewDeadline;

    /// <summary>Time between two tries to acquire or renew (<c>retryPeriod</c>). Less than <see cref="RenewDeadline"/>. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; init; } = DefaultRetryPeriod;
}
