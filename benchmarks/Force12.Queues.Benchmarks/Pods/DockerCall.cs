namespace Force12.Queues.Benchmarks.Pods;

/// <summary>One Engine API call made by the orchestrator: which, for which container of which pod, and when (Stopwatch ms).</summary>
public sealed record DockerCall(string Method, string? Pod, int? ContainerIndex, double StartMs, double EndMs)
{
    public double DurationMs => EndMs - StartMs;
}
