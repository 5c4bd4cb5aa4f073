using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>How the Kafka collector fails on the embedded cluster: unknown groups, deleted topics, refused requests, broker outages; never a zero lag.</summary>
[Collection(EmbeddedKafkaGroup.Name)]
public sealed class KafkaLagCollectorFailureTests(EmbeddedKafkaFixture kafka) : KafkaCollectorTestBase(kafka)
{
    [Fact]
    public async Task CollectAsync_UnknownGroup_ReturnsTypedErrorNotZero()
    {
        var topic = Topic("unknown-group", 1);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 3);
        using var collector = Collector("no-such-group-" + Guid.NewGuid().ToString("N"), [topic]);

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.UnknownGroup, result.Error.Kind);
        Assert.Contains(Kafka.BootstrapServers, result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_UnknownGroupInBacklogMode_CountsEveryMessageAsNoCommit()
    {
        var topic = Topic("unknown-group-backlog", 1);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 3);
        using var collector = Collector("no-such-group-" + Guid.NewGuid().ToString("N"), [topic],
            tune: o => o with { UnknownGroup = KafkaUnknownGroupMode.Backlog });

        var snapshot = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Assert.Equal(3, snapshot.Totals.Lag);
        Assert.Equal(LagUnitStatus.NoCommit, Unit(snapshot, topic, 0).Status);
    }

    [Fact]
    public async Task CollectAsync_TopicDeleted_ReturnsStreamNotFoundNamingTheTopic()
    {
        var (topic, group) = (Topic("deleted", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Kafka.Cluster.DeleteTopic(topic);
        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.StreamNotFound, result.Error.Kind);
        Assert.Contains(topic, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_OffsetFetchRefused_ReturnsNotAuthorized()
    {
        var (topic, group) = (Topic("refused", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        const short offsetFetch = 9;
        const int groupAuthorizationFailed = 30;

        Kafka.Cluster.PushRequestErrors(offsetFetch, groupAuthorizationFailed);
        var result = await collector.CollectAsync(CancellationToken.None);
        Kafka.Cluster.ClearRequestErrors(offsetFetch);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.NotAuthorized, result.Error.Kind);
    }

    [Theory]
    [InlineData(15)] // COORDINATOR_NOT_AVAILABLE
    [InlineData(16)] // NOT_COORDINATOR
    public async Task CollectAsync_GroupCoordinatorMoving_FailsThenRecoversInsteadOfCrashingTheProcess(int coordinatorError)
    {
        // Through the AdminClient's ListConsumerGroupOffsets these answers killed the process (SIGSEGV in librdkafka's
        // rd_kafka_cgrp_op); CommittedOffsetsReader reads through a consumer handle that never joins the group.
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 1);
        var (topic, group) = ("coordinator", "coordinator-group");
        cluster.CreateTopic(topic, 2);
        await KafkaTestClient.ProduceAsync(cluster.BootstrapServers, topic, 0, 4);
        KafkaTestClient.Commit(cluster.BootstrapServers, group, new Confluent.Kafka.TopicPartitionOffset(topic, 0, 1));
        using var collector = new KafkaLagCollector(new KafkaLagCollectorOptions
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = group, Topics = [topic], RequestTimeout = TimeSpan.FromSeconds(1),
        });
        const short offsetFetch = 9;

        cluster.PushRequestErrors(offsetFetch, Enumerable.Repeat(coordinatorError, 500).ToArray());
        var during = await collector.CollectAsync(CancellationToken.None);
        cluster.ClearRequestErrors(offsetFetch);
        var after = await PollUntilAsync(collector, _ => true);

        Assert.False(during.Succeeded, "a collection whose every OffsetFetch is refused must fail, not report lag");
        Assert.Equal(LagErrorKind.Unreachable, during.Error.Kind);
        Assert.Equal(3, Unit(after, topic, 0).Lag);
    }

    [Fact]
    public async Task CollectAsync_SecuritySettingsPassedThrough_BrokerWithoutSaslFailsAsAuthentication()
    {
        var (topic, group) = (Topic("sasl", 1), EmbeddedKafkaFixture.UniqueName("group"));
        using var collector = Collector(group, [topic], tune: o => o with
        {
            ClientConfig = new Dictionary<string, string>
            {
                ["security.protocol"] = "SASL_PLAINTEXT",
                ["sasl.mechanism"] = "PLAIN",
                ["sasl.username"] = "bulbs",
                ["sasl.password"] = "wrong",
            },
        });

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.AuthenticationFailed, result.Error.Kind);
    }

    [Fact]
    public async Task CollectAsync_BrokerDownThenUp_FailsThenRecoversByItself()
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 1);
        var (topic, group) = ("outage", "outage-group");
        cluster.CreateTopic(topic, 2);
        await KafkaTestClient.ProduceAsync(cluster.BootstrapServers, topic, 0, 4);
        KafkaTestClient.ConsumeAndCommit(cluster.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = group, Topics = [topic], RequestTimeout = TimeSpan.FromSeconds(2),
        };
        using var collector = new KafkaLagCollector(options);
        AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        cluster.SetBrokerDown(1);
        var during = await collector.CollectAsync(CancellationToken.None);
        cluster.SetBrokerUp(1);
        var after = await PollUntilAsync(collector, _ => true);

        Assert.False(during.Succeeded, "a collection with the only broker down must fail, not report lag");
        Assert.Equal(LagErrorKind.Unreachable, during.Error.Kind);
        Assert.Equal(3, Unit(after, topic, 0).Lag);
    }

    [Fact]
    public async Task CollectAsync_CollectorsSharingOneClientThroughABrokerOutage_FailOrTellTheTruthAndRecover()
    {
        // What the agent does: several pipelines on one cluster share one pooled admin client and its metadata. With
        // one of three brokers down (and its partitions leaderless), every collection either fails with a typed error
        // or reports the exact lag; none reports a partial or zero lag, none takes the process down, and all recover.
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 3);
        const string topic = "shared-outage";
        cluster.CreateTopic(topic, 6);
        for (var partition = 0; partition < 6; partition++)
        {
            await KafkaTestClient.ProduceAsync(cluster.BootstrapServers, topic, partition, 4);
        }

        var groups = new[] { "outage-a", "outage-b", "outage-c" };
        foreach (var group in groups)
        {
            KafkaTestClient.ConsumeAndCommit(cluster.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        }

        var pool = new KafkaAdminClientPool();
        var collectors = groups.Select(group =>
        {
            var options = new KafkaLagCollectorOptions
            {
                BootstrapServers = cluster.BootstrapServers, GroupId = group, Topics = [topic], RequestTimeout = TimeSpan.FromSeconds(2),
            };
            return new KafkaLagCollector(options, () => new ConfluentOffsetsClient(options, pool), TimeProvider.System, null);
        }).ToList();
        const long TrueLag = 3 + (5 * 4);
        try
        {
            Assert.All(await CollectAllAsync(), r => Assert.Equal(TrueLag, AssertSucceeded(r).Totals.Lag));

            cluster.SetBrokerDown(2);
            var during = new List<LagCollectionResult>();
            for (var round = 0; round < 4; round++)
            {
                during.AddRange(await CollectAllAsync());
            }

            cluster.SetBrokerUp(2);
            var after = await Task.WhenAll(collectors.Select(c => PollUntilAsync(c, s => s.Totals.Lag == TrueLag)));

            Assert.Contains(during, r => !r.Succeeded);
            Assert.All(during, r =>
            {
                if (r.Succeeded)
                {
                    Assert.Equal(TrueLag, r.Snapshot.Totals.Lag);
                }
                else
                {
                    Assert.True(r.Error.Cluster == cluster.BootstrapServers && groups.Contains(r.Error.Group), $"error names cluster and group: {r.Error}");
                }
            });
            Assert.All(after, s => Assert.Equal(6, s.Units.Count));
        }
        finally
        {
            collectors.ForEach(c => c.Dispose());
        }

        Task<LagCollectionResult[]> CollectAllAsync() => Task.WhenAll(collectors.Select(c => c.CollectAsync(CancellationToken.None)));
    }
}
