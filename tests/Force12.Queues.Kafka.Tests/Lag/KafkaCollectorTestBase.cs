using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>Topics, collectors and assertions shared by the Kafka collector tests on the embedded cluster.</summary>
public abstract class KafkaCollectorTestBase(EmbeddedKafkaFixture kafka) : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<string> _topics = [];

    /// <summary>The embedded cluster shared by the collection.</summary>
    protected EmbeddedKafkaFixture Kafka { get; } = kafka;

    /// <summary>Deletes the topics this test created (some tests delete theirs already).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes the topics when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var topic in _topics)
        {
            try
            {
                Kafka.Cluster.DeleteTopic(topic);
            }
            catch (InvalidOperationException)
            {
                // already deleted by the test itself
            }
        }
    }

    /// <summary>A collector on the embedded cluster for <paramref name="group"/> and <paramref name="topics"/>, 5 s request timeout.</summary>
    protected KafkaLagCollector Collector(string group, string[] topics, TimeProvider? time = null, Func<KafkaLagCollectorOptions, KafkaLagCollectorOptions>? tune = null)
    {
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = Kafka.BootstrapServers,
            GroupId = group,
            Topics = topics,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        return new KafkaLagCollector(tune?.Invoke(options) ?? options, time ?? TimeProvider.System);
    }

    /// <summary>Creates a topic that is deleted with the test.</summary>
    protected string Topic(string prefix, int partitions)
    {
        var topic = EmbeddedKafkaFixture.UniqueName(prefix);
        Kafka.Cluster.CreateTopic(topic, partitions);
        _topics.Add(topic);
        return topic;
    }

    /// <summary>The unit of <paramref name="topic"/>/<paramref name="partition"/> in <paramref name="snapshot"/>.</summary>
    protected static LagUnitSnapshot Unit(LagSnapshot snapshot, string topic, int partition) =>
        snapshot.Units.Single(u => u.Id == new LagUnitId(topic, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The snapshot of a collection that must have succeeded.</summary>
    protected static LagSnapshot AssertSucceeded(LagCollectionResult result)
    {
        Assert.True(result.Succeeded, $"collection failed: {result.Error}");
        return result.Snapshot;
    }

    /// <summary>Collects until a snapshot satisfies <paramref name="done"/> (30 s deadline).</summary>
    protected static async Task<LagSnapshot> PollUntilAsync(KafkaLagCollector collector, Func<LagSnapshot, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        LagCollectionResult? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await collector.CollectAsync(CancellationToken.None);
            if (last.Succeeded && done(last.Snapshot))
            {
                return last.Snapshot;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"no matching snapshot within 30 s; last result: {last?.Error?.ToString() ?? "a snapshot that did not match"}");
        return null!;
    }
}
