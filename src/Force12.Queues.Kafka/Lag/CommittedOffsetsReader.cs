using Confluent.Kafka;

namespace Force12.Queues.Kafka.Lag;

/// <summary>
/// Reads a group's committed offsets with OffsetFetch through a consumer handle of that group that never subscribes,
/// so it never joins the group, takes no partitions and commits nothing.
/// </summary>
/// <remarks>
/// Not through the AdminClient's ListConsumerGroupOffsets: in librdkafka 2.x an OffsetFetch answered with
/// COORDINATOR_NOT_AVAILABLE or NOT_COORDINATOR (a group coordinator moving, as in any broker failover) makes the admin
/// handle ask its consumer-group object to find the coordinator again, and an admin handle has none: the process dies
/// with SIGSEGV in <c>rd_kafka_cgrp_op</c> (reproduced on the mock cluster by HostileKafkaSourceTests and
/// CommittedOffsetsReaderTests). A consumer handle has that object and answers the same fault with an error.
/// </remarks>
internal sealed class CommittedOffsetsReader(KafkaLagCollectorOptions options, string group) : IDisposable
{
    private readonly Lock _gate = new();
    private IConsumer<Ignore, Ignore>? _consumer;
    private IConsumer<Ignore, Ignore>? _disposeWhenIdle;
    private int _inFlight;

    /// <summary>Whether a call is still running on a handle (tests: a cancelled call goes on for up to the request timeout).</summary>
    internal bool HasCallsRunning
    {
        get
        {
            lock (_gate)
            {
                return _inFlight > 0;
            }
        }
    }

    /// <summary>Whether a handle is open: the current one, or a disposed reader's whose close waits for its last call.</summary>
    internal bool HasOpenHandle
    {
        get
        {
            lock (_gate)
            {
                return _consumer is not null || _disposeWhenIdle is not null;
            }
        }
    }

    /// <summary>The committed offset of each of <paramref name="partitions"/> that has one (unset ones are left out).</summary>
    /// <exception cref="KafkaException">The request failed, or the broker refused a partition (its error).</exception>
    public async Task<Dictionary<TopicPartition, long>> ReadAsync(IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var consumer = Enter();
        // Committed blocks for at most the request timeout; cancelling only stops the wait. The handle is not destroyed
        // while a call runs on it (librdkafka aborts the process on that): see Dispose.
        var call = Task.Run(
            () =>
            {
                try
                {
                    return Committed(consumer, partitions);
                }
                finally
                {
                    Leave();
                }
            },
            CancellationToken.None);
        var answers = await call.WaitAsync(cancellationToken).ConfigureAwait(false);
        var committed = new Dictionary<TopicPartition, long>(answers.Count);
        foreach (var answer in answers)
        {
            if (answer.Error.IsError)
            {
                throw new KafkaException(answer.Error);
            }

            if (answer.Offset.Value >= 0)
            {
                committed[answer.TopicPartition] = answer.Offset.Value;
            }
        }

        return committed;
    }

    /// <summary>
    /// Closes the consumer handle (it never joined the group, so nothing is handed back): now, or when the last call
    /// still running on it returns (a call whose wait was cancelled goes on for up to the request timeout).
    /// </summary>
    public void Dispose()
    {
        IConsumer<Ignore, Ignore>? idle;
        lock (_gate)
        {
            idle = _inFlight == 0 ? _consumer : null;
            _disposeWhenIdle = _inFlight == 0 ? null : _consumer;
            _consumer = null;
        }

        idle?.Dispose();
    }

    private IConsumer<Ignore, Ignore> Enter()
    {
        lock (_gate)
        {
            _inFlight++;
            return _consumer ??= Create();
        }
    }

    private void Leave()
    {
        IConsumer<Ignore, Ignore>? idle;
        lock (_gate)
        {
            _inFlight--;
            idle = _inFlight == 0 ? _disposeWhenIdle : null;
            _disposeWhenIdle = _inFlight == 0 ? null : _disposeWhenIdle;
        }

        idle?.Dispose();
    }

    private List<TopicPartitionOffsetError> Committed(IConsumer<Ignore, Ignore> consumer, IReadOnlyList<TopicPartition> partitions)
    {
        try
        {
            return consumer.Committed(partitions, options.RequestTimeout).Select(p => new TopicPartitionOffsetError(p, new Error(ErrorCode.NoError))).ToList();
        }
        catch (TopicPartitionOffsetException e)
        {
            return e.Results;
        }
    }

    private IConsumer<Ignore, Ignore> Create() =>
        new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig(new Dictionary<string, string>(options.ClientConfig))
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            SocketTimeoutMs = (int)options.RequestTimeout.TotalMilliseconds,
        }).SetLogHandler((_, _) => { }).Build();
}
