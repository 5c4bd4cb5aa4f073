using Force12.Queues.Core.Capacity;

namespace Force12.Queues.Core.Tests.Capacity;

/// <summary>A pool and the requests of several pipelines, for FsCheck properties.</summary>
public sealed record CapacityScenario(CapacityPool Pool, CapacityRequest[] Requests)
{
    public override string ToString() => $"{Pool} | {string.Join(" | ", Requests.Select(r => r.ToString()))}";
}
