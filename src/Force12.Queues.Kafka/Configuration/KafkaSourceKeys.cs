using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Kafka.Configuration;

/// <summary>The keys of a <c>source</c> section of kind <c>kafka</c>, written once for the provider, its validator and the schema test.</summary>
public static class KafkaSourceKeys
{
    /// <summary><c>bootstrapServers</c>: <c>host:port[,host:port...]</c>. Required.</summary>
    public const string BootstrapServers = "bootstrapServers";

    /// <summary><c>group</c>: the consumer group id. Required.</summary>
    public const string Group = "group";

    /// <summary><c>topics</c>: topics to watch (list).</summary>
    public const string Topics = "topics";

    /// <summary><c>topicPattern</c>: a regular expression (full match) selecting topics.</summary>
    public const string TopicPattern = "topicPattern";

    /// <summary><c>resetPolicy</c>: <c>earliest</c> (default) or <c>latest</c>.</summary>
    public const string ResetPolicy = "resetPolicy";

    /// <summary><c>timeLag</c>: <c>estimated</c> (default) or <c>exact</c>.</summary>
    public const string TimeLag = "timeLag";

    /// <summary><c>unknownGroup</c>: <c>error</c> (default) or <c>backlog</c>.</summary>
    public const string UnknownGroup = "unknownGroup";

    /// <summary><c>requestTimeout</c>: time limit of each Kafka request (default 10s).</summary>
    public const string RequestTimeout = "requestTimeout";

    /// <summary><c>stallAfter</c>: stall window (default 30s).</summary>
    public const string StallAfter = "stallAfter";

    /// <summary><c>client</c>: librdkafka properties passed through.</summary>
    public const string Client = "client";

    /// <summary><c>clientSecretFiles</c>: librdkafka properties whose values are read from files.</summary>
    public const string ClientSecretFiles = "clientSecretFiles";

    /// <summary>Every key a <c>kafka</c> source accepts, <c>kind</c> included.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SourceKeys.Kind, BootstrapServers, Group, Topics, TopicPattern, ResetPolicy, TimeLag, UnknownGroup, RequestTimeout, StallAfter, Client, ClientSecretFiles];
}
