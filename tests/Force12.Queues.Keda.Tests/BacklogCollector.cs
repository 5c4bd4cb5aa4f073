using System.Globalization;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Keda.Tests;

/// <summary>
/// A scripted collector: answers every collection with the backlog last set over 20 partitions, or fails while told to.
/// Nothing arrives, so the need is the backlog drained within the SLA at the per-pod prior.
/// </summary>
internal sealed class BacklogCollector(TimeProvider time) : ILagCollector
{
    private volatile LagSnapshot? _next;
    private volatile bool _failing;

    public string Kind => "scripted";

    /// <summary>From now on collections return <paramref name="lag"/> messages behind, nothing arriving.</summary>
    public void Backlog(long lag)
    {
        _failing = false;
        var units = Enumerable.Range(0, 20).Select(p => new LagUnitSnapshot
        {
            Id = new LagUnitId("bulbs", p.ToString(CultureInfo.InvariantCulture)),
            Lag = lag / 20,
            LagSeconds = lag > 0 ? 1 : 0,
            ArrivalRate = 0,
            ProcessingRate = 0,
            Status = lag > 0 ? LagUnitStatus.Ok : LagUnitStatus.CaughtUp,
        }).ToArray();
        _next = new LagSnapshot { SourceKind = Kind, Cluster = "test", Group = "bulbs", ObservedAt = time.GetUtcNow(), Units = units, Totals = LagTotals.Sum(units) };
    }

    /// <summary>From now on collections fail (an unreachable broker).</summary>
    public void Fail() => _failing = true;

    public Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_failing || _next is null
            ? LagCollectionResult.Failure(Failure(LagErrorKind.Unreachable, "scripted failure"))
            : LagCollectionResult.Success(_next with { ObservedAt = time.GetUtcNow() }));

    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = Kind, Cluster = "test", Group = "bulbs", Kind = kind, Message = message, ObservedAt = time.GetUtcNow(),
    };
}
