namespace Force12.Queues.Core.Scaling;

/// <summary>Default values of <see cref="SlaPolicyOptions"/>, in one place so docs and code agree.</summary>
public static class SlaPolicyDefaults
{
    /// <summary>Default SLA: 10 seconds from a message arriving to it being processed.</summary>
    public static readonly TimeSpan Sla = TimeSpan.FromSeconds(10);

    /// <summary>Default minimum pods: 1.</summary>
    public const int MinPods = 1;

    /// <summary>Default maximum pods: 100.</summary>
    public const int MaxPods = 100;

    /// <summary>Default per-pod throughput prior used until one is learned: 100 messages per second.</summary>
    public const double PerPodThroughputPrior = 100;

    /// <summary>Default backlog (messages) above which a pipeline at zero pods is activated: 0, so any backlog activates.</summary>
    public const long ActivationBacklogThreshold = 0;

    /// <summary>Default scale-down stabilisation window: 30 seconds.</summary>
    public static readonly TimeSpan ScaleDownStabilisation = TimeSpan.FromSeconds(30);

    /// <summary>Default number of consecutive failed polls after which the fallback pod count applies: 3.</summary>
    public const int FallbackAfterFailedPolls = 3;

    /// <summary>Default fallback pod count: 1 (never zero).</summary>
    public const int FallbackPods = 1;

    /// <summary>Default weight of a new saturated sample in the learned per-pod throughput: 0.3.</summary>
    public const double ThroughputSmoothing = 0.3;

    /// <summary>Default seconds of queued work (backlog / processing rate) that mark pods as saturated: 1 second.</summary>
    public const double SaturationBacklogSeconds = 1;

    /// <summary>Default time the ready pod count must stand still before rates teach per-pod throughput: 5 seconds.</summary>
    public static readonly TimeSpan GroupSettleTime = TimeSpan.FromSeconds(5);
}
