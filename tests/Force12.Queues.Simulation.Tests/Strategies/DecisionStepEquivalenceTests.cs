using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation.Strategies;
using Force12.Queues.Testing.Lag;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Simulation.Tests.Strategies;

public sealed class DecisionStepEquivalenceTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private static readonly SlaPolicyOptions Policy = new()
    {
        Sla = TimeSpan.FromSeconds(10), MinPods = 1, MaxPods = 20, PerPodThroughputPrior = 100,
        ScaleDownStabilisation = TimeSpan.FromSeconds(10), FallbackAfterFailedPolls = 3, FallbackPods = 4,
    };

    [Fact]
    public async Task SameSnapshotsAndPods_ControlLoopAndSimulatorStrategy_DecideTheSameEveryTick()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var collector = new ScriptedCollector(time);
        var orchestrator = new ScriptedOrchestrator(time);
        var loop = new ControlLoop(
            new AgentConfiguration { Capacity = new CapacityPool { PodSlots = 100 }, Pipelines = [Pipeline()] },
            new Dictionary<string, ILagCollector> { [ScriptedPipelineInputs.Pipeline] = collector },
            new Dictionary<string, IPodOrchestrator> { ["scripted"] = orchestrator },
            new AgentStatusBoard(), new CompositeLoopObserver([]), time, NullLogger<ControlLoop>.Instance);
        var strategy = new Force12Strategy(pipelines: 1, Poll);
        var reasons = new HashSet<string>(StringComparer.Ordinal);

        for (var tick = 1; tick <= ScriptedPipelineInputs.Ticks; tick++)
        {
            time.Advance(Poll);
            var at = time.GetUtcNow();
            var status = await loop.TickAsync(CancellationToken.None);
            var agent = Assert.Single(status.Pipelines);
            var simulated = strategy.Decide(0, Policy, ScriptedPipelineInputs.Collection(tick, at), ScriptedPipelineInputs.Pods(tick, at), at);

            Assert.True(
                (agent.NeededPods, agent.ReasonCode, agent.Reason) == (simulated.NeededPods, simulated.Reason.ToString(), simulated.Explanation),
                $"tick {tick}: the agent needs {agent.NeededPods} ({agent.ReasonCode}: {agent.Reason}), the simulator {simulated.NeededPods} ({simulated.Reason}: {simulated.Explanation})");
            reasons.Add(agent.ReasonCode);
        }

        // The script must reach the cases it is meant to compare, or the test proves little.
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                nameof(ScalingReason.ScaleUpForSla), nameof(ScalingReason.HotPartitionsFlagged), nameof(ScalingReason.MetricsUnavailableHold),
                nameof(ScalingReason.FallbackAfterFailedPolls), nameof(ScalingReason.ScaleDownAfterStabilisation),
            },
            reasons);
    }

    private static PipelineConfiguration Pipeline() => new()
    {
        Name = ScriptedPipelineInputs.Pipeline,
        Policy = Policy,
        Source = new ScriptedLagSource(),
        OrchestratorKind = "scripted",
        Pod = new PodTemplate { Pipeline = ScriptedPipelineInputs.Pipeline, Containers = [new ContainerTemplate { Name = "main", Command = "true" }] },
    };


    /// <summary>Answers tick n with <see cref="ScriptedPipelineInputs.Collection"/> for n.</summary>
    private sealed class ScriptedCollector(TimeProvider time) : ILagCollector
    {
        private int _tick;

        public string Kind => "scripted";

        public Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken) =>
            Task.FromResult(ScriptedPipelineInputs.Collection(++_tick, time.GetUtcNow()));

        public LagError Failure(LagErrorKind kind, string message) => new()
        {
            SourceKind = "scripted", Cluster = "test", Group = "g", Kind = kind, Message = message, ObservedAt = time.GetUtcNow(),
        };
    }

    /// <summary>Lists tick n's pods from <see cref="ScriptedPipelineInputs.Pods"/>; scale calls change nothing (the pods are an input).</summary>
    private sealed class ScriptedOrchestrator(TimeProvider time) : IPodOrchestrator
    {
        private int _tick;

        public string Kind => "scripted";

        public IReadOnlyList<string> Validate(PodTemplate podTemplate) => [];

        public Task<IReadOnlyList<PodInfo>> ListPodsAsync(string pipeline, CancellationToken cancellationToken = default) =>
            Task.FromResult(ScriptedPipelineInputs.Pods(++_tick, time.GetUtcNow()));

        public Task<PodOperationResult> ScaleAsync(PodTemplate podTemplate, int replicas, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PodOperationResult { Running = replicas });

        public Task<PodOperationResult> StopPodsAsync(string pipeline, IReadOnlyCollection<string> podIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<PodOperationResult> ReconcileAsync(PodTemplate podTemplate, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
