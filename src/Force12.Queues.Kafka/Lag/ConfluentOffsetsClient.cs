using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Force12.Queues.Kafka.Lag;

/// <summary>The real <see cref="IKafkaOffsetsClient"/>: an AdminClient (shared with other collectors on the same
/// cluster and settings when a <see cref="KafkaAdminClientPool"/> is given, else its own) for metadata, log offsets and
/// the group's state; a consumer handle of the group that never subscribes for its committed offsets
/// (<see cref="CommittedOffsetsReader"/> says why); and a consumer (created per read) that reads message timestamps
/// without joining or committing to any group.</summary>
internal sealed class ConfluentOffsetsClient : IKafkaOffsetsClient
{
    private readonly KafkaLagCollectorOptions _options;
    private readonly KafkaAdminClientPool.Lease _lease;
    private readonly IAdminClient _admin;
    private readonly TimestampReader _timestamps;
    private readonly CredentialFailureWatch _credentials;
    private readonly Dictionary<string, CommittedOffsetsReader> _committed = new(StringComparer.Ordinal);

    /// <summary>Uses a client from <paramref name="pool"/>, or a client of its own when null.</summary>
    public ConfluentOffsetsClient(KafkaLagCollectorOptions options, KafkaAdminClientPool? pool = null)
    {
        _options = options;
        _lease = (pool ?? new KafkaAdminClientPool()).Acquire(options);
        _admin = _lease.Client;
        _credentials = _lease.Credentials;
        _timestamps = new TimestampReader(options);
    }

    public Task<IReadOnlyDictionary<string, int>> GetTopicPartitionCountsAsync(CancellationToken cancellationToken) =>
        _credentials.ExplainTimeoutsAsync(async () =>
        {
            // Awaited to the end like the request it replaces (it has its own timeout).
            cancellationToken.ThrowIfCancellationRequested();
            var metadata = await _lease.Metadata.GetAsync(this).ConfigureAwait(false);
            if (metadata.Brokers.Count == 0)
            {
                throw new KafkaException(new Error(ErrorCode.Local_AllBrokersDown, "metadata lists no brokers"));
            }

            return (IReadOnlyDictionary<string, int>)metadata.Topics
                .Where(t => t.Error.Code == ErrorCode.NoError)
                .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
        });

    public async Task<IReadOnlyDictionary<TopicPartition, long>> FetchCommittedOffsetsAsync(
        string group, IReadOnlyList<TopicPartition>? partitions, CancellationToken cancellationToken)
    {
        // Without a list, every partition of the cluster's topics is asked (the group's own are among them; the
        // others answer "no offset"). One OffsetFetch's cost in librdkafka grows faster than the partition count
        // (about 200 ms for 10,000), so large lists go out in parallel batches.
        partitions ??= await AllPartitionsAsync().ConfigureAwait(false);
        var reader = CommittedReader(group);
        var batches = partitions.Chunk(_options.PartitionsPerRequest).ToList();
        var results = new Dictionary<TopicPartition, long>[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelRequests, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await _credentials.ExplainTimeoutsAsync(() => reader.ReadAsync(batches[i], token)).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value);
    }

    public async Task<IReadOnlyDictionary<TopicPartition, (long Start, long End)>> ListOffsetsAsync(
        IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var batches = partitions.Chunk(_options.PartitionsPerRequest).ToList();
        var starts = new Dictionary<TopicPartition, long>[batches.Count];
        var ends = new Dictionary<TopicPartition, long>[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelRequests, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                starts[i] = await ListAsync(batches[i], OffsetSpec.Earliest(), token).ConfigureAwait(false);
                ends[i] = await ListAsync(batches[i], OffsetSpec.Latest(), token).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var offsets = new Dictionary<TopicPartition, (long Start, long End)>(partitions.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            foreach (var (partition, end) in ends[i])
            {
                offsets[partition] = (starts[i].GetValueOrDefault(partition, 0), end);
            }
        }

        return offsets;
    }

    public Task<IReadOnlyDictionary<TopicPartition, DateTimeOffset>> ReadTimestampsAsync(
        IReadOnlyList<TopicPartitionOffset> positions, CancellationToken cancellationToken) =>
        _timestamps.ReadAsync(positions, cancellationToken);

    public async Task<bool?> GroupExistsAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            var options = new DescribeConsumerGroupsOptions { RequestTimeout = _options.RequestTimeout };
            var result = await _admin.DescribeConsumerGroupsAsync([group], options).WaitAsync(cancellationToken).ConfigureAwait(false);
            var description = result.ConsumerGroupDescriptions.Single();
            return description.State is not (ConsumerGroupState.Dead or ConsumerGroupState.Unknown) || description.Members.Count > 0;
        }
        catch (DescribeConsumerGroupsException e) when (e.Results.ConsumerGroupDescriptions.All(r => r.Error.Code == ErrorCode.Local_UnsupportedFeature))
        {
            return null; // the cluster cannot say (librdkafka's mock cluster, very old brokers)
        }
        catch (DescribeConsumerGroupsException e) when (e.Results.ConsumerGroupDescriptions.All(r => r.Error.Code == ErrorCode.GroupIdNotFound))
        {
            return false;
        }
    }

    public void Dispose()
    {
        lock (_committed)
        {
            foreach (var reader in _committed.Values)
            {
                reader.Dispose();
            }

            _committed.Clear();
        }

        _lease.Dispose();
    }

    private async Task<IReadOnlyList<TopicPartition>> AllPartitionsAsync()
    {
        var metadata = await _lease.Metadata.GetAsync(this).ConfigureAwait(false);
        return metadata.Topics
            .Where(t => t.Error.Code == ErrorCode.NoError && !t.Topic.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)))
            .ToList();
    }

    private CommittedOffsetsReader CommittedReader(string group)
    {
        lock (_committed)
        {
            if (!_committed.TryGetValue(group, out var reader))
            {
                _committed[group] = reader = new CommittedOffsetsReader(_options, group);
            }

            return reader;
        }
    }

    private async Task<Dictionary<TopicPartition, long>> ListAsync(TopicPartition[] batch, OffsetSpec spec, CancellationToken cancellationToken)
    {
        var request = batch.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = spec });
        var options = new ListOffsetsOptions { RequestTimeout = _options.RequestTimeout };
        try
        {
            var result = await _credentials.ExplainTimeoutsAsync(
                () => _admin.ListOffsetsAsync(request, options).WaitAsync(cancellationToken)).ConfigureAwait(false);
            return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
        }
        catch (ListOffsetsException e)
        {
            var failures = e.Result.ResultInfos
                .Where(r => r.TopicPartitionOffsetError.Error.IsError)
                .Select(r => (r.TopicPartitionOffsetError.TopicPartition, r.TopicPartitionOffsetError.Error))
                .ToList();
            throw failures.Count > 0 ? new PartitionReadException("ListOffsets", batch.Length, failures) : e;
        }
    }
}
