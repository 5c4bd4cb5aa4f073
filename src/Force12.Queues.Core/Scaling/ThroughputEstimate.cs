namespace Force12.Queues.Core.Scaling;

/// <summary>
/// What has been learned about one pod's throughput (messages per second while saturated).
/// Immutable state owned by the caller and passed to <see cref="ThroughputLearner"/> and <see cref="SlaScalingPolicy"/>.
/// </summary>
public sealed record ThroughputEstimate
{
    /// <summary>Nothing learned yet: the policy uses <see cref="SlaPolicyOptions.PerPodThroughputPrior"/>.</summary>
    public static ThroughputEstimate Unknown { get; } = new();

    /// <summary>Smoothed messages per second per saturated pod, or <c>null</c> before the first saturated sample.</summary>
    public double? PerPodMessagesPerSecond { get; init; }

    /// <summary>How many saturated samples went into <see cref="PerPodMessagesPerSecond"/>.</summary>
    public int Samples { get; init; }

    /// <summary>The learned rate, or <paramref name="prior"/> while nothing has been learned.</summary>
    public double Or(double prior) => PerPodMessagesPerSecond ?? prior;
}
