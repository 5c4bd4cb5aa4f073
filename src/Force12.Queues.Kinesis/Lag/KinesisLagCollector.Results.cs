using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;

namespace Force12.Queues.Kinesis.Lag;

/// <summary>Turning the scans into snapshots, and failures into typed lag errors.</summary>
public sealed partial class KinesisLagCollector
{
    private KinesisLagReading Finish(
        IReadOnlyList<KinesisShard> shards, Dictionary<string, KclLease> leases, (ScanPlan Plan, ScanResult? Scan, string? Throttle)[] read, DateTimeOffset now)
    {
        var throttled = shards.Where((s, i) => read[i].Scan is null).Select(s => s.ShardId).ToArray();
        var unknown = throttled.Where(id => ShardLagCalculator.Stale(History(id), now) is null).ToArray();
        if (unknown.Length > 0)
        {
            var cause = read.Select(r => r.Throttle).FirstOrDefault(t => t is not null) ?? "throttled";
            throw new KinesisException(KinesisErrorKind.Throttled,
                $"GetRecords still refused with {cause} after the client's retries on {string.Join(", ", unknown)}, with no earlier figures to repeat (the consumers use the shard's 5 reads per second)",
                cause);
        }

        var details = new List<KinesisShardLag>(shards.Count);
        for (var i = 0; i < shards.Count; i++)
        {
            var shard = shards[i];
            leases.TryGetValue(shard.ShardId, out var lease);
            var (plan, scan, _) = read[i];
            var checkpoint = lease?.Checkpoint?.ToString();
            var figures = scan is null
                ? ShardLagCalculator.Stale(History(shard.ShardId), now)!
                : ShardLagCalculator.Compute(plan, scan, checkpoint, History(shard.ShardId), _options, now);
            details.Add(new KinesisShardLag
            {
                Unit = new LagUnitSnapshot
                {
                    Id = new LagUnitId(_options.StreamName, shard.ShardId),
                    Lag = figures.Lag,
                    LagSeconds = figures.LagSeconds,
                    LagSecondsMethod = figures.LagSecondsMethod,
                    ArrivalRate = figures.ArrivalRate,
                    ProcessingRate = figures.ProcessingRate,
                    Status = figures.Status,
                },
                IsOpen = shard.IsOpen,
                ParentShardIds = shard.ParentShardIds,
                Checkpoint = checkpoint,
                LeaseOwner = lease?.Owner,
                LagMethod = figures.LagMethod,
                IsActive = shard.IsOpen || figures.Lag > 0 || (plan.Read && !plan.HasCommit && lease is not null),
                GetRecordsCalls = scan?.GetRecordsCalls ?? 0,
                GetShardIteratorCalls = scan?.GetShardIteratorCalls ?? 0,
            });
        }

        foreach (var gone in _history.Keys.Where(k => !shards.Any(s => s.ShardId == k)).ToList())
        {
            _history.Remove(gone); // expired shards lose their history
        }

        details.Sort((a, b) => a.Unit.Id.CompareTo(b.Unit.Id));
        var units = details.Where(d => d.IsActive).Select(d => d.Unit).ToArray();
        var reading = new KinesisLagReading
        {
            Result = LagCollectionResult.Success(new LagSnapshot
            {
                SourceKind = Kind,
                Cluster = _kinesis.Endpoint.ToString(),
                Group = _leases.TableName,
                ObservedAt = now,
                Units = units,
                Totals = LagTotals.Sum(units),
            }),
            Shards = details,
            GetRecordsCalls = details.Sum(d => d.GetRecordsCalls),
            GetShardIteratorCalls = details.Sum(d => d.GetShardIteratorCalls),
            MaxGetRecordsCallsPerShard = details.Count == 0 ? 0 : details.Max(d => d.GetRecordsCalls),
            ThrottledShards = throttled.Length,
        };
        KinesisLagCollectorLog.Collected(_logger, _options.StreamName, details.Count, reading.GetRecordsCalls, reading.GetShardIteratorCalls);
        return reading;
    }

    /// <inheritdoc />
    public LagError Failure(LagErrorKind kind, string message) => new()
    {
        SourceKind = Kind,
        Cluster = _kinesis.Endpoint.ToString(),
        Group = _leases.TableName,
        Kind = kind,
        Message = message,
        ObservedAt = _timeProvider.GetUtcNow(),
    };

    private LagError ToLagError(KinesisException e) => Failure(
        e.Kind switch
        {
            KinesisErrorKind.StreamNotFound => LagErrorKind.StreamNotFound,
            KinesisErrorKind.LeaseTableNotFound => LagErrorKind.UnknownGroup,
            KinesisErrorKind.Credentials => LagErrorKind.AuthenticationFailed,
            KinesisErrorKind.AccessDenied => LagErrorKind.NotAuthorized,
            KinesisErrorKind.Unreachable => LagErrorKind.Unreachable,
            KinesisErrorKind.Throttled => LagErrorKind.Throttled,
            _ => LagErrorKind.Other,
        },
        $"{e.Kind}: stream '{_options.StreamName}': {e.Message}");
}
