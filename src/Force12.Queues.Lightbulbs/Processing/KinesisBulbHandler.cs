using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.State;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>
/// The sample processor's work on a Kinesis stream, as the record handler of a
/// <see cref="KinesisConsumer"/>: for each batch it does the work of every record, updates the state cache,
/// publishes the state changes and records the sequence numbers in the audit (fsync); it returns only then, and
/// the consumer checkpoints only after it returned (at least once). Batches of several shards are handled one at
/// a time, so one pod does at most one record per <c>workPerMessage</c> however many shards it holds. A batch
/// cancelled (lease lost, stop after the grace) or failed is not audited and is redelivered.
/// </summary>
public sealed class KinesisBulbHandler : IKinesisRecordHandler, IDisposable
{
    private readonly ILogger _logger;
    private readonly BatchHandOff _handOff;
    private readonly PacedWork _work;
    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);

    /// <summary>Creates the handler; the collaborators are optional (null: no cache, no downstream, no audit).</summary>
    /// <param name="workPerMessage">Simulated work per record (0 or more); one pod handles at most 1 / this records per second.</param>
    /// <param name="time">Clock of the simulated work.</param>
    /// <param name="logger">Where poison records are reported.</param>
    /// <param name="state">The pod's bulb-state cache, or null.</param>
    /// <param name="publisher">The downstream stage, or null.</param>
    /// <param name="audit">The audit file of processed sequence numbers, or null.</param>
    public KinesisBulbHandler(
        TimeSpan workPerMessage,
        TimeProvider time,
        ILogger<KinesisBulbHandler> logger,
        IBulbStateStore? state = null,
        IStateChangePublisher? publisher = null,
        AuditLogWriter? audit = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workPerMessage, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _handOff = new BatchHandOff(state, publisher, audit);
        _work = new PacedWork(workPerMessage, time);
    }

    /// <summary>What the handler did so far (<see cref="ProcessorCounters.Committed"/> counts the records of batches handed back to the consumer to checkpoint).</summary>
    public ProcessorCounters Counters { get; } = new();

    /// <inheritdoc />
    public async Task HandleAsync(ShardRecords batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _oneBatchAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var events = new List<LightbulbEvent>(batch.Records.Count);
            var finished = 0;
            try
            {
                for (; finished < batch.Records.Count; finished++)
                {
                    var record = batch.Records[finished];
                    await _work.DoAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        events.Add(LightbulbCodecs.Decode(record.Data.Span));
                    }
                    catch (FormatException e)
                    {
                        Counters.AddPoison();
                        KinesisBulbHandlerLog.Poison(_logger, batch.ShardId, record.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                Counters.AddAbandoned(batch.Records.Count - finished);
                throw;
            }

            Counters.AddProcessed(events.Count);
            await _handOff.HandOnAsync(events).ConfigureAwait(false);
            Counters.AddCommitted(batch.Records.Count);
            Counters.AddBatch();
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneBatchAtATime.Dispose();
}
