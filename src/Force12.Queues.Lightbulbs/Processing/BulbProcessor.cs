using Confluent.Kafka;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.State;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Lightbulbs.Processing;

/// <summary>
/// The sample pipeline's processor: consumes lightbulb events in batches and, for each batch, does the work of
/// every message, updates the state cache, publishes the state changes, records the sequence numbers in the audit
/// (fsync) and only then commits the offsets: at-least-once. A stop (SIGTERM) finishes or abandons the batch in
/// hand (<see cref="StopMode"/>); what was not finished is never committed and is redelivered to the other consumers.
/// </summary>
public sealed class BulbProcessor
{
    private readonly BulbProcessorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BatchHandOff _handOff;
    private readonly PacedWork _work;

    /// <summary>Creates a processor; the collaborators are optional (null: no cache, no downstream, no audit).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public BulbProcessor(
        BulbProcessorOptions options,
        TimeProvider time,
        ILogger<BulbProcessor> logger,
        IBulbStateStore? state = null,
        IStateChangePublisher? publisher = null,
        AuditLogWriter? audit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        (_options, _time, _logger) = (options, time, logger);
        _handOff = new BatchHandOff(state, publisher, audit);
        _work = new PacedWork(options.WorkPerMessage, time);
    }

    /// <summary>What the processor did so far.</summary>
    public ProcessorCounters Counters { get; } = new();

    /// <summary>Raised on the processing thread after each commit with the offsets committed (for tests and progress).</summary>
    public event Action<IReadOnlyList<TopicPartitionOffset>>? Committed;

    /// <summary>Consumes until <paramref name="stopping"/> is cancelled, then handles the batch in hand by the stop mode and leaves the group.</summary>
    /// <exception cref="IOException">The state cache failed; the batch was not committed.</exception>
    public Task RunAsync(CancellationToken stopping) => RunAsync(beforeSubscribe: null, stopping);

    /// <summary>
    /// Like <see cref="RunAsync(CancellationToken)"/>, for a warm start (docs/pod-contract.md): builds the consumer,
    /// connects it (fetches the topic's metadata through the consumer's own handle), then awaits
    /// <paramref name="beforeSubscribe"/> (the wait for promotion) and only then joins the group. Stopped while
    /// waiting: closes without ever having joined. <paramref name="beforeSubscribe"/> null: a cold start.
    /// </summary>
    public Task RunAsync(Func<CancellationToken, Task>? beforeSubscribe, CancellationToken stopping) =>
        Task.Factory.StartNew(() => LoopAsync(beforeSubscribe, stopping), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task LoopAsync(Func<CancellationToken, Task>? beforeSubscribe, CancellationToken stopping)
    {
        using var consumer = BuildConsumer();
        if (beforeSubscribe is not null && !await WarmUpAsync(consumer, beforeSubscribe, stopping).ConfigureAwait(false))
        {
            return;
        }

        consumer.Subscribe(_options.Topic);
        BulbProcessorLog.Started(_logger, _options.Topic, _options.GroupId, _options.WorkPerMessage.TotalMilliseconds, _options.MaxBatch);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var batch = Fetch(consumer, stopping);
                if (batch.Count > 0)
                {
                    await ProcessAsync(consumer, batch, _options.StopMode == StopMode.Abandon ? stopping : CancellationToken.None)
                        .ConfigureAwait(false);
                }
            }
        }
        finally
        {
            consumer.Close();
            BulbProcessorLog.Stopped(_logger, Counters.Processed, Counters.Committed, Counters.Batches);
        }
    }

    /// <summary>Connects, then waits; false when stopped while waiting (the consumer is closed, no group was joined).</summary>
    private async Task<bool> WarmUpAsync(IConsumer<byte[], byte[]> consumer, Func<CancellationToken, Task> beforeSubscribe, CancellationToken stopping)
    {
        using (var admin = new DependentAdminClientBuilder(consumer.Handle).Build())
        {
            var metadata = admin.GetMetadata(_options.Topic, TimeSpan.FromSeconds(30));
            var partitions = metadata.Topics.Sum(t => t.Partitions.Count);
            BulbProcessorLog.Warm(_logger, _options.Topic, partitions);
        }

        try
        {
            await beforeSubscribe(stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            consumer.Close();
            BulbProcessorLog.Stopped(_logger, 0, 0, 0);
            return false;
        }
    }

    private List<ConsumeResult<byte[], byte[]>> Fetch(IConsumer<byte[], byte[]> consumer, CancellationToken stopping)
    {
        var batch = new List<ConsumeResult<byte[], byte[]>>(_options.MaxBatch);
        var first = consumer.Consume(_options.PollTimeout);
        if (first is null || first.IsPartitionEOF)
        {
            return batch;
        }

        batch.Add(first);
        while (batch.Count < _options.MaxBatch && !stopping.IsCancellationRequested
            && consumer.Consume(TimeSpan.Zero) is { IsPartitionEOF: false } next)
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task ProcessAsync(IConsumer<byte[], byte[]> consumer, List<ConsumeResult<byte[], byte[]>> batch, CancellationToken interrupt)
    {
        var events = new List<LightbulbEvent>(batch.Count);
        var finished = 0;
        try
        {
            for (; finished < batch.Count; finished++)
            {
                var message = batch[finished];
                await _work.DoAsync(interrupt).ConfigureAwait(false);
                try
                {
                    events.Add(LightbulbCodecs.Decode(message.Message.Value));
                }
                catch (FormatException e)
                {
                    Counters.AddPoison();
                    BulbProcessorLog.Poison(_logger, message.Partition.Value, message.Offset.Value, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Counters.AddAbandoned(batch.Count - finished);
            BulbProcessorLog.Stopping(_logger, StopMode.Abandon, batch.Count - finished);
        }

        if (finished == 0)
        {
            return;
        }

        Counters.AddProcessed(events.Count);
        await _handOff.HandOnAsync(events).ConfigureAwait(false);
        Commit(consumer, batch, finished);
    }

    private void Commit(IConsumer<byte[], byte[]> consumer, List<ConsumeResult<byte[], byte[]>> batch, int finished)
    {
        var offsets = batch.Take(finished)
            .GroupBy(m => m.TopicPartition)
            .Select(g => new TopicPartitionOffset(g.Key, g.Max(m => m.Offset.Value) + 1))
            .ToArray();
        try
        {
            consumer.Commit(offsets);
            Counters.AddCommitted(finished);
            Counters.AddBatch();
            Committed?.Invoke(offsets);
        }
        catch (KafkaException e)
        {
            Counters.AddCommitFailure();
            BulbProcessorLog.CommitFailed(_logger, e.Error.Reason, finished);
        }
    }

    private IConsumer<byte[], byte[]> BuildConsumer()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            GroupId = _options.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            GroupProtocol = _options.GroupProtocol,
        };
        if (_options.GroupProtocol == GroupProtocol.Classic)
        {
            config.SessionTimeoutMs = (int)_options.SessionTimeout.TotalMilliseconds;
            config.HeartbeatIntervalMs = Math.Max(100, (int)_options.SessionTimeout.TotalMilliseconds / 6);
        }

        foreach (var (key, value) in _options.ClientConfig)
        {
            config.Set(key, value);
        }

        return new ConsumerBuilder<byte[], byte[]>(config).Build();
    }
}
