using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Kinesis.Consumer;

/// <summary>Lease coordination: renew, sync shards, take and steal, start processors, shut down.</summary>
public sealed partial class KinesisConsumer
{
    private async Task CoordinateAsync(CancellationToken cancellationToken)
    {
        foreach (var held in Snapshot())
        {
            if (held.Processor is { IsCompleted: true } done)
            {
                await RetireAsync(held, done, cancellationToken).ConfigureAwait(false);
            }
            else if (!await held.RenewAsync(cancellationToken).ConfigureAwait(false))
            {
                KinesisConsumerLog.Lost(_logger, _options.WorkerId, held.Current.Key);
            }
        }

        var leases = (await _table.ListAsync(cancellationToken).ConfigureAwait(false)).Where(l => l.Key.BelongsTo(_options.StreamName)).ToArray();
        await ShardSyncer.SyncAsync(_kinesis, _table, _options, leases, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        _expiry.Observe(leases, now);
        var heldKeys = Snapshot().Where(h => !h.Lost.IsCancellationRequested).Select(h => h.Current.Key.ToString()).ToHashSet(StringComparer.Ordinal);
        var toTake = LeaseBalancer.ChooseLeasesToTake(leases, _options.WorkerId,
            l => !heldKeys.Contains(l.Key.ToString()) && _expiry.IsAvailable(l, now, _options.FailoverTime));
        foreach (var lease in toTake)
        {
            var taken = await _table.TryTakeAsync(lease, _options.WorkerId, cancellationToken).ConfigureAwait(false);
            if (taken is null)
            {
                continue; // someone else was quicker
            }

            KinesisConsumerLog.Took(_logger, _options.WorkerId, taken.Key, taken.Counter);
            var held = new HeldLease(_table, taken, _killed.Token);
            lock (_held)
            {
                if (_held.Remove(taken.Key.ToString(), out var stale))
                {
                    stale.Dispose();
                }

                _held[taken.Key.ToString()] = held;
            }

            var processor = new ShardProcessor(_kinesis, _table, _handler, _options, _time);
            held.Processor = Task.Run(() => processor.RunAsync(held), CancellationToken.None);
        }
    }

    private async Task RetireAsync(HeldLease held, Task done, CancellationToken cancellationToken)
    {
        var key = held.Current.Key.ToString();
        if (done.IsFaulted && !held.Lost.IsCancellationRequested)
        {
            KinesisConsumerLog.ProcessorFailed(_logger, _options.WorkerId, held.Current.Key, done.Exception!.GetBaseException());
            await held.ReleaseAsync(cancellationToken).ConfigureAwait(false); // to be retried from its checkpoint
        }
        else if (held.Finished)
        {
            KinesisConsumerLog.Finished(_logger, _options.WorkerId, held.Current.Key);
        }

        lock (_held)
        {
            _held.Remove(key);
        }

        held.Dispose();
    }

    private async Task ShutdownAsync(bool release)
    {
        var all = Snapshot();
        foreach (var held in all)
        {
            await held.Finish.CancelAsync().ConfigureAwait(false);
        }

        var processors = all.Select(h => h.Processor).Where(p => p is not null).Select(p => p!).ToArray();
        var allDone = Task.WhenAll(processors);
        if (release && await Task.WhenAny(allDone, Task.Delay(_options.ShutdownGrace, _time)).ConfigureAwait(false) != allDone)
        {
            foreach (var held in all)
            {
                await held.Lost.CancelAsync().ConfigureAwait(false); // the batch in hand took too long: it will be redelivered
            }
        }

        try
        {
            await allDone.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or KinesisException)
        {
            // stopped mid-batch: not checkpointed, redelivered to the next owner
        }

        var released = 0;
        if (release)
        {
            foreach (var held in all)
            {
                try
                {
                    released += await held.ReleaseAsync(CancellationToken.None).ConfigureAwait(false) ? 1 : 0;
                }
                catch (KinesisException e)
                {
                    KinesisConsumerLog.CoordinationFailed(_logger, _options.WorkerId, e.Message);
                }
            }
        }

        KinesisConsumerLog.Stopped(_logger, _options.WorkerId, released, all.Length);
        foreach (var held in all)
        {
            held.Dispose();
        }

        lock (_held)
        {
            _held.Clear();
        }
    }

    private HeldLease[] Snapshot()
    {
        lock (_held)
        {
            return [.. _held.Values];
        }
    }
}
