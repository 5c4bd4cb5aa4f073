using Confluent.Kafka;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Lag;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Kafka.Tests.Lag;

public sealed class KafkaLagCollectorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeOffsetsClient _client = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _client.Dispose();

    private KafkaLagCollector Collector(Func<KafkaLagCollectorOptions, KafkaLagCollectorOptions>? tune = null)
    {
        var options = new KafkaLagCollectorOptions { BootstrapServers = "kafka:9092", GroupId = "lights", Topics = ["bulbs"] };
        return new KafkaLagCollector(tune?.Invoke(options) ?? options, () => _client, _time, null);
    }

    [Fact]
    public async Task CollectAsync_ManyPartitions_UsesOneOffsetFetchAndOneBulkOffsetsRead()
    {
        _client.AddTopic("bulbs", 500, start: 0, end: 100, committed: 90);
        using var collector = Collector();

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(500 * 10, result.Snapshot.Totals.Lag);
        Assert.Equal((1, 1), (_client.OffsetFetchCalls, _client.ListOffsetsCalls));
    }

    [Fact]
    public async Task CollectAsync_PartitionCountGrows_NewPartitionsAppearWithoutCommit()
    {
        _client.AddTopic("bulbs", 4, start: 0, end: 10, committed: 10);
        using var collector = Collector();
        await collector.CollectAsync(CancellationToken.None);

        _client.Topics["bulbs"] = 6;
        _client.Offsets[new TopicPartition("bulbs", 4)] = (0, 7);
        _client.Offsets[new TopicPartition("bulbs", 5)] = (0, 0);
        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(6, result.Snapshot!.Units.Count);
        Assert.Equal((7L, LagUnitStatus.NoCommit), (result.Snapshot.Units[4].Lag, result.Snapshot.Units[4].Status));
    }

    [Theory]
    [InlineData(ErrorCode.Local_AllBrokersDown, LagErrorKind.Unreachable)]
    [InlineData(ErrorCode.Local_TimedOut, LagErrorKind.Unreachable)]
    [InlineData(ErrorCode.SaslAuthenticationFailed, LagErrorKind.AuthenticationFailed)]
    [InlineData(ErrorCode.Local_Ssl, LagErrorKind.AuthenticationFailed)]
    [InlineData(ErrorCode.GroupAuthorizationFailed, LagErrorKind.NotAuthorized)]
    [InlineData(ErrorCode.UnknownTopicOrPart, LagErrorKind.StreamNotFound)]
    [InlineData(ErrorCode.InvalidMsg, LagErrorKind.Other)]
    public async Task CollectAsync_KafkaError_IsATypedFailureNamingClusterAndGroup(ErrorCode code, LagErrorKind expected)
    {
        _client.FailWith = new KafkaException(new Error(code, "boom"));
        using var collector = Collector();

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Snapshot);
        Assert.Equal(expected, result.Error.Kind);
        Assert.Equal(("kafka:9092", "lights"), (result.Error.Cluster, result.Error.Group));
        Assert.Contains("boom", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_SomePartitionsFail_IsAPartialFailureNotASmallerLag()
    {
        _client.FailWith = new PartitionReadException("ListOffsets", 10, [(new TopicPartition("bulbs", 3), new Error(ErrorCode.NotLeaderForPartition))]);
        using var collector = Collector();

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(LagErrorKind.PartialFailure, result.Error!.Kind);
        Assert.Contains("bulbs[3]", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_EveryPartitionFailsAlike_IsThatFailure()
    {
        _client.FailWith = new PartitionReadException("ListOffsets", 1, [(new TopicPartition("bulbs", 0), new Error(ErrorCode.TopicAuthorizationFailed))]);
        using var collector = Collector();

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(LagErrorKind.NotAuthorized, result.Error!.Kind);
    }

    [Fact]
    public async Task CollectAsync_AfterUnreachable_StartsWithAFreshClient()
    {
        _client.FailWith = new KafkaException(ErrorCode.Local_AllBrokersDown);
        using var collector = Collector();

        var client = _client;
        await collector.CollectAsync(CancellationToken.None);

        Assert.True(client.Disposed);
    }

    [Fact]
    public async Task CollectAsync_ExactMode_ReadsEveryLaggingPartitionAtItsNextOffset()
    {
        _client.AddTopic("bulbs", 3, start: 0, end: 10, committed: 10);
        _client.Committed[new TopicPartition("bulbs", 1)] = 4;
        _client.Timestamps[new TopicPartition("bulbs", 1)] = Now.AddSeconds(-42);
        using var collector = Collector(o => o with { TimeLag = KafkaTimeLagMode.Exact });

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal([new TopicPartitionOffset("bulbs", 1, 4)], _client.TimestampRequests.Single());
        Assert.Equal(42, result.Snapshot!.Units[1].LagSeconds);
    }

    [Fact]
    public async Task CollectAsync_EstimatedMode_SpendsTheExactBudgetOnTheLargestLagsOnly()
    {
        _client.AddTopic("bulbs", 5, start: 0, end: 100, committed: null);
        for (var p = 0; p < 5; p++)
        {
            _client.Committed[new TopicPartition("bulbs", p)] = p * 10; // partition 0 lags most
        }

        using var collector = Collector(o => o with { ExactLookupBudget = 2 });
        await collector.CollectAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await collector.CollectAsync(CancellationToken.None);

        Assert.Equal([0, 1], _client.TimestampRequests[0].Select(p => p.Partition.Value));
        Assert.Equal([0, 1], _client.TimestampRequests[1].Select(p => p.Partition.Value)); // table still older than the commits
    }

    [Fact]
    public async Task CollectAsync_GroupWithoutAnyCommit_IsUnknownGroupUnlessTheClusterKnowsIt()
    {
        _client.AddTopic("bulbs", 2, start: 0, end: 10, committed: null);
        using var collector = Collector();

        var unknown = await collector.CollectAsync(CancellationToken.None);
        _client.GroupExists = true;
        var known = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(LagErrorKind.UnknownGroup, unknown.Error!.Kind);
        Assert.True(known.Succeeded);
        Assert.All(known.Snapshot.Units, u => Assert.Equal(LagUnitStatus.NoCommit, u.Status));
    }

    [Theory]
    [InlineData(OffsetResetPolicy.Earliest, 7L)]
    [InlineData(OffsetResetPolicy.Latest, 0L)]
    public async Task CollectAsync_UnknownGroupInBacklogMode_MeasuresEveryPartitionAsNoCommitWithoutAskingTheCluster(
        OffsetResetPolicy policy, long expectedLagPerPartition)
    {
        _client.AddTopic("bulbs", 2, start: 3, end: 10, committed: null);
        using var collector = Collector(o => o with { UnknownGroup = KafkaUnknownGroupMode.Backlog, ResetPolicy = policy });

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.True(result.Succeeded, $"collection failed: {result.Error}");
        Assert.Equal([expectedLagPerPartition, expectedLagPerPartition], result.Snapshot.Units.Select(u => u.Lag));
        Assert.All(result.Snapshot.Units, u => Assert.Equal(LagUnitStatus.NoCommit, u.Status));
        Assert.Equal(0, _client.GroupExistsCalls);
    }

    [Fact]
    public void Validate_BacklogForUnknownGroupWithoutTopics_NamesUnknownGroup()
    {
        var options = new KafkaLagCollectorOptions { BootstrapServers = "kafka:9092", GroupId = "lights", UnknownGroup = KafkaUnknownGroupMode.Backlog };

        Assert.Equal(
            ["unknownGroup: 'backlog' needs topics or topicPattern: a group that never committed has no topics of its own to watch"],
            options.Validate());
    }

    [Fact]
    public async Task CollectAsync_TopicPattern_WatchesEveryMatchingTopic()
    {
        _client.AddTopic("bulbs-eu", 1, 0, 5, 1);
        _client.AddTopic("bulbs-us", 1, 0, 5, 2);
        _client.AddTopic("switches", 1, 0, 5, 3);
        using var collector = Collector(o => o with { Topics = [], TopicPattern = "bulbs-.*" });

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(["bulbs-eu", "bulbs-us"], result.Snapshot!.Units.Select(u => u.Id.Stream));
    }

    [Fact]
    public async Task CollectAsync_OffsetsMissingForAPartition_FailsInsteadOfReportingLess()
    {
        _client.AddTopic("bulbs", 3, start: 0, end: 10, committed: 5);
        _client.Offsets.Remove(new TopicPartition("bulbs", 2));
        using var collector = Collector();

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(LagErrorKind.PartialFailure, result.Error!.Kind);
        Assert.Contains("bulbs[2]", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_PatternMatchesNothing_IsStreamNotFound()
    {
        _client.AddTopic("switches", 1, 0, 5, 3);
        using var collector = Collector(o => o with { Topics = [], TopicPattern = "bulbs-.*" });

        var result = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(LagErrorKind.StreamNotFound, result.Error!.Kind);
        Assert.Contains("bulbs-.*", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_DeepAndShallowPartitions_ReportsRawLagAndLeavesHotToThePolicy()
    {
        _client.AddTopic("bulbs", 2, start: 0, end: 1000, committed: 990);
        _client.Committed[new TopicPartition("bulbs", 1)] = 0;
        using var collector = Collector(o => o);

        var units = (await collector.CollectAsync(CancellationToken.None)).Snapshot!.Units;

        Assert.Equal([(10L, LagUnitStatus.Ok), (1000L, LagUnitStatus.Ok)], units.Select(u => (u.Lag, u.Status)));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryField()
    {
        var options = new KafkaLagCollectorOptions { TopicPattern = "([", RequestTimeout = TimeSpan.Zero, PartitionsPerRequest = 0 };

        var error = Assert.Throws<ArgumentException>(() => new KafkaLagCollector(options));

        Assert.Equal(
            "Invalid Kafka lag collector options: bootstrapServers: is required (host:port[,host:port...]); group: is required; " +
            "topicPattern: '([' is not a valid regular expression; requestTimeout: must be positive (was 0s); " +
            "partitionsPerRequest: must be at least 1 (was 0) (Parameter 'options')",
            error.Message);
    }
}
