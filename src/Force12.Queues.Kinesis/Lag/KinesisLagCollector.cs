using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>
/// How far a KCL application is behind on one stream: per shard, the records after the lease table's
/// checkpoint (counted within a GetRecords budget, estimated beyond), the age of the oldest of them,
/// arrival and processing rates and a status. Keep one instance per (stream, lease table) and call it
/// once per poll: rates and stall detection need the previous poll. Not thread-safe.
/// </summary>
public sealed partial class KinesisLagCollector : ILagCollector
{
    private readonly KinesisClient _kinesis;
    private readonly KclLeaseTable _leases;
    private readonly KinesisLagCollectorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ShardHistory> _history = new(StringComparer.Ordinal);

    /// <summary>Creates a collector over the given client and lease table (neither is disposed by it).</summary>
    public KinesisLagCollector(KinesisClient kinesis, KclLeaseTable leases, KinesisLagCollectorOptions options, TimeProvider timeProvider, ILogger<KinesisLagCollector> logger)
    {
        _kinesis = kinesis ?? throw new ArgumentNullException(nameof(kinesis));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid Kinesis collector options: {string.Join("; ", errors)}", nameof(options));
        }

        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public string Kind => Configuration.KinesisSourceProvider.SourceKind;

    /// <inheritdoc />
    public async Task<LagCollectionResult> CollectAsync(CancellationToken cancellationToken) =>
        (await CollectDetailedAsync(cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Collects one snapshot with every shard's Kinesis details and the reads spent.</summary>
    public async Task<KinesisLagReading> CollectDetailedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var shardsTask = _kinesis.ListShardsAsync(_options.StreamName, cancellationToken);
            var leasesTask = _leases.ListAsync(cancellationToken);
            var shards = await shardsTask.ConfigureAwait(false);
            var leases = (await leasesTask.ConfigureAwait(false))
                .Where(l => l.Key.BelongsTo(_options.StreamName))
                .GroupBy(l => l.ShardId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var now = _timeProvider.GetUtcNow();
            var read = await ReadShardsAsync(shards, leases, now, cancellationToken).ConfigureAwait(false);
            return Finish(shards, leases, read, now);
        }
        catch (KinesisException e)
        {
            KinesisLagCollectorLog.Failed(_logger, _options.StreamName, _leases.TableName, e.Kind, e.Message);
            return new KinesisLagReading { Result = LagCollectionResult.Failure(ToLagError(e)), FailureKind = e.Kind };
        }
    }

    private async Task<(ScanPlan Plan, ScanResult? Scan, string? Throttle)[]> ReadShardsAsync(
        IReadOnlyList<KinesisShard> shards, Dictionary<string, KclLease> leases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new (ScanPlan, ScanResult?, string?)[shards.Count];
        await Parallel.ForAsync(0, shards.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxConcurrentShards,
            CancellationToken = cancellationToken,
        }, async (i, ct) =>
        {
            var shard = shards[i];
            var history = History(shard.ShardId);
            leases.TryGetValue(shard.ShardId, out var lease);
            var plan = Finished(shard, lease, leases)
                ? new ScanPlan(false, null, null, HasCommit: true)
                : ScanPlan.For(lease?.Checkpoint, _options.InitialPosition, history);
            try
            {
                var scan = await ShardScanner.ScanAsync(_kinesis, _options.StreamName, shard.ShardId, plan, history,
                    _options.MaxReadsPerShardPerPoll, _options.RecordsPerRead, now, ct).ConfigureAwait(false);
                results[i] = (plan, scan, null);
            }
            catch (KinesisException e) when (e.Kind == KinesisErrorKind.Throttled)
            {
                results[i] = (plan, null, e.ErrorCode ?? "throttling"); // the consumers use the shard's reads: report it stale, not as a failed collection
            }
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>A closed shard is done when its lease says SHARD_END, or when it has no lease but its children
    /// have one (KCL deletes finished parent leases once the children run).</summary>
    private static bool Finished(KinesisShard shard, KclLease? lease, Dictionary<string, KclLease> leases) =>
        lease?.IsFinished == true
        || (lease is null && !shard.IsOpen && leases.Values.Any(l => l.ParentShardIds.Contains(shard.ShardId, StringComparer.Ordinal)));

    private ShardHistory History(string shardId)
    {
        lock (_history)
        {
            if (!_history.TryGetValue(shardId, out var history))
            {
                history = new ShardHistory();
                _history[shardId] = history;
            }

            return history;
        }
    }
}
