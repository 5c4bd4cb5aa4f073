using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>A collector whose next answer the test sets: a backlog, a failure, or no answer at all.</summary>
internal sealed class ScriptedCollector(TimeProvider time) : ILagCollector
{
    public string Kind => "scripted";

    public Func<CancellationToken, Task<LagCollectionResult>> Next { get; set; } = _ => throw new InvalidOperationException("no answer scripted");

    public Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken) => Next(cancellationToken);

    public void Backlog(long lag, double arrivalRate, double processingRate, int partitions = 12) =>
        Next = _ => Task.FromResult(LagCollectionResult.Success(Snapshot(lag, arrivalRate, processingRate, partitions)));

    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = "scripted", Cluster = "test", Group = "g", Kind = kind, Message = message, ObservedAt = time.GetUtcNow(),
    };

    public void Fail(LagErrorKind kind = LagErrorKind.Unreachable) =>
        Next = _ => Task.FromResult(LagCollectionResult.Failure(Failure(kind, "broker down")));

    /// <summary>The next calls throw <paramref name="exception"/>: at once, as a plugin bug might, or from the returned task.</summary>
    public void Throw(Exception exception, bool fromTask = false) =>
        Next = _ => fromTask ? Task.FromException<LagCollectionResult>(exception) : throw exception;

    public void Hang() => Next = async ct =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
        throw new InvalidOperationException("unreachable");
    };

    /// <summary>The next calls never answer and ignore cancellation, until <see cref="TaskCompletionSource.SetResult"/> on the result.</summary>
    public TaskCompletionSource HangIgnoringCancellation()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Next = async _ =>
        {
            await release.Task;
            throw new InvalidOperationException("released");
        };
        return release;
    }

    /// <summary>The next calls answer with a snapshot no policy can use (no units at all, as a buggy plugin might).</summary>
    public void Malformed() => Next = _ => Task.FromResult(LagCollectionResult.Success(
        new LagSnapshot { SourceKind = "scripted", Cluster = "test", Group = "g", ObservedAt = time.GetUtcNow(), Units = null!, Totals = null! }));

    private LagSnapshot Snapshot(long lag, double arrivalRate, double processingRate, int partitions)
    {
        var units = Enumerable.Range(0, partitions).Select(p => new LagUnitSnapshot
        {
            Id = new LagUnitId("bulbs", p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Lag = lag / partitions,
            LagSeconds = 1,
            ArrivalRate = arrivalRate / partitions,
            ProcessingRate = processingRate / partitions,
            Status = lag > 0 ? LagUnitStatus.Ok : LagUnitStatus.CaughtUp,
        }).ToArray();
        return new LagSnapshot { SourceKind = "scripted", Cluster = "test", Group = "g", ObservedAt = time.GetUtcNow(), Units = units, Totals = LagTotals.Sum(units) };
    }
}
