using Force12.Queues.Core.Agent;

namespace Force12.Queues.Agent.Tests;

internal static class SampleStatus
{
    /// <summary>The bulbs pipeline; the policy needs <paramref name="target"/> + 1 pods unless <paramref name="needed"/> says otherwise (the pool is one short).</summary>
    public static PipelineStatus Bulbs(int target = 5, long? backlog = 48_000, string reasonCode = "DrainBacklog", int? needed = null) => new()
    {
        Name = "bulbs",
        SourceKind = "kafka",
        Priority = 1,
        SlaSeconds = 10,
        BacklogMessages = backlog,
        BacklogSeconds = backlog is null ? null : 9.6,
        ArrivalRate = 1200,
        ProcessingRate = 1000,
        NeededPods = needed ?? target + 1,
        TargetPods = target,
        RunningPods = 3,
        ReadyPods = 2,
        ReasonCode = reasonCode,
        Reason = "backlog 48,000 msgs drains in 9.6 s at 5 pods; SLA 10 s; arrivals 1,200/s",
        CapacityUsed = 3,
        LastSuccessfulCollectTick = 1,
    };

    public static PipelineStatus BulbState() => new()
    {
        Name = "bulb-state",
        SourceKind = "rabbitmq",
        Priority = 2,
        SlaSeconds = 30,
        BacklogMessages = 10,
        BacklogSeconds = 0.5,
        NeededPods = 1,
        TargetPods = 1,
        RunningPods = 1,
        ReadyPods = 1,
        ReasonCode = "Steady",
        Reason = "backlog 10 msgs; 1 pod keeps up",
        LastSuccessfulCollectTick = 1,
    };

    public static AgentStatus At(long tick, params PipelineStatus[] pipelines) => new()
    {
        Tick = tick,
        At = DateTimeOffset.UnixEpoch.AddSeconds(tick),
        CapacitySlots = 20,
        Pipelines = pipelines,
    };
}
