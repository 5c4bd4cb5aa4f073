using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Benchmarks.Workload;

/// <summary>
/// The load generator's top rate against a plain Confluent.Kafka producer loop, in the same run, both producing
/// <see cref="Events"/> JSON events (same size, same producer settings: acks=all, linger 5 ms) to an embedded Kafka
/// cluster (librdkafka's mock brokers on loopback) and waiting for every acknowledgement. The ratio column is the
/// load generator's time over the plain loop's; target: throughput at least 0.8 of the loop's, i.e. ratio at most 1.25.
/// Run: <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*LoadGeneratorThroughput*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class LoadGeneratorThroughputBenchmarks
{
    public const int Events = 200_000;

    private EmbeddedKafkaCluster _kafka = null!;
    private int _topicNumber;
    private string _topic = "";

    [GlobalSetup]
    public void GlobalSetup() => _kafka = EmbeddedKafkaCluster.Start(brokers: 1);

    [GlobalCleanup]
    public void GlobalCleanup() => _kafka.Dispose();

    [IterationSetup]
    public void IterationSetup()
    {
        _topic = $"bench-{_topicNumber++}";
        _kafka.CreateTopic(_topic, partitions: 8);
    }

    [IterationCleanup]
    public void IterationCleanup() => _kafka.DeleteTopic(_topic);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void PlainProducerLoop()
    {
        var config = new ProducerConfig
        {
            BootstrapServers = _kafka.BootstrapServers, LingerMs = 5, QueueBufferingMaxMessages = 500_000, Acks = Acks.All, DeliveryReportFields = "none",
        };
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        var buffer = new byte[128];
        long acknowledged = 0;
        Action<DeliveryReport<byte[], byte[]>> handler = r =>
        {
            if (!r.Error.IsError)
            {
                Interlocked.Increment(ref acknowledged);
            }
        };
        for (var i = 0; i < Events; i++)
        {
            var e = new LightbulbEvent
            {
                Sequence = i, BulbId = i % 10_000, HomeId = i % 10_000 / 4, On = (i & 1) == 0, Brightness = (byte)(i % 101),
                EventTime = DateTimeOffset.FromUnixTimeMilliseconds(1_764_072_000_000 + i),
            };
            var length = JsonLightbulbCodec.Instance.Encode(e, buffer);
            var message = new Message<byte[], byte[]> { Key = LightbulbKey.Encode(e.BulbId), Value = buffer[..length] };
            while (true)
            {
                try
                {
                    producer.Produce(_topic, message, handler);
                    break;
                }
                catch (ProduceException<byte[], byte[]> x) when (x.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(1));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
        Check(Interlocked.Read(ref acknowledged));
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void LoadGenerator()
    {
        var time = TimeProvider.System;
        var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = _kafka.BootstrapServers, Topic = _topic }, time);
        try
        {
            var options = new LoadGeneratorOptions { Rate = new ConstantRate(50_000_000, duration: null), MaxEvents = Events, FlushTimeout = TimeSpan.FromMinutes(2) };
            var generator = new LoadGenerator(options, new LightbulbEventFactory(10_000, 4, 0, new SplitMixRandomSource(1), time), sink, time);
            var report = generator.RunAsync(null, CancellationToken.None).GetAwaiter().GetResult();
            Check(report.Acknowledged);
        }
        finally
        {
            sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Check(long acknowledged)
    {
        if (acknowledged != Events)
        {
            throw new InvalidOperationException($"Only {acknowledged} of {Events} events were acknowledged.");
        }
    }
}
