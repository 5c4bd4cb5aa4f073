using System.Collections.Concurrent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Testing.Pods;

/// <summary>
/// The fake orchestrator of the tests: the three primitives of <see cref="PodOrchestratorBase"/> over an in-memory
/// table, so the shared scale, stop and reconcile logic runs without a platform. Pods are ready as soon as they start;
/// each start takes <see cref="StartTime"/> of fake time (default none). A container named <c>fail</c> makes a pod fail
/// to start. Validation is the shared template rules. With <see cref="WarmPodsSupported"/> it starts warm pods that are
/// warm at once (<see cref="PodState.Warm"/>) and promotes them to ready.
/// </summary>
public sealed class FakePodOrchestrator : PodOrchestratorBase, IPodOrchestrator
{
    private readonly TimeProvider _time;
    private readonly Lock _startGate = new();
    private readonly List<(string Pipeline, int Replicas)> _scaleRequests = [];
    private int _next;

    /// <summary>Creates the fake; <paramref name="kind"/> is the name configuration selects it by (default <c>memory</c>).</summary>
    public FakePodOrchestrator(TimeProvider time, string kind = "memory", PodMetrics? metrics = null)
        : base(NullLogger.Instance, metrics)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Kind = kind;
    }

    /// <inheritdoc />
    public override string Kind { get; }

    /// <summary>Fake time each pod takes to start, advanced on the <see cref="FakeTimeProvider"/> (required when not zero). Default zero.</summary>
    public TimeSpan StartTime { get; init; }

    /// <summary>The pods, keyed by id. Concurrent: the base class starts and stops pods in parallel.</summary>
    public ConcurrentDictionary<string, PodInfo> Pods { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the pods stopped, in order.</summary>
    public List<string> StopCalls { get; } = [];

    /// <summary>The base class's hooks as called: <c>before N</c> (pods about to start), <c>after N</c> (pods running).</summary>
    public List<string> HookCalls { get; } = [];

    /// <summary>What <see cref="AfterScaleAsync"/> reports as problems. Default none.</summary>
    public IReadOnlyList<string> UpkeepProblems { get; set; } = [];

    /// <summary>Whether <c>pod.warm</c> is accepted and warm pods are started and promoted. Default false (rejected, as on Docker).</summary>
    public bool WarmPodsSupported { get; init; }

    /// <summary>The ids of the warm pods promoted, in order.</summary>
    public ConcurrentQueue<string> Promotions { get; } = new();

    /// <inheritdoc />
    protected override bool SupportsWarmPods => WarmPodsSupported;

    /// <inheritdoc />
    protected override async Task<PodInfo> StartWarmPodAsync(PodTemplate podTemplate, CancellationToken cancellationToken)
    {
        var pod = await StartPodAsync(podTemplate, cancellationToken);
        var warm = pod with { State = PodState.Warm, ReadyAt = null, StartedWarm = true, WarmAt = pod.StartedAt };
        Pods[pod.Id] = warm;
        return warm;
    }

    /// <inheritdoc />
    protected override Task<PodInfo> PromotePodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var promoted = pod with { State = PodState.Ready, PromotedAt = _time.GetUtcNow(), ReadyAt = _time.GetUtcNow() };
        Pods[pod.Id] = promoted;
        Promotions.Enqueue(pod.Id);
        return Task.FromResult(promoted);
    }

    /// <summary>Every scale request made through <see cref="IPodOrchestrator"/> (as the control loop makes them), in order.</summary>
    public IReadOnlyList<(string Pipeline, int Replicas)> ScaleRequests
    {
        get
        {
            lock (_scaleRequests)
            {
                return [.. _scaleRequests];
            }
        }
    }

    /// <summary>Records the request in <see cref="ScaleRequests"/>, then scales as the base class does.</summary>
    Task<PodOperationResult> IPodOrchestrator.ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(podTemplate);
        lock (_scaleRequests)
        {
            _scaleRequests.Add((podTemplate.Pipeline, replicas));
        }

        return ScaleAsync(podTemplate, replicas, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<PodInfo>> ListPodsCoreAsync(string pipeline, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PodInfo>>(Pods.Values.Where(p => p.Pipeline == pipeline)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
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
            if (StartTime > TimeSpan.Zero)
            {
                var fake = _time as FakeTimeProvider
                    ?? throw new InvalidOperationException("A StartTime needs a FakeTimeProvider to advance.");
                fake.Advance(StartTime);
            }

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

    /// <inheritdoc />
    protected override Task<bool> StopPodAsync(PodInfo pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (StopCalls)
        {
            StopCalls.Add(pod.Id);
        }

        Pods.TryRemove(pod.Id, out _);
        return Task.FromResult(false);
    }

    /// <inheritdoc />
    protected override Task BeforeStartingPodsAsync(PodTemplate podTemplate, int count, CancellationToken cancellationToken)
    {
        HookCalls.Add($"before {count}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<string>> AfterScaleAsync(PodTemplate podTemplate, int running, CancellationToken cancellationToken)
    {
        HookCalls.Add($"after {running}");
        return Task.FromResult(UpkeepProblems);
    }
}
