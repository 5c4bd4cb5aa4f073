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

/// <summary>The control loop with <c>pod.warm</c>: the pool kept at zero pods, promotion on scale-up, capacity.</summary>
public sealed class ControlLoopWarmPodTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakePodOrchestrator _orchestrator;
    private readonly ScriptedCollector _bulbs;

    public ControlLoopWarmPodTests()
    {
        _orchestrator = new FakePodOrchestrator(_time) { WarmPodsSupported = true };
        _bulbs = new ScriptedCollector(_time);
    }

    [Fact]
    public async Task TickAsync_NoBacklog_FillsTheWarmPoolAndReportsItApartFromRunningPods()
    {
        var loop = CreateLoop(capacity: 20, Pipeline(warm: 2));
        _bulbs.Backlog(lag: 0, arrivalRate: 0, processingRate: 0);

        await TickAsync(loop);
        var status = await TickAsync(loop);

        var bulbs = Assert.Single(status.Pipelines);
        Assert.Equal((0, 2, 0), (bulbs.RunningPods, bulbs.WarmPods, bulbs.CapacityUsed));
        Assert.Equal(2, _orchestrator.Pods.Values.Count(p => p.State == PodState.Warm));
    }

    [Fact]
    public async Task TickAsync_ScaleUp_PromotesWarmPodsBeforeStartingColdOnes()
    {
        var loop = CreateLoop(capacity: 20, Pipeline(warm: 2));
        _bulbs.Backlog(lag: 0, arrivalRate: 0, processingRate: 0);
        await TickAsync(loop);
        var warm = _orchestrator.Pods.Keys.Order().ToList();

        _bulbs.Backlog(lag: 15_000, arrivalRate: 0, processingRate: 0);  // (15,000/10)/500 = 3 pods
        await TickAsync(loop);

        Assert.Equal(warm, _orchestrator.Promotions.Order());
        Assert.Equal(3, _orchestrator.Pods.Values.Count(p => p.State == PodState.Ready));
        Assert.Equal(2, _orchestrator.Pods.Values.Count(p => p.State == PodState.Warm));
    }

    [Fact]
    public async Task TickAsync_WarmCountedAgainstCapacity_KeepsOnlyIdleRoomAndCountsItAsUsed()
    {
        var loop = CreateLoop(capacity: 4, Pipeline(warm: 3, counted: true));
        _bulbs.Backlog(lag: 15_000, arrivalRate: 0, processingRate: 0);  // 3 pods of 4 slots: 1 idle

        await TickAsync(loop);
        var status = await TickAsync(loop);

        var bulbs = Assert.Single(status.Pipelines);
        Assert.Equal((3, 1, 4), (bulbs.RunningPods, bulbs.WarmPods, bulbs.CapacityUsed));
    }

    private async Task<AgentStatus> TickAsync(ControlLoop loop)
    {
        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();
        await _orchestrator.WarmRefillAsync("bulbs");
        return status;
    }

    private ControlLoop CreateLoop(int capacity, PipelineConfiguration pipeline)
    {
        var configuration = new AgentConfiguration { Capacity = new CapacityPool { PodSlots = capacity }, Pipelines = [pipeline] };
        var collectors = new Dictionary<string, ILagCollector> { ["bulbs"] = _bulbs };
        var orchestrators = new Dictionary<string, IPodOrchestrator> { ["memory"] = _orchestrator };
        return new ControlLoop(configuration, collectors, orchestrators, new AgentStatusBoard(), new CompositeLoopObserver([]), _time, NullLogger<ControlLoop>.Instance);
    }

    private static PipelineConfiguration Pipeline(int warm, bool counted = false) => new()
    {
        Name = "bulbs",
        Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 20, PerPodThroughputPrior = 500 },
        Source = new ScriptedLagSource(),
        OrchestratorKind = "memory",
        Pod = new PodTemplate
        {
            Pipeline = "bulbs",
            WarmPods = warm,
            WarmCountsAgainstCapacity = counted,
            Containers = [new ContainerTemplate { Name = "main", Command = "true" }],
        },
    };
}
