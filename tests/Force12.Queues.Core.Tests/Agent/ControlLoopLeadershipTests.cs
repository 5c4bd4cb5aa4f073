using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Testing.Lag;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>The loop asks its <see cref="ILeadership"/> before acting: a follower decides and publishes but never calls the orchestrator.</summary>
public sealed class ControlLoopLeadershipTests
{
    private static readonly LeadershipStatus Follower = new() { Enabled = true, IsLeader = false, Identity = "agent-b", Holder = "agent-a", LeaseName = "force12/force12-agent" };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakePodOrchestrator _orchestrator;
    private readonly ScriptedCollector _bulbs;

    public ControlLoopLeadershipTests()
    {
        _orchestrator = new FakePodOrchestrator(_time);
        _bulbs = new ScriptedCollector(_time);
        // (L/T + lambda)/mu = (20,000/10 + 0)/500 = 4 pods.
        _bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);
    }

    [Fact]
    public async Task TickAsync_NotTheLeader_DecidesAndPublishesButNeverScales()
    {
        var leadership = new SwitchedLeadership { Current = Follower };
        var loop = CreateLoop(leadership);

        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Empty(_orchestrator.ScaleRequests);
        Assert.Equal(4, Assert.Single(status.Pipelines).TargetPods);
        Assert.Equal(Follower, status.Leadership);
    }

    [Fact]
    public async Task TickAsync_BecomesTheLeader_ActsFromThatTick()
    {
        var leadership = new SwitchedLeadership { Current = Follower };
        var loop = CreateLoop(leadership);
        await loop.TickAsync(CancellationToken.None);

        leadership.Current = Follower with { IsLeader = true, Holder = "agent-b" };
        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 4)], _orchestrator.ScaleRequests);
        Assert.True(status.Leadership.IsLeader);
    }

    [Fact]
    public async Task TickAsync_NoLeadershipGiven_ActsAlwaysAndPublishesElectionOff()
    {
        var loop = CreateLoop(null);

        var status = await loop.TickAsync(CancellationToken.None);
        await loop.WhenIdleAsync();

        Assert.Equal([("bulbs", 4)], _orchestrator.ScaleRequests);
        Assert.Equal(new LeadershipStatus { Enabled = false, IsLeader = true }, status.Leadership);
    }

    private ControlLoop CreateLoop(ILeadership? leadership) => new(
        new AgentConfiguration { Capacity = new CapacityPool { PodSlots = 10 }, Pipelines = [Pipeline()] },
        new Dictionary<string, ILagCollector> { ["bulbs"] = _bulbs },
        new Dictionary<string, IPodOrchestrator> { ["memory"] = _orchestrator },
        new AgentStatusBoard(), new CompositeLoopObserver([]), _time, NullLogger<ControlLoop>.Instance, leadership);

    private static PipelineConfiguration Pipeline() => new()
    {
        Name = "bulbs",
        Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 20, PerPodThroughputPrior = 500 },
        Source = new ScriptedLagSource(),
        OrchestratorKind = "memory",
        Pod = new PodTemplate { Pipeline = "bulbs", Containers = [new ContainerTemplate { Name = "main", Command = "true" }] },
    };

    private sealed class SwitchedLeadership : ILeadership
    {
        public LeadershipStatus Current { get; set; } = LeadershipStatus.Disabled;

        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
