namespace Force12.Queues.Keda.Tests;

/// <summary>
/// The HPA's replica calculation for an External metric with an <c>AverageValue</c> target, as the Kubernetes
/// documentation states it: the average per replica is the metric divided by the current replicas,
/// desired = ceil(current x (average / target)) (which is ceil(metric / target)), and a ratio average / target within
/// the tolerance of 1 (0.1 by default, <c>--horizontal-pod-autoscaler-tolerance</c>) keeps the current count.
/// A model for the tests, not the HPA's code: min/max replicas and the scale-up and scale-down policies are left out.
/// </summary>
internal static class HorizontalPodAutoscalerModel
{
    /// <summary>The default tolerance of the HPA controller.</summary>
    public const double DefaultTolerance = 0.1;

    /// <summary>The replicas the HPA wants for a metric value <paramref name="metric"/> at <paramref name="current"/> replicas.</summary>
    public static int Desired(int current, double metric, double targetAverageValue, double tolerance = DefaultTolerance)
    {
        var average = metric / current;
        var ratio = average / targetAverageValue;
        return Math.Abs(ratio - 1.0) <= tolerance ? current : (int)Math.Ceiling(current * ratio);
    }
}
