using System.Globalization;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kubernetes.Tests.Agent;

/// <summary>
/// A scripted collector whose backlog cycles 1,000 / 2,000 / 3,000 messages, one step per collection, over four
/// partitions: at an SLA of 10 s and 100 messages a second per pod the need is 1, 2, 3 pods in turn, so a loop that acts
/// writes replicas on (almost) every tick. Nothing arrives.
/// </summary>
internal sealed class CyclingDemandCollector : ILagCollector
{
    private int _collections;

    public string Kind => "scripted";

    public Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken)
    {
        var lag = (Interlocked.Increment(ref _collections) % 3 + 1) * 1_000L;
        var units = Enumerable.Range(0, 4).Select(p => new LagUnitSnapshot
        {
            Id = new LagUnitId("bulbs", p.ToString(CultureInfo.InvariantCulture)),
            Lag = lag / 4,
            LagSeconds = 1,
            ArrivalRate = 0,
            ProcessingRate = 0,
            Status = LagUnitStatus.Ok,
        }).ToArray();
        return Task.FromResult(LagCollectionResult.Success(new LagSnapshot
        {
            SourceKind = Kind, Cluster = "test", Group = "bulbs", ObservedAt = TimeProvider.System.GetUtcNow(), Units = units, Totals = LagTotals.Sum(units),
        }));
    }

    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = Kind, Cluster = "test", Group = "bulbs", Kind = kind, Message = message, ObservedAt = TimeProvider.System.GetUtcNow(),
    };
}
