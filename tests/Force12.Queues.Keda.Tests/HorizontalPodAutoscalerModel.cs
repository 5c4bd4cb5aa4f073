namespace Force12.Queues.Keda.Tests;

/// <summary>
/// The HPA's replica calculation for an External metric with an <c>AverageValue</c> target (Kubernetes'
/// <c>GetExternalPerPodMetricReplicas</c>): values in milli-units, usage ratio = usage / (target x current replicas);
/// a ratio within the tolerance of 1 (0.1 by default, <c>--horizontal-pod-autoscaler-tolerance</c>) keeps the current
/// count, otherwise desired = ceil(usage / target). That is the documented ceil(current x (usage / current) / target),
/// computed without multiplying back by the current count (in floating point 7 x (29 / 7) is 29.000000000000004, whose
/// ceiling is 30). A model for the tests, not the HPA's code: min/max replicas and the scaling policies are left out.
/// </summary>
internal static class HorizontalPodAutoscalerModel
{
    /// <summary>The default tolerance of the HPA controller.</summary>
    public const double DefaultTolerance = 0.1;

    /// <summary>The replicas the HPA wants for a metric value <paramref name="metric"/> at <paramref name="current"/> replicas.</summary>
    public static int Desired(int current, double metric, double targetAverageValue, double tolerance = DefaultTolerance)
    {
        var usage = (long)(metric * 1000); // KEDA hands the HPA milli-quantities
        var target = (long)(targetAverageValue * 1000);
        var ratio = usage / ((double)target * current);
        return Math.Abs(1.0 - ratio) <= tolerance ? current : (int)Math.Ceiling(usage / (double)target);
    }
}
