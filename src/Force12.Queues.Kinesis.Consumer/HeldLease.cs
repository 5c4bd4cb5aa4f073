using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>
/// A lease this worker holds and the processor working it. Renewals (coordinator) and checkpoints
/// (processor) both bump the counter, so they go through one gate and always use the latest row.
/// </summary>
internal sealed class HeldLease : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly KclLeaseTable _table;

    public HeldLease(KclLeaseTable table, KclLease lease, CancellationToken workerStopping)
    {
        _table = table;
        Current = lease;
        Lost = CancellationTokenSource.CreateLinkedTokenSource(workerStopping);
    }

    /// <summary>The lease as last written by this worker.</summary>
    public KclLease Current { get; private set; }

    /// <summary>Cancelled when the lease is lost (or the worker is killed): the processor must stop at once.</summary>
    public CancellationTokenSource Lost { get; }

    /// <summary>Cancelled to ask the processor to stop after the batch in hand (graceful shutdown).</summary>
    public CancellationTokenSource Finish { get; } = new();

    /// <summary>The processor's task.</summary>
    public Task? Processor { get; set; }

    /// <summary>True once the shard was checkpointed at SHARD_END (nothing left to hold).</summary>
    public bool Finished => Current.IsFinished;

    public Task<bool> RenewAsync(CancellationToken cancellationToken) =>
        WriteAsync(lease => _table.TryRenewAsync(lease, cancellationToken));

    public Task<bool> CheckpointAsync(KclCheckpoint checkpoint, IReadOnlyList<string>? children, CancellationToken cancellationToken) =>
        WriteAsync(lease => _table.TryCheckpointAsync(lease, checkpoint, children, cancellationToken));

    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return !Lost.IsCancellationRequested && !Finished && await _table.TryReleaseAsync(Current, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Lost.Dispose();
        Finish.Dispose();
        _gate.Dispose();
    }

    private async Task<bool> WriteAsync(Func<KclLease, Task<KclLease?>> write)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Lost.IsCancellationRequested)
            {
                return false;
            }

            var written = await write(Current).ConfigureAwait(false);
            if (written is null)
            {
                await Lost.CancelAsync().ConfigureAwait(false); // another worker holds it now
                return false;
            }

            Current = written;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
