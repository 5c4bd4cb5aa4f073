using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Kafka.Lag;

namespace Force12.Queues.Benchmarks.Kafka;

/// <summary>
/// One full lag collection over 10,000 partitions (100 topics x 100 partitions, one group) on the
/// embedded 3-broker cluster: the bulk collector (one OffsetFetch, batched parallel ListOffsets,
/// estimated time lag) against the per-partition approach (one watermark query per partition),
/// and against the bulk collector with a single unbatched ListOffsets request.
/// Run: dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*KafkaLagCollection*'
/// </summary>
[Config(typeof(InProcessConfig))]
public class KafkaLagCollectionBenchmarks : IDisposable
{
    private const int Topics = 100;
    private const int PartitionsPerTopic = 100;
    private const string Group = "bench-group";

    private EmbeddedKafkaCluster? _cluster;
    private KafkaLagCollector? _bulk;
    private KafkaLagCollector? _bulkUnbatched;
    private IConsumer<Ignore, Ignore>? _consumer;
    private List<TopicPartition> _partitions = [];

    [GlobalSetup]
    public void Setup()
    {
        _cluster = EmbeddedKafkaCluster.Start(brokers: 3);
        var topics = Enumerable.Range(0, Topics).Select(t => $"bulbs-{t:D3}").ToList();
        foreach (var topic in topics)
        {
            _cluster.CreateTopic(topic, PartitionsPerTopic);
        }

        _partitions = topics.SelectMany(t => Enumerable.Range(0, PartitionsPerTopic).Select(p => new TopicPartition(t, p))).ToList();
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = _cluster.BootstrapServers, LingerMs = 20 }).Build())
        {
            foreach (var partition in _partitions)
            {
                for (var i = 0; i < 3; i++)
                {
                    producer.Produce(partition, new Message<Null, string> { Value = "on" });
                }
            }

            producer.Flush(TimeSpan.FromMinutes(2));
        }

        var consumerConfig = new ConsumerConfig { BootstrapServers = _cluster.BootstrapServers, GroupId = Group, EnableAutoCommit = false };
        _consumer = new ConsumerBuilder<Ignore, Ignore>(consumerConfig).Build();
        _consumer.Commit(_partitions.Select((p, i) => new TopicPartitionOffset(p, i % 4)));

        var options = new KafkaLagCollectorOptions { BootstrapServers = _cluster.BootstrapServers, GroupId = Group, Topics = topics };
        _bulk = new KafkaLagCollector(options);
        _bulkUnbatched = new KafkaLagCollector(options with { PartitionsPerRequest = _partitions.Count, MaxParallelRequests = 1 });
        Check(_bulk.CollectAsync(CancellationToken.None).GetAwaiter().GetResult());
        Check(_bulkUnbatched.CollectAsync(CancellationToken.None).GetAwaiter().GetResult());
    }

    /// <summary>Baseline: one QueryWatermarkOffsets per partition plus one committed-offsets fetch.</summary>
    [Benchmark(Baseline = true)]
    public long PerPartitionWatermarks()
    {
        long lag = 0;
        var committed = _consumer!.Committed(_partitions, TimeSpan.FromSeconds(30)).ToDictionary(c => c.TopicPartition, c => c.Offset.Value);
        foreach (var partition in _partitions)
        {
            var marks = _consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10));
            lag += Math.Max(0, marks.High.Value - Math.Max(committed[partition], marks.Low.Value));
        }

        return lag;
    }

    /// <summary>The collector as configured by default (batches of 1000, 4 in flight).</summary>
    [Benchmark]
    public async Task<long> BulkCollector() => Check(await _bulk!.CollectAsync(CancellationToken.None));

    /// <summary>The collector with one ListOffsets request over all 10,000 partitions.</summary>
    [Benchmark]
    public async Task<long> BulkCollectorOneRequest() => Check(await _bulkUnbatched!.CollectAsync(CancellationToken.None));

    [GlobalCleanup]
    public void Dispose()
    {
        _bulk?.Dispose();
        _bulkUnbatched?.Dispose();
        _consumer?.Close();
        _consumer?.Dispose();
        _cluster?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static long Check(Force12.Queues.Core.Lag.LagCollectionResult result) =>
        result.Succeeded && result.Snapshot.Units.Count == Topics * PartitionsPerTopic
            ? result.Snapshot.Totals.Lag
            : throw new InvalidOperationException($"collection failed: {result.Error}");

    /// <summary>In process (the native mock cluster lives in this process), few long iterations.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(15)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median);
        }
    }
}
