namespace Force12.Queues.Simulation.Strategies;

/// <summary>
/// KEDA's documented defaults for a Kafka ScaledObject and the HPA defaults it drives
/// (keda.sh Apache Kafka scaler and ScaledObject spec; Kubernetes HPA docs).
/// </summary>
public static class KedaDefaults
{
    /// <summary>Kafka scaler <c>lagThreshold</c>: target lag per replica, messages. 10.</summary>
    public const double LagThreshold = 10;

    /// <summary>Kafka scaler <c>activationLagThreshold</c>: lag above which 0 becomes 1 replica. 0.</summary>
    public const double ActivationLagThreshold = 0;

    /// <summary>ScaledObject <c>pollingInterval</c> (activation checks). 30 s.</summary>
    public static readonly TimeSpan PollingInterval = TimeSpan.FromSeconds(30);

    /// <summary>ScaledObject <c>cooldownPeriod</c> before scaling 1 to 0. 300 s.</summary>
    public static readonly TimeSpan CooldownPeriod = TimeSpan.FromSeconds(300);

    /// <summary>HPA controller sync period. 15 s.</summary>
    public static readonly TimeSpan HpaSyncPeriod = TimeSpan.FromSeconds(15);

    /// <summary>HPA tolerance: no change while the usage ratio is within 10% of 1.</summary>
    public const double HpaTolerance = 0.1;

    /// <summary>HPA scale-down stabilisation window. 300 s.</summary>
    public static readonly TimeSpan ScaleDownStabilisation = TimeSpan.FromSeconds(300);

    /// <summary>HPA default scale-up policy: at most double, or +4 pods, per 15 s (whichever is more).</summary>
    public const int ScaleUpPods = 4;
}
