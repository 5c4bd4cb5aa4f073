using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kafka.Lag;

/// <summary>What a <see cref="KafkaLagCollector"/> watches and how; immutable.</summary>
public sealed record KafkaLagCollectorOptions
{
    /// <summary>Comma-separated <c>host:port</c> list. Required.</summary>
    public string BootstrapServers { get; init; } = string.Empty;

    /// <summary>The consumer group id. Required.</summary>
    public string GroupId { get; init; } = string.Empty;

    /// <summary>Topics to watch; each must exist. Empty with no <see cref="TopicPattern"/> means every topic the group committed on.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>A regular expression (full match) selecting topics to watch, or null. Topics that appear later are picked up.</summary>
    public string? TopicPattern { get; init; }

    /// <summary>
    /// librdkafka properties passed straight to the clients (for example <c>security.protocol</c>,
    /// <c>sasl.mechanism</c>, <c>sasl.username</c>, <c>ssl.ca.location</c>). Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientConfig { get; init; } = new Dictionary<string, string>();

    /// <summary>Time limit of each Kafka request. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The group's <c>auto.offset.reset</c>, deciding what partitions without a commit count. Default earliest.</summary>
    public OffsetResetPolicy ResetPolicy { get; init; } = OffsetResetPolicy.Earliest;

    /// <summary>How the age of the oldest unprocessed message is obtained. Default <see cref="KafkaTimeLagMode.Estimated"/>.</summary>
    public KafkaTimeLagMode TimeLag { get; init; } = KafkaTimeLagMode.Estimated;

    /// <summary>What a group with no commits that the cluster does not know yields. Default <see cref="KafkaUnknownGroupMode.Error"/>;
    /// <see cref="KafkaUnknownGroupMode.Backlog"/> needs <see cref="Topics"/> or <see cref="TopicPattern"/>.</summary>
    public KafkaUnknownGroupMode UnknownGroup { get; init; } = KafkaUnknownGroupMode.Error;

    /// <summary>In <see cref="KafkaTimeLagMode.Estimated"/> mode, at most this many exact timestamp reads per poll
    /// for partitions the table cannot answer yet. Default 100; 0 turns them off.</summary>
    public int ExactLookupBudget { get; init; } = 100;

    /// <summary>Partitions per OffsetFetch and per ListOffsets request. Default 500: one request over
    /// 10,000 partitions is disproportionately slow in librdkafka (about 200 ms for OffsetFetch and
    /// 1 s or more for ListOffsets on the embedded cluster), 20 parallel batches take about 20 ms and 70 ms.</summary>
    public int PartitionsPerRequest { get; init; } = 500;

    /// <summary>OffsetFetch / ListOffsets requests in flight at once. Default 4.</summary>
    public int MaxParallelRequests { get; init; } = 4;

    /// <summary>Stall window, see <see cref="LagTrackerOptions.StallAfter"/>. Default 30 s.</summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <see cref="KafkaUnknownGroupMode.Backlog"/> without <see cref="Topics"/> or <see cref="TopicPattern"/>: a group
    /// that never committed has no topics of its own to watch.
    /// </summary>
    internal bool BacklogModeLacksTopics => UnknownGroup == KafkaUnknownGroupMode.Backlog && Topics.Count == 0 && TopicPattern is null;

    /// <summary>Every problem with these options, each as <c>&lt;key&gt;: &lt;problem&gt;</c> (see <see cref="KafkaLagCollectorOptionsValidator"/>); empty when valid.</summary>
    public IReadOnlyList<string> Validate() => KafkaLagCollectorOptionsValidator.Validate(this).Select(p => p.ToString()).ToArray();
}
