using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.State;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>
/// What both sample processors (Kafka and Kinesis) do with a worked batch before they may commit or checkpoint it:
/// update the state cache, publish the changes it reports downstream, append the sequence numbers to the audit and
/// fsync. Runs to the end once started (the work is done); a failure discards the audit lines not yet on disk, so the
/// audit never holds a batch that was not handed on.
/// </summary>
internal sealed class BatchHandOff(IBulbStateStore? state, IStateChangePublisher? publisher, AuditLogWriter? audit)
{
    public async Task HandOnAsync(IReadOnlyList<LightbulbEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            var changed = state is null ? null : await state.ApplyAsync(events, CancellationToken.None).ConfigureAwait(false);
            if (publisher is not null)
            {
                var changes = events.Where((_, i) => changed is null || changed[i]).Select(BulbStateChange.Of).ToArray();
                if (changes.Length > 0)
                {
                    await publisher.PublishAsync(changes, CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (audit is not null)
            {
                foreach (var e in events)
                {
                    audit.Append(e.Sequence);
                }

                audit.Flush();
            }
        }
        catch
        {
            audit?.DiscardUnflushed();
            throw;
        }
    }
}
