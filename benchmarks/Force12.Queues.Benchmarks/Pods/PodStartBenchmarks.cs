using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>
/// Time from a scale request to running for two-container probe pods, on the real dockerd and as local processes.
/// <c>StartOnePod</c>: 0 -> 1 pod, one measurement per iteration (the per-pod latency; see Median and P95).
/// <c>ScaleZeroToTwenty</c>: 0 -> 20 pods in one call (total time); the orchestrator's own per-pod create-to-running
/// times are printed at the end as <c>pod-start</c> lines.
/// Needs dockerd; builds the probe image with scripts/build-images.sh first.
/// Run: <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*PodStart*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 25, invocationCount: 1)]
[MinColumn, MaxColumn, MedianColumn, Config(typeof(PercentileConfig))]
public class PodStartBenchmarks
{
    private readonly List<double> _perPodMs = [];
    private PodBenchmarkEnvironment _environment = null!;

    [Params("docker", "process")]
    public string Orchestrator { get; set; } = "docker";

    [GlobalSetup]
    public void Setup() => _environment = PodBenchmarkEnvironment.Create(Orchestrator);

    [IterationCleanup]
    public void ScaleToZero() => _environment.ScaleToZeroAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        PodBenchmarkEnvironment.PrintPercentiles($"pod-start {Orchestrator} (orchestrator-reported create->running, pods started by ScaleZeroToTwenty)", _perPodMs);
        _environment.Dispose();
    }

    [Benchmark]
    public async Task StartOnePod() => Record(await _environment.Orchestrator.ScaleAsync(_environment.Template, 1), 1);

    [Benchmark]
    public async Task ScaleZeroToTwenty()
    {
        var result = await _environment.Orchestrator.ScaleAsync(_environment.Template, 20);
        Record(result, 20);
        _perPodMs.AddRange(result.Started.Select(p => p.TimeToRunning!.Value.TotalMilliseconds));
    }

    private static void Record(PodOperationResult result, int expected)
    {
        if (result.Started.Count != expected || result.Failures.Count > 0)
        {
            throw new InvalidOperationException($"started {result.Started.Count} of {expected} pods: {string.Join("; ", result.Failures)}");
        }
    }
}
