using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Testing.Lag;
using Force12.Queues.Testing.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>
/// A control loop over two pipelines on fake time for the containment tests: <c>bulbs</c> (the one that fails) and
/// <c>bulb-state</c> (the healthy neighbour), scripted collectors, the shared fake orchestrator behind
/// <see cref="FaultyOrchestrator"/>, and the loop's log kept. Falls back to <see cref="FallbackPods"/> pods after
/// <see cref="FallbackAfter"/> failed polls.
/// </summary>
internal sealed class FaultHarness : IControlLoopObserver, IDisposable
{
    public const int FallbackAfter = 2;
    public const int FallbackPods = 6;

    public FaultHarness()
    {
        Orchestrator = new FakePodOrchestrator(Time);
        Faulty = new FaultyOrchestrator(Orchestrator);
        Bulbs = new ScriptedCollector(Time);
        State = new ScriptedCollector(Time);
        var configuration = new AgentConfiguration
        {
            Capacity = new CapacityPool { PodSlots = 40 },
            Pipelines = [Pipeline("bulbs"), Pipeline("bulb-state")],
        };
        var collectors = new Dictionary<string, ILagCollector> { ["bulbs"] = Bulbs, ["bulb-state"] = State };
        var orchestrators = new Dictionary<string, IPodOrchestrator> { ["memory"] = Faulty };
        Loop = new ControlLoop(configuration, collectors, orchestrators, Board, this, Time, Log);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-25T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public AgentStatusBoard Board { get; } = new();

    public ListLogger<ControlLoop> Log { get; } = new();

    public FakePodOrchestrator Orchestrator { get; }

    public FaultyOrchestrator Faulty { get; }

    public ScriptedCollector Bulbs { get; }

    public ScriptedCollector State { get; }

    public ControlLoop Loop { get; }

    /// <summary>Released once per completed tick.</summary>
    public SemaphoreSlim Ticked { get; } = new(0);

    /// <summary>Pipelines whose collection failed, once per failed tick (what the metrics count).</summary>
    public List<string> CollectionFailures { get; } = [];

    /// <summary>Runs one tick, waits for the orchestrator calls it started, and returns the two pipelines' statuses.</summary>
    public async Task<(PipelineStatus Bulbs, PipelineStatus State)> TickAsync()
    {
        var status = await Loop.TickAsync(CancellationToken.None);
        await Loop.WhenIdleAsync();
        return (status.Pipelines.Single(p => p.Name == "bulbs"), status.Pipelines.Single(p => p.Name == "bulb-state"));
    }

    /// <summary>Log entries with <paramref name="eventId"/>.</summary>
    public IReadOnlyList<string> Logged(int eventId)
    {
        lock (Log.Entries)
        {
            return Log.Entries.Where(e => e.EventId == eventId).Select(e => e.Message).ToArray();
        }
    }

    /// <summary>Scale calls the loop made for <paramref name="pipeline"/>, including those that threw.</summary>
    public IReadOnlyList<int> ScaleCalls(string pipeline) => Faulty.ScaleAttempts.Where(r => r.Pipeline == pipeline).Select(r => r.Replicas).ToArray();

    public void Dispose() => Ticked.Dispose();

    public void TickCompleted(AgentStatus status, TimeSpan duration) => Ticked.Release();

    public void CollectionFailed(string pipeline, LagError failure) => CollectionFailures.Add(pipeline);

    public void PodsChanged(string pipeline, PodOperationResult result)
    {
    }

    private static PipelineConfiguration Pipeline(string name) => new()
    {
        Name = name,
        Policy = new SlaPolicyOptions
        {
            Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 20, PerPodThroughputPrior = 500,
            FallbackAfterFailedPolls = FallbackAfter, FallbackPods = FallbackPods,
        },
        Source = new ScriptedLagSource(),
        OrchestratorKind = "memory",
        Pod = new PodTemplate { Pipeline = name, Containers = [new ContainerTemplate { Name = "main", Command = "true" }] },
    };
}
