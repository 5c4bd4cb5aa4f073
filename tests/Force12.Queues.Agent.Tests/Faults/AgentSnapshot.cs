using System.Text.Json;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>The parts of <c>/api/status</c> the fault tests read.</summary>
internal sealed record AgentSnapshot(long Tick, IReadOnlyList<PipelineSnapshot> Pipelines)
{
    public PipelineSnapshot Pipeline(string name) => Pipelines.Single(p => p.Name == name);

    public static AgentSnapshot From(JsonElement root) => new(
        root.GetProperty("tick").GetInt64(),
        root.GetProperty("pipelines").EnumerateArray().Select(PipelineSnapshot.From).ToArray());

    public override string ToString() => $"tick {Tick}: {string.Join("; ", Pipelines)}";
}

/// <summary>One pipeline of <see cref="AgentSnapshot"/>.</summary>
internal sealed record PipelineSnapshot(
    string Name, int TargetPods, int RunningPods, string ReasonCode, long? LastSuccessfulCollectTick, string? CollectorError, long? BacklogMessages)
{
    public static PipelineSnapshot From(JsonElement p) => new(
        p.GetProperty("name").GetString()!,
        p.GetProperty("targetPods").GetInt32(),
        p.GetProperty("runningPods").GetInt32(),
        p.GetProperty("reasonCode").GetString()!,
        p.TryGetProperty("lastSuccessfulCollectTick", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null,
        p.TryGetProperty("collectorError", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
        p.TryGetProperty("backlogMessages", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null);
}
