using System.Globalization;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Lag;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm.Tests.Agent;

/// <summary>
/// The agent's own control loop driving a real Swarm service through the swarm orchestrator: a backlog scales the
/// service up, a task killed from outside is replaced by Swarm and the loop sees it, and a caught-up pipeline goes to zero.
/// </summary>
[Collection(SwarmCollectionDefinition.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ControlLoopOnSwarmTests(SwarmFixture swarm) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _pipeline = "cl-" + Guid.NewGuid().ToString("N")[..8];
    private readonly BacklogCollector _collector = new();

    private string Service => "svc-" + _pipeline;

    public Task InitializeAsync() => SwarmTestServices.CreateAsync(Service);

    public Task DisposeAsync() => SwarmTestServices.RemoveAsync(Service);

    [Fact]
    public async Task Loop_BacklogKilledTaskThenCaughtUp_ScalesTheServiceUpSeesTheReplacementAndScalesToZero()
    {
        var orchestrator = new SwarmPodOrchestrator(
            new DockerSwarmServiceClient(swarm.Client), new Dictionary<string, string> { [_pipeline] = Service },
            new SwarmOrchestratorOptions { ConvergencePollInterval = TimeSpan.FromMilliseconds(100) }, TimeProvider.System, NullLogger.Instance);
        var loop = new ControlLoop(
            new AgentConfiguration { Capacity = new CapacityPool { PodSlots = 10 }, Pipelines = [Pipeline()] },
            new Dictionary<string, ILagCollector> { [_pipeline] = _collector },
            new Dictionary<string, IPodOrchestrator> { [SwarmPodOrchestrator.KindName] = orchestrator },
            new AgentStatusBoard(), new CompositeLoopObserver([]), TimeProvider.System, NullLogger<ControlLoop>.Instance);

        _collector.Backlog(lag: 500, rate: 250);
        await TickUntilAsync(loop, p => p is { TargetPods: 3, RunningPods: 3, ReadyPods: 3 }, "three ready tasks for the backlog");
        Assert.Equal(3, await SwarmTestServices.ReplicasAsync(Service));

        var victim = (await orchestrator.ListPodsAsync(_pipeline))[0];
        await DockerCli.RunAsync("kill", victim.Containers[0].Id);
        await TickUntilAsync(
            loop,
            async p => p.ReadyPods == 3 && (await orchestrator.ListPodsAsync(_pipeline)).All(pod => pod.Id != victim.Id),
            $"three ready tasks again, without the killed {victim.Id}");
        Assert.Equal(3, await SwarmTestServices.ReplicasAsync(Service));

        _collector.Backlog(lag: 0, rate: 0);
        await TickUntilAsync(loop, p => p is { TargetPods: 0, RunningPods: 0 }, "no task once the pipeline caught up");
        await loop.WhenIdleAsync();
        Assert.Equal(0, await SwarmTestServices.ReplicasAsync(Service));
    }

    private static Task TickUntilAsync(ControlLoop loop, Func<PipelineStatus, bool> condition, string what) =>
        TickUntilAsync(loop, p => Task.FromResult(condition(p)), what);

    private static async Task TickUntilAsync(ControlLoop loop, Func<PipelineStatus, Task<bool>> condition, string what)
    {
        PipelineStatus? last = null;
        await Eventually.HoldsAsync(async () =>
            {
                last = Assert.Single((await loop.TickAsync(CancellationToken.None)).Pipelines);
                return await condition(last);
            },
            Deadline,
            () => $"{what} (last status: target {last?.TargetPods}, running {last?.RunningPods}, ready {last?.ReadyPods}, {last?.ReasonCode}: {last?.Reason}; orchestrator error: {last?.OrchestratorError})");
    }

    private PipelineConfiguration Pipeline() => new()
    {
        Name = _pipeline,
        Policy = new SlaPolicyOptions
        {
            Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 3, PerPodThroughputPrior = 100,
            ScaleDownStabilisation = TimeSpan.FromSeconds(1),
        },
        Source = new ScriptedLagSource(),
        OrchestratorKind = SwarmPodOrchestrator.KindName,
        OrchestratorSettings = new SwarmPipelineSettings(Service),
        Pod = PodTemplate.DefinedByEngine(_pipeline),
    };

    /// <summary>Answers every collection with the backlog and rates last set, over four partitions.</summary>
    private sealed class BacklogCollector : ILagCollector
    {
        private volatile LagSnapshot? _next;

        public string Kind => "scripted";

        public void Backlog(long lag, double rate)
        {
            var units = Enumerable.Range(0, 4).Select(p => new LagUnitSnapshot
            {
                Id = new LagUnitId("bulbs", p.ToString(CultureInfo.InvariantCulture)),
                Lag = lag / 4,
                LagSeconds = lag > 0 ? 1 : 0,
                ArrivalRate = rate / 4,
                ProcessingRate = rate / 4,
                Status = lag > 0 ? LagUnitStatus.Ok : LagUnitStatus.CaughtUp,
            }).ToArray();
            _next = new LagSnapshot { SourceKind = Kind, Cluster = "test", Group = "g", ObservedAt = TimeProvider.System.GetUtcNow(), Units = units, Totals = LagTotals.Sum(units) };
        }

        public Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken) =>
            Task.FromResult(LagCollectionResult.Success(_next! with { ObservedAt = TimeProvider.System.GetUtcNow() }));

        public LagError Failure(LagErrorKind kind, string message) => new()
        {
            SourceKind = Kind, Cluster = "test", Group = "g", Kind = kind, Message = message, ObservedAt = TimeProvider.System.GetUtcNow(),
        };
    }
}
