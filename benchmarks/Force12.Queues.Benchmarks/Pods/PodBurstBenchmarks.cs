using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>
/// Time for one scale request from 0 to 20 two-container probe pods, on the real dockerd and as local processes.
/// Printed at the end (<c>pod-start</c> lines): each pod's create-to-running time as the orchestrator reports it, and
/// its time from the scale request to running (which adds the wait for a start slot).
/// Run: <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*Pods*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8, invocationCount: 1)]
[MinColumn, MaxColumn, MedianColumn, Config(typeof(PercentileConfig))]
public class PodBurstBenchmarks
{
    private readonly List<double> _perPodMs = [];
    private readonly List<double> _fromRequestMs = [];
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
        PodBenchmarkEnvironment.PrintPercentiles($"pod-start {Orchestrator} (orchestrator-reported create->running of each pod in 0->20)", _perPodMs);
        PodBenchmarkEnvironment.PrintPercentiles($"pod-start {Orchestrator} (scale request->running of each pod in 0->20)", _fromRequestMs);
        _environment.Dispose();
    }

    [Benchmark]
    public async Task ScaleZeroToTwenty()
    {
        var requested = TimeProvider.System.GetUtcNow();
        var result = await _environment.Orchestrator.ScaleAsync(_environment.Template, 20);
        PodBenchmarkEnvironment.Check(result, 20);
        _perPodMs.AddRange(result.Started.Select(p => p.TimeToRunning!.Value.TotalMilliseconds));
        _fromRequestMs.AddRange(result.Started.Select(p => (p.StartedAt!.Value - requested).TotalMilliseconds));
    }
}
