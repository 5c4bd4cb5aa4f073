using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>
/// Time from a scale request to running for one two-container probe pod (0 -> 1), on the real dockerd and as local
/// processes; 25 pods, one per iteration, so Median and P95 are the per-pod p50 and p95.
/// Needs dockerd; builds the probe image with scripts/build-images.sh first.
/// Run: <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Pods*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 25, invocationCount: 1)]
[MinColumn, MaxColumn, MedianColumn, Config(typeof(PercentileConfig))]
public class PodStartBenchmarks
{
    private PodBenchmarkEnvironment _environment = null!;

    [Params("docker", "process")]
    public string Orchestrator { get; set; } = "docker";

    [GlobalSetup]
    public void Setup() => _environment = PodBenchmarkEnvironment.Create(Orchestrator);

    [IterationCleanup]
    public void ScaleToZero() => _environment.ScaleToZeroAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _environment.Dispose();

    [Benchmark]
    public async Task StartOnePod() => PodBenchmarkEnvironment.Check(await _environment.Orchestrator.ScaleAsync(_environment.Template, 1), 1);
}
