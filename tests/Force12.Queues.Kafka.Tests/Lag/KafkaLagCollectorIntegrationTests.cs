using Confluent.Kafka;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>What the Kafka collector measures on the embedded cluster: exact lag, reset policies, retention, time lag, stalls.</summary>
[Collection(EmbeddedKafkaGroup.Name)]
public sealed class KafkaLagCollectorIntegrationTests(EmbeddedKafkaFixture kafka) : KafkaCollectorTestBase(kafka)
{
    [Fact]
    public async Task CollectAsync_PartialConsumptionAcrossTopics_ReportsExactLagPerPartition()
    {
        var (bulbs, switches, group) = (Topic("bulbs", 3), Topic("switches", 2), EmbeddedKafkaFixture.UniqueName("group"));
        for (var p = 0; p < 3; p++)
        {
            await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, bulbs, p, 10);
        }

        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, switches, 0, 8);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, switches, 1, 5);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, bulbs, new Dictionary<int, int> { [0] = 3, [1] = 10, [2] = 7 });
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, switches, new Dictionary<int, int> { [0] = 2, [1] = 1 });
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
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 4);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 1, 6);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 4 });
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
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 10);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 1, 10);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 2 });
        Kafka.Cluster.DeleteRecords(topic, 0, beforeOffset: 6);
        Kafka.Cluster.DeleteRecords(topic, 1, beforeOffset: 3);
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
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 3);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 1 });
        using var collector = Collector(group, [topic]);
        var before = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));

        Kafka.Cluster.DeleteTopic(topic);
        Kafka.Cluster.CreateTopic(topic, partitions: 4);
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 3, 5);
        KafkaTestClient.Commit(Kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 0)); // the mock drops a deleted topic's offsets
        var after = await PollUntilAsync(collector, s => s.Units.Count == 4);

        Assert.Equal(2, before.Units.Count);
        Assert.Equal(5, Unit(after, topic, 3).Lag);
    }

    [Fact]
    public async Task CollectAsync_ExactMode_ReportsProducerTimestampAge()
    {
        var time = new FakeTimeProvider(Start);
        var (topic, group) = (Topic("exact", 2), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 10, i => Start.AddSeconds(-100 + i));
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 1, 10, i => Start.AddSeconds(-50 + i));
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 4, [1] = 10 });
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
        KafkaTestClient.Commit(Kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 0));
        using var collector = Collector(group, [topic], time, o => o with { ExactLookupBudget = 0 });
        var produced = new List<DateTimeOffset>();
        LagSnapshot? last = null;

        // Each poll interval, 10 messages arrive stamped with the (fake) time they were produced.
        for (var step = 0; step < 6; step++)
        {
            var at = time.GetUtcNow();
            await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 10, _ => at);
            produced.AddRange(Enumerable.Repeat(at, 10));
            time.Advance(poll);
            last = AssertSucceeded(await collector.CollectAsync(CancellationToken.None));
        }

        KafkaTestClient.Commit(Kafka.BootstrapServers, group, new TopicPartitionOffset(topic, 0, 25));
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
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 5, i => Start.AddSeconds(-30 + i));
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 2 });
        using var collector = Collector(group, [topic], time);

        var unit = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        Assert.Equal((28.0, TimeLagMethod.Exact), (unit.LagSeconds, unit.LagSecondsMethod));
    }

    [Fact]
    public async Task CollectAsync_GroupStopsCommittingWhileMessagesArrive_ReportsStalled()
    {
        var time = new FakeTimeProvider(Start);
        var (topic, group) = (Topic("stall", 1), EmbeddedKafkaFixture.UniqueName("group"));
        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 10);
        KafkaTestClient.ConsumeAndCommit(Kafka.BootstrapServers, group, topic, new Dictionary<int, int> { [0] = 5 });
        using var collector = Collector(group, [topic], time, o => o with { StallAfter = TimeSpan.FromSeconds(30) });
        var first = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        await KafkaTestClient.ProduceAsync(Kafka.BootstrapServers, topic, 0, 10);
        time.Advance(TimeSpan.FromSeconds(31));
        var second = Unit(AssertSucceeded(await collector.CollectAsync(CancellationToken.None)), topic, 0);

        Assert.Equal(LagUnitStatus.Ok, first.Status);
        Assert.Equal((LagUnitStatus.Stalled, 15L), (second.Status, second.Lag));
    }
}
