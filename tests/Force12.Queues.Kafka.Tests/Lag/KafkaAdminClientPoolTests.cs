using Confluent.Kafka;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;

namespace Force12.Queues.Kafka.Tests.Lag;

[Collection(EmbeddedKafkaGroup.Name)]
public sealed class KafkaAdminClientPoolTests(EmbeddedKafkaFixture kafka) : IDisposable
{
    private readonly List<string> _topics = [];
    private int _built;

    public void Dispose()
    {
        foreach (var topic in _topics)
        {
            kafka.Cluster.DeleteTopic(topic);
        }
    }

    private KafkaAdminClientPool CountingPool() => new((options, credentials) =>
    {
        Interlocked.Increment(ref _built);
        return KafkaAdminClientPool.Build(options, credentials);
    });

    private KafkaLagCollectorOptions Options(string group = "g", IReadOnlyDictionary<string, string>? client = null) => new()
    {
        BootstrapServers = kafka.BootstrapServers,
        GroupId = group,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ClientConfig = client ?? new Dictionary<string, string>(),
    };

    [Fact]
    public void Acquire_SameClusterAndSettingsForTwoGroups_SharesOneClient()
    {
        var pool = CountingPool();

        using var first = pool.Acquire(Options("group-a"));
        using var second = pool.Acquire(Options("group-b"));

        Assert.Same(first.Client, second.Client);
        Assert.Same(first.Credentials, second.Credentials);
        Assert.Equal(1, _built);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Acquire_DifferentClientSettings_BuildsOneClientEach()
    {
        var pool = CountingPool();

        using var plain = pool.Acquire(Options());
        using var tuned = pool.Acquire(Options(client: new Dictionary<string, string> { ["client.id"] = "tuned" }));
        using var slower = pool.Acquire(Options() with { RequestTimeout = TimeSpan.FromSeconds(7) });

        Assert.NotSame(plain.Client, tuned.Client);
        Assert.NotSame(plain.Client, slower.Client);
        Assert.Equal(3, _built);
    }

    [Fact]
    public void Dispose_ReleasedLease_NextAcquireBuildsFreshClientWhileOtherHolderKeepsItsOwn()
    {
        var pool = CountingPool();
        using var kept = pool.Acquire(Options());
        var released = pool.Acquire(Options());

        released.Dispose();
        using var fresh = pool.Acquire(Options());

        Assert.NotSame(kept.Client, fresh.Client);
        Assert.Equal(2, _built);
        Assert.NotEmpty(kept.Client.GetMetadata(TimeSpan.FromSeconds(5)).Brokers); // not disposed: still has a lease
    }

    [Fact]
    public void Dispose_LastLease_DisposesTheClient()
    {
        var pool = CountingPool();
        var first = pool.Acquire(Options());
        var second = pool.Acquire(Options());
        var client = first.Client;

        first.Dispose();
        first.Dispose(); // a second dispose of the same lease gives nothing back twice
        Assert.NotEmpty(client.GetMetadata(TimeSpan.FromSeconds(5)).Brokers);
        second.Dispose();

        Assert.Equal(0, pool.Count);
        Assert.ThrowsAny<ObjectDisposedException>(() => client.GetMetadata(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Dispose_LastLeaseWhileMetadataRunsOnAnUnreachableCluster_DisposesTheClientOnlyAfterTheCall()
    {
        // Destroying a librdkafka handle under a running Metadata call blocks until the call's timeout (the agent took
        // 8 s to exit on SIGTERM) or aborts the process; the pool must wait for the call instead.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new KafkaAdminClientPool((options, credentials) => DisposeWatch.Wrap(KafkaAdminClientPool.Build(options, credentials), started, disposed));
        var lease = pool.Acquire(Options() with { BootstrapServers = "127.0.0.1:1", RequestTimeout = TimeSpan.FromSeconds(5) });
        var metadata = lease.Metadata.GetAsync(this);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        lease.Dispose();

        Assert.False(metadata.IsCompleted, "the Metadata call on a closed port ended at once; the test needs it running");
        Assert.False(disposed.Task.IsCompleted, "the client was disposed while a Metadata call ran on it");
        await Assert.ThrowsAsync<KafkaException>(() => metadata);
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CollectAsync_TwoCollectorsOnOnePool_EachReportsItsGroupsLagThroughOneClient()
    {
        var pool = CountingPool();
        var (topic, groupA, groupB) = (EmbeddedKafkaFixture.UniqueName("shared"), EmbeddedKafkaFixture.UniqueName("group"), EmbeddedKafkaFixture.UniqueName("group"));
        kafka.Cluster.CreateTopic(topic, 2);
        _topics.Add(topic);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 1, 10);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, groupA, topic, new Dictionary<int, int> { [0] = 4, [1] = 10 });
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, groupB, topic, new Dictionary<int, int> { [0] = 1, [1] = 2 });
        var optionsA = Options(groupA) with { Topics = [topic] };
        var optionsB = Options(groupB) with { Topics = [topic] };
        using var collectorA = new KafkaLagCollector(optionsA, () => new ConfluentOffsetsClient(optionsA, pool), TimeProvider.System, null);
        using var collectorB = new KafkaLagCollector(optionsB, () => new ConfluentOffsetsClient(optionsB, pool), TimeProvider.System, null);

        var results = await Task.WhenAll(collectorA.CollectAsync(CancellationToken.None), collectorB.CollectAsync(CancellationToken.None));

        var lags = results.Select(r => r.Snapshot?.Totals.Lag ?? throw new Xunit.Sdk.XunitException($"collection failed: {r.Error}")).ToArray();
        Assert.Equal([6L, 17L], lags);
        Assert.Equal(1, _built);
    }
}
