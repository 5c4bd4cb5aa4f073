using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Testing.Lag;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Core.Tests.Agent;

public sealed class ControlLoopTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-25T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AgentStatusBoard _board = new();
    private readonly RecordingObserver _observer = new();
    private readonly FakePodOrchestrator _orchestrator;
    private readonly ScriptedCollector _bulbs;
    private readonly ScriptedCollector _state;

    public ControlLoopTests()
    {
        _orchestrator = new FakePodOrchestrator(_time);
        _bulbs = new ScriptedCollector(_time);
        _state = new ScriptedCollector(_time);
    }

    [Fact]
    public async Task TickAsync_BacklogToDrain_ScalesToTheSlaNeedAtOnce()
    {
        var loop = CreateLoop(Pipeline("bulbs"));
        // (L/T + lambda)/mu = (36,000/10 + 1,000)/500 = 9.2, so 10 pods: one partition each, 460 msg/s per pod.
        _bulbs.Backlog(lag: 36_000, arrivalRate: 1_000, processingRate: 0, partitions: 10);

        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 10)], _orchestrator.ScaleRequests);
        var bulbs = Assert.Single(status.Pipelines);
        Assert.Equal(10, bulbs.TargetPods);
        Assert.Equal(36_000, bulbs.BacklogMessages);
        Assert.Equal(1, bulbs.LastSuccessfulCollectTick);
        Assert.Same(status, _board.Current);
    }

    [Fact]
    public async Task TickAsync_CollectionFails_NeverScalesDownAndReportsTheError()
    {
        var loop = CreateLoop(Pipeline("bulbs"));
        _bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);
        await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        _bulbs.Fail();
        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 4)], _orchestrator.ScaleRequests);
        var bulbs = Assert.Single(status.Pipelines);
        Assert.Null(bulbs.BacklogMessages);
        Assert.Contains("broker down", bulbs.CollectorError, StringComparison.Ordinal);
        Assert.Equal(["bulbs"], _observer.Failures);
    }

    public static TheoryData<LagErrorKind> EveryErrorKind => new(Enum.GetValues<LagErrorKind>());

    [Theory]
    [MemberData(nameof(EveryErrorKind))]
    public async Task TickAsync_CollectionFailsWithAnyKind_HoldsPodsAndNeverReportsZeroLag(LagErrorKind kind)
    {
        var loop = CreateLoop(Pipeline("bulbs"));
        _bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);
        await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        _bulbs.Fail(kind);
        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 4)], _orchestrator.ScaleRequests);
        var bulbs = Assert.Single(status.Pipelines);
        Assert.Null(bulbs.BacklogMessages);
        Assert.Contains($": {kind}: broker down", bulbs.CollectorError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickAsync_OneCollectorHangs_TheOtherPipelineIsStillDecided()
    {
        var loop = CreateLoop(Pipeline("bulbs"), Pipeline("bulb-state", priority: 2));
        _bulbs.Hang();
        _state.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);

        var tick = loop.TickAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var status = await tick;
        await loop.WhenIdleAsync();

        Assert.Equal([("bulb-state", 1)], _orchestrator.ScaleRequests);
        var hung = status.Pipelines.Single(p => p.Name == "bulbs");
        Assert.Equal("scripted cluster 'test', group 'g': Unreachable: no answer within the collect timeout (1 s)", hung.CollectorError);
    }

    [Fact]
    public async Task TickAsync_PoolSmallerThanJointNeed_HigherPriorityGetsItsNeedFirst()
    {
        var loop = CreateLoop(capacity: 8, Pipeline("bulbs"), Pipeline("bulb-state", priority: 2));
        _bulbs.Backlog(lag: 30_000, arrivalRate: 0, processingRate: 0);  // needs 6
        _state.Backlog(lag: 30_000, arrivalRate: 0, processingRate: 0);  // needs 6, gets the remaining 2

        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 6), ("bulb-state", 2)], _orchestrator.ScaleRequests.OrderBy(r => r.Pipeline == "bulb-state"));
        Assert.Contains("capacity short by 4 pods", status.Pipelines.Single(p => p.Name == "bulb-state").Reason, StringComparison.Ordinal);
    }

    private ControlLoop CreateLoop(params PipelineConfiguration[] pipelines) => CreateLoop(20, pipelines);

    private ControlLoop CreateLoop(int capacity, params PipelineConfiguration[] pipelines)
    {
        var configuration = new AgentConfiguration { Capacity = new CapacityPool { PodSlots = capacity }, Pipelines = pipelines };
        var collectors = new Dictionary<string, ILagCollector> { ["bulbs"] = _bulbs, ["bulb-state"] = _state };
        var orchestrators = new Dictionary<string, IPodOrchestrator> { ["memory"] = _orchestrator };
        return new ControlLoop(configuration, collectors, orchestrators, _board, _observer, _time, NullLogger<ControlLoop>.Instance);
    }

    private static PipelineConfiguration Pipeline(string name, int priority = 1) => new()
    {
        Name = name,
        Priority = priority,
        Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 20, PerPodThroughputPrior = 500 },
        Source = new ScriptedLagSource(),
        OrchestratorKind = "memory",
        Pod = new PodTemplate { Pipeline = name, Containers = [new ContainerTemplate { Name = "main", Command = "true" }] },
    };


    private sealed class RecordingObserver : IControlLoopObserver
    {
        public List<string> Failures { get; } = [];

        public void TickCompleted(AgentStatus status, TimeSpan duration)
        {
        }

        public void CollectionFailed(string pipeline, LagError failure) => Failures.Add(pipeline);

        public void PodsChanged(string pipeline, PodOperationResult result)
        {
        }
    }
}
