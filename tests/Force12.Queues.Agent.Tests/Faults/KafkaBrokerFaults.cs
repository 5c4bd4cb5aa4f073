using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// Broker faults the embedded cluster (librdkafka's mock brokers) can inject, each with how to undo it and whether the
/// collector must fail on it (<c>MustFail</c>) or may instead answer with the true backlog (the client may retry
/// some errors within the request timeout and succeed).
/// </summary>
internal sealed record KafkaBrokerFault(string Name, Action<EmbeddedKafkaCluster> Apply, Action<EmbeddedKafkaCluster> Clear, bool MustFail)
{
    // Kafka protocol API keys and error codes (from the protocol's published tables).
    private const short ListOffsets = 2, Metadata = 3, OffsetFetch = 9, FindCoordinator = 10;
    private const int UnknownServerError = -1, UnknownTopicOrPartition = 3, LeaderNotAvailable = 5, NotLeaderOrFollower = 6,
        RequestTimedOut = 7, CoordinatorNotAvailable = 15, NotCoordinator = 16, GroupAuthorizationFailed = 30;

    // Enough queued errors for every request of a fault's ticks; cleared when the fault ends.
    private const int Repeats = 2_000;

    /// <summary>Every fault but the topic's deletion (which needs the topic's name and comes last).</summary>
    public static IReadOnlyList<KafkaBrokerFault> All() =>
    [
        RequestErrors("OffsetFetch refused: GROUP_AUTHORIZATION_FAILED", OffsetFetch, GroupAuthorizationFailed, mustFail: true),
        RequestErrors("OffsetFetch: COORDINATOR_NOT_AVAILABLE", OffsetFetch, CoordinatorNotAvailable, mustFail: false),
        RequestErrors("OffsetFetch: NOT_COORDINATOR", OffsetFetch, NotCoordinator, mustFail: false),
        RequestErrors("OffsetFetch: UNKNOWN_TOPIC_OR_PARTITION", OffsetFetch, UnknownTopicOrPartition, mustFail: false),
        RequestErrors("OffsetFetch: UNKNOWN_SERVER_ERROR", OffsetFetch, UnknownServerError, mustFail: false),
        RequestErrors("ListOffsets: NOT_LEADER_OR_FOLLOWER", ListOffsets, NotLeaderOrFollower, mustFail: false),
        RequestErrors("ListOffsets: REQUEST_TIMED_OUT", ListOffsets, RequestTimedOut, mustFail: false),
        RequestErrors("ListOffsets: UNKNOWN_SERVER_ERROR", ListOffsets, UnknownServerError, mustFail: false),
        RequestErrors("Metadata: LEADER_NOT_AVAILABLE", Metadata, LeaderNotAvailable, mustFail: false),
        RequestErrors("FindCoordinator: COORDINATOR_NOT_AVAILABLE", FindCoordinator, CoordinatorNotAvailable, mustFail: false),
        new("one broker of three down (its partitions leaderless)", c => c.SetBrokerDown(2), c => c.SetBrokerUp(2), MustFail: false),
        new("every broker down", EveryBroker(down: true), EveryBroker(down: false), MustFail: true),
    ];

    /// <summary>The topic deleted; undone by <paramref name="recreate"/> (the topic made again with the same backlog).</summary>
    public static KafkaBrokerFault TopicDeleted(string topic, Action<EmbeddedKafkaCluster> recreate) =>
        new("topic deleted", c => c.DeleteTopic(topic), recreate, MustFail: true);

    private static KafkaBrokerFault RequestErrors(string name, short apiKey, int error, bool mustFail) =>
        new(name, c => c.PushRequestErrors(apiKey, Enumerable.Repeat(error, Repeats).ToArray()), c => c.ClearRequestErrors(apiKey), mustFail);

    private static Action<EmbeddedKafkaCluster> EveryBroker(bool down) => cluster =>
    {
        for (var broker = 1; broker <= cluster.Brokers; broker++)
        {
            if (down)
            {
                cluster.SetBrokerDown(broker);
            }
            else
            {
                cluster.SetBrokerUp(broker);
            }
        }
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
