using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Benchmarks.Kinesis;

/// <summary>
/// One collection over a 200-shard stream on kinesalite (FORCE12_KINESIS_URL) with a KCL lease table on
/// dynalite (FORCE12_DYNAMODB_URL); each shard holds 50 records and is checkpointed at the 25th
/// (<see cref="Backlog"/> true: every poll reads 25 records per shard from the checkpoint to the tip) or at
/// the 50th (false: a consumer that keeps up; the poll continues the last poll's iterator). Baseline: the same collector reading one
/// shard at a time (MaxConcurrentShards = 1). <see cref="SimulatedRoundTripMs"/> adds a delay per Kinesis
/// call (kinesalite answers in about a millisecond; a regional endpoint takes several). The reads spent
/// per shard per poll are printed at the end.
/// Run: dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*KinesisCollector*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed in [GlobalCleanup]; BenchmarkDotNet needs an unsealed class")]
public class KinesisCollectorBenchmarks
{
    private const int Shards = 200;
    private const int RecordsPerShard = 50;
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("bench", "bench");
    private readonly List<KinesisLagReading> _readings = [];
    private KinesisClient _admin = null!;
    private KclLeaseTable _table = null!;
    private string _stream = "";
    private KinesisLagCollector _concurrent = null!;
    private KinesisLagCollector _sequential = null!;
    private HttpClient _http = null!;

    /// <summary>Delay added to every Kinesis call, in milliseconds.</summary>
    [Params(0, 10)]
    public int SimulatedRoundTripMs { get; set; }

    /// <summary>True: 25 records behind on every shard; false: caught up.</summary>
    [Params(true, false)]
    public bool Backlog { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var kinesisUrl = new Uri(Environment.GetEnvironmentVariable("FORCE12_KINESIS_URL") ?? "http://127.0.0.1:4567");
        var dynamoUrl = new Uri(Environment.GetEnvironmentVariable("FORCE12_DYNAMODB_URL") ?? "http://127.0.0.1:4568");
        _stream = $"f12-bench-{Guid.NewGuid():N}"[..24];
        _admin = new KinesisClient(new KinesisClientOptions { ServiceUrl = kinesisUrl, Region = "us-east-1", Credentials = Credentials });
        await _admin.InvokeAsync("CreateStream", new JsonObject { ["StreamName"] = _stream, ["ShardCount"] = Shards }, default);
        while ((await _admin.DescribeStreamSummaryAsync(_stream)).Status != "ACTIVE")
        {
            await Task.Delay(50);
        }

        _table = new KclLeaseTable(new KclLeaseTableOptions { TableName = _stream, ServiceUrl = dynamoUrl, Region = "us-east-1", Credentials = Credentials });
        await _table.CreateIfMissingAsync(TimeProvider.System);
        foreach (var shard in await _admin.ListShardsAsync(_stream))
        {
            var entries = Enumerable.Range(0, RecordsPerShard)
                .Select(i => new PutRecordsEntry($"k{i}", Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)), shard.StartingHashKey))
                .ToArray();
            var written = await _admin.PutRecordsAsync(_stream, entries);
            await _table.TryCreateAsync(new KclLease
            {
                Key = KclLeaseKey.ForShard(shard.ShardId),
                Checkpoint = KclCheckpoint.At(written[(Backlog ? RecordsPerShard / 2 : RecordsPerShard) - 1].SequenceNumber!.Value),
                Owner = "bench-worker",
                Counter = 1,
            });
        }

        var source = new KinesisSourceOptions
        {
            StreamName = _stream,
            LeaseTable = _stream,
            Region = "us-east-1",
            KinesisEndpoint = kinesisUrl,
            DynamoDbEndpoint = dynamoUrl,
            Credentials = Credentials,
        };
        _http = new HttpClient(new LatencyHandler(TimeSpan.FromMilliseconds(SimulatedRoundTripMs))) { Timeout = Timeout.InfiniteTimeSpan };
        _concurrent = Collector(source, 16);
        _sequential = Collector(source, 1);
    }

    [Benchmark(Baseline = true, Description = "200 shards, one at a time")]
    public Task<KinesisLagReading> CollectSequential() => CollectAsync(_sequential);

    [Benchmark(Description = "200 shards, 16 concurrent (default)")]
    public Task<KinesisLagReading> CollectConcurrent() => CollectAsync(_concurrent);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var polls = _readings.Where(r => r.Result.Succeeded).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Kinesis reads (round trip {SimulatedRoundTripMs} ms, backlog {Backlog}): {polls.Length} polls of {Shards} shards; GetRecords per shard per poll: mean {polls.Average(p => p.GetRecordsCalls / (double)Shards):0.00}, max {polls.Max(p => p.MaxGetRecordsCallsPerShard)}; GetShardIterator per shard per poll: mean {polls.Average(p => p.GetShardIteratorCalls / (double)Shards):0.00}; lag {polls[^1].Result.Snapshot!.Totals.Lag} ({polls.Count(p => p.Result.Snapshot!.Totals.Lag == (Backlog ? Shards * RecordsPerShard / 2 : 0))} polls exact)"));
        await _admin.InvokeAsync("DeleteStream", new JsonObject { ["StreamName"] = _stream }, default);
        using var dynamo = new Amazon.DynamoDBv2.AmazonDynamoDBClient(Credentials, new Amazon.DynamoDBv2.AmazonDynamoDBConfig
        {
            ServiceURL = Environment.GetEnvironmentVariable("FORCE12_DYNAMODB_URL") ?? "http://127.0.0.1:4568",
            AuthenticationRegion = "us-east-1",
        });
        await dynamo.DeleteTableAsync(_stream);
        _admin.Dispose();
        _table.Dispose();
        _http.Dispose();
    }

    private KinesisLagCollector Collector(KinesisSourceOptions source, int concurrency) => new(
        new KinesisClient(source.ToClientOptions(), TimeProvider.System, _http),
        _table,
        source.ToCollectorOptions() with { MaxConcurrentShards = concurrency },
        TimeProvider.System,
        NullLogger<KinesisLagCollector>.Instance);

    private async Task<KinesisLagReading> CollectAsync(KinesisLagCollector collector)
    {
        var reading = await collector.CollectDetailedAsync(CancellationToken.None);
        if (!reading.Result.Succeeded)
        {
            throw new InvalidOperationException(reading.Result.Error.ToString());
        }

        _readings.Add(reading);
        return reading;
    }
}
