using System.Collections.Concurrent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Core.Tests.Pods;

/// <summary>
/// The three primitives of <see cref="PodOrchestratorBase"/> over an in-memory table, to test the shared scale, stop
/// and reconcile logic without a platform. A container named <c>fail</c> makes a pod fail to start.
/// Each pod takes <see cref="StartTime"/> of fake time to run.
/// </summary>
internal sealed class InMemoryPodOrchestrator : PodOrchestratorBase
{
    private readonly FakeTimeProvider _time;
    private readonly Lock _startGate = new();
    private int _next;

    public InMemoryPodOrchestrator(FakeTimeProvider time, PodMetrics? metrics = null)
        : base(NullLogger.Instance, metrics)
    {
        _time = time;
    }

    public static TimeSpan StartTime { get; } = TimeSpan.FromMilliseconds(300);

    // Concurrent: the base class starts and stops pods in parallel.
    public ConcurrentDictionary<string, PodInfo> Pods { get; } = new(StringComparer.Ordinal);

    public List<string> StopCalls { get; } = [];

    /// <summary>The base class's hooks as called: <c>before N</c> (pods about to start), <c>after N</c> (pods running).</summary>
    public List<string> HookCalls { get; } = [];

    /// <summary>What <see cref="AfterScaleAsync"/> reports as problems.</summary>
    public IReadOnlyList<string> UpkeepProblems { get; set; } = [];

    public override string Kind => "memory";

    protected override Task<IReadOnlyList<PodInfo>> ListPodsCoreAsync(string pipeline, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PodInfo>>(Pods.Values.Where(p => p.Pipeline == pipeline).OrderBy(p => p.CreatedAt).ToList());

    protected override Task<PodInfo> StartPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken)
    {
        // One start at a time: each pod's fake start time is then exactly StartTime, however the base class overlaps them.
        lock (_startGate)
        {
            var id = $"{podTemplate.Pipeline}-{Interlocked.Increment(ref _next):D3}";
            if (podTemplate.Containers.Any(c => c.Name == "fail"))
            {
                throw new PodStartException(id, "container 'fail' could not start", null);
            }

            var created = _time.GetUtcNow();
            _time.Advance(StartTime);
            var pod = new PodInfo
            {
                Id = id,
                Pipeline = podTemplate.Pipeline,
                State = PodState.Ready,
                CreatedAt = created,
                StartedAt = _time.GetUtcNow(),
                ReadyAt = _time.GetUtcNow(),
            };
            Pods[id] = pod;
            return Task.FromResult(pod);
        }
    }

    protected override Task<bool> StopPodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        lock (StopCalls)
        {
            StopCalls.Add(pod.Id);
        }

        Pods.TryRemove(pod.Id, out _);
        return Task.FromResult(false);
    }

    protected override Task BeforeStartingPodsAsync(PodTemplate podTemplate, int count, CancellationToken cancellationToken)
    {
        HookCalls.Add($"before {count}");
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyList<string>> AfterScaleAsync(PodTemplate podTemplate, int running, CancellationToken cancellationToken)
    {
        HookCalls.Add($"after {running}");
        return Task.FromResult(UpkeepProblems);
    }
}
