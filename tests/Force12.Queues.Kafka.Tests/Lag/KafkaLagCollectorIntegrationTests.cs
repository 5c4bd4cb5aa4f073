using Confluent.Kafka;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kafka.Tests.Lag;

[Collection(EmbeddedKafkaGroup.Name)]
public sealed class KafkaLagCollectorIntegrationTests(EmbeddedKafkaFixture kafka) : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<string> _topics = [];

    /// <summary>Deletes the topics this test created (some tests delete theirs already).</summary>
    public void Dispose()
    {
        foreach (var topic in _topics)
        {
            try
            {
                kafka.Cluster.DeleteTopic(topic);
            }
            catch (InvalidOperationException)
            {
                // already deleted by the test itself
            }
        }
    }

    private KafkaLagCollector Collector(string group, string[] topics, TimeProvider? time = null, Func<KafkaLagCollectorOptions, KafkaLagCollectorOptions>? tune = null)
    {
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = group,
            Topics = topics,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        return new KafkaLagCollector(tune?.Invoke(options) ?? options, time ?? TimeProvider.System);
    }

    private string Topic(string prefix, int partitions)
    {
        var topic = EmbeddedKafkaFixture.UniqueName(prefix);
        kafka.Cluster.CreateTopic(topic, partitions);
        _topics.Add(topic);
        return topic;
    }

    private static LagUnitSnapshot Unit(LagSnapshot snapshot, string topic, int partition) =>
        snapshot.Units.Single(u => u.Id == new LagUnitId(topic, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static LagSnapshot AssertSucceeded(LagCollectionResult result)
    {
        Assert.True(result.Succeeded, $"collection failed: {result.Error}");
        return result.Snapshot;
    }

    [Fact]
    public async Task CollectAsync_PartialConsumptionAcrossTopics_ReportsExactLagPerPartition()
    {
        var (bulbs, switches, group) = (Topic("bulbs", 3), Topic("switches", 2), EmbeddedKafkaFixture.UniqueName("group"));
        for (var p = 0; p < 3; p++)
        {
            await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, bulbs, p, 10);
        }

        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, switches, 0, 8);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, switches, 1, 5);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, bulbs, new Dictionary<int, int> { [0] = 3, [1] = 10, [2] = 7 });
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, switches, new Dictionary<int, int> { [0] = 2, [1] = 1 });
        using var collector = Collector(group, [bulbs, switches]);

        var snapshot = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Assert.Equal([7L, 0L, 3L], Enumerable.Range(0, 3).Select(p => Unit(snapshot, bulbs, p).Lag));
        Assert.Equal([6L, 4L], Enumerable.Range(0, 2).Select(p => Unit(snapshot, switches, p).Lag));
        Assert.Equal(20, snapshot.Totals.Lag);
        Assert.Equal(LagUnitStatus.CaughtUp, Unit(snapshot, bulbs, 1).Status);
        Assert.Equal((3L, 10L), (Unit(snapshot, bulbs, 0).CommittedOffset!.Value, Unit(snapshot, bulbs, 0).LogEndOffset!.Value));
    }

    [Theory]
    [InlineData(OffsetResetPolicy.Earliest, 6)]
    [InlineData(OffsetResetPolicy.Latest, 0)]
    public async Task CollectAsync_PartitionWithoutCommit_FollowsTheResetPolicy(OffsetResetPolicy policy, long expectedLag)
    {
        var (topic, group) = (Topic("nocommit", 2), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 4);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 1, 6);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 4 });
        using var collector = Collector(group, [topic], tune: o => o with { ResetPolicy = policy });

        var unit = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 1);

        Assert.Equal(LagUnitStatus.NoCommit, unit.Status);
        Assert.Null(unit.CommittedOffset);
        Assert.Equal(expectedLag, unit.Lag);
    }

    [Fact]
    public async Task CollectAsync_HeadDeletedByRetention_CountsOnlyWhatRemains()
    {
        var (topic, group) = (Topic("retention", 2), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 1, 10);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 2 });
        kafka.Cluster.DeleteRecords(topic, 0, beforeOffset: 6);
        kafka.Cluster.DeleteRecords(topic, 1, beforeOffset: 3);
        using var collector = Collector(group, [topic]);

        var snapshot = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Assert.Equal((6L, 4L), (Unit(snapshot, topic, 0).LogStartOffset!.Value, Unit(snapshot, topic, 0).Lag)); // committed 2 < log start 6
        Assert.Equal((3L, 7L), (Unit(snapshot, topic, 1).LogStartOffset!.Value, Unit(snapshot, topic, 1).Lag)); // no commit: end - start
    }

    [Fact]
    public async Task CollectAsync_PartitionsAddedWhileRunning_PicksUpTheNewPartitions()
    {
        // librdkafka's mock cannot grow a topic in place (no CreatePartitions handler), so the topic is
        // recreated with more partitions between polls: the collector sees what it would see after
        // CreatePartitions, a larger partition count in the metadata.
        var (topic, group) = (Topic("grow", 2), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        var before = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        kafka.Cluster.DeleteTopic(topic);
        kafka.Cluster.CreateTopic(topic, partitions: 4);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 3, 5);
        KafkaTestClient.Commit(kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 0)); // the mock drops a deleted topic's offsets
        var after = await PollUntilAsync(collector, s => s.Units.Count == 4);

        Assert.Equal(2, before.Units.Count);
        Assert.Equal(5, Unit(after, topic, 3).Lag);
    }

    [Fact]
    public async Task CollectAsync_ExactMode_ReportsProducerTimestampAge()
    {
        var time = new FakeTimeProvider(Start);
        var (topic, group) = (Topic("exact", 2), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10, i => Start.AddSeconds(-100 + i));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 1, 10, i => Start.AddSeconds(-50 + i));
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 4, [1] = 10 });
        using var collector = Collector(group, [topic], time, o => o with { TimeLag = KafkaTimeLagMode.Exact });

        var snapshot = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Assert.Equal((96.0, TimeLagMethod.Exact), (Unit(snapshot, topic, 0).LagSeconds, Unit(snapshot, topic, 0).LagSecondsMethod));
        Assert.Equal((0.0, TimeLagMethod.NothingWaiting), (Unit(snapshot, topic, 1).LagSeconds, Unit(snapshot, topic, 1).LagSecondsMethod));
        Assert.Equal(96.0, snapshot.Totals.MaxLagSeconds);
    }

    [Fact]
    public async Task CollectAsync_EstimatedMode_AgeIsWithinOnePollIntervalOfTheTruth()
    {
        var time = new FakeTimeProvider(Start);
        var poll = TimeSpan.FromSeconds(5);
        var (topic, group) = (Topic("estimate", 1), EmbeddedKafkaFixture.UniqueName("group"));
        KafkaTestClient.Commit(kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 0));
        using var collector = Collector(group, [topic], time, o => o with { ExactLookupBudget = 0 });
        var produced = new List<DateTimeOffset>();
        LagSnapshot? last = null;

        // Each poll interval, 10 messages arrive stamped with the (fake) time they were produced.
        for (var step = 0; step < 6; step++)
        {
            var at = time.GetUtcNow();
            await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10, _ => at);
            produced.AddRange(Enumerable.Repeat(at, 10));
            time.Advance(poll);
            last = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));
        }

        KafkaTestClient.Commit(kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 25));
        last = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));
        var unit = Unit(last, topic, 0);
        var truth = (time.GetUtcNow() - produced[25]).TotalSeconds;

        Assert.Equal(TimeLagMethod.Estimated, unit.LagSecondsMethod);
        Assert.InRange(unit.LagSeconds!.Value, truth - poll.TotalSeconds, truth + poll.TotalSeconds);
    }

    [Fact]
    public async Task CollectAsync_EstimatedModeFirstPoll_ReadsExactTimestampsWithinBudget()
    {
        var time = new FakeTimeProvider(Start);
        var (topic, group) = (Topic("budget", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 5, i => Start.AddSeconds(-30 + i));
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 2 });
        using var collector = Collector(group, [topic], time);

        var unit = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        Assert.Equal((28.0, TimeLagMethod.Exact), (unit.LagSeconds, unit.LagSecondsMethod));
    }

    [Fact]
    public async Task CollectAsync_GroupStopsCommittingWhileMessagesArrive_ReportsStalled()
    {
        var time = new FakeTimeProvider(Start);
        var (topic, group) = (Topic("stall", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 5 });
        using var collector = Collector(group, [topic], time, o => o with { StallAfter = TimeSpan.FromSeconds(30) });
        var first = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 10);
        time.Advance(TimeSpan.FromSeconds(31));
        var second = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        Assert.Equal(LagUnitStatus.Ok, first.Status);
        Assert.Equal((LagUnitStatus.Stalled, 15L), (second.Status, second.Lag));
    }

    [Fact]
    public async Task CollectAsync_UnknownGroup_ReturnsTypedErrorNotZero()
    {
        var topic = Topic("unknown-group", 1);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 3);
        using var collector = Collector("no-such-group-" + Guid.NewGuid().ToString("N"), [topic]);

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.UnknownGroup, result.Error.Kind);
        Assert.Contains(kafka.BootstrapServers, result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_UnknownGroupInBacklogMode_CountsEveryMessageAsNoCommit()
    {
        var topic = Topic("unknown-group-backlog", 1);
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 3);
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
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        kafka.Cluster.DeleteTopic(topic);
        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.StreamNotFound, result.Error.Kind);
        Assert.Contains(topic, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_OffsetFetchRefused_ReturnsNotAuthorized()
    {
        var (topic, group) = (Topic("refused", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        const short offsetFetch = 9;
        const int groupAuthorizationFailed = 30;

        kafka.Cluster.PushRequestErrors(offsetFetch, groupAuthorizationFailed);
        var result = await collector.CollectAsync(CancellationToken.None);
        kafka.Cluster.ClearRequestErrors(offsetFetch);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.NotAuthorized, result.Error.Kind);
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

    /// <summary>Collects until a snapshot satisfies <paramref name="done"/> (30 s deadline).</summary>
    private static async Task<LagSnapshot> PollUntilAsync(KafkaLagCollector collector, Func<LagSnapshot, bool> done)
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
