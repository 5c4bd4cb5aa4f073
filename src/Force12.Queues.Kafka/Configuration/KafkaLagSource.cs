using Force12.Queues.Core.Lag;
using Force12.Queues.Kafka.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kafka.Configuration;

/// <summary>A validated Kafka source of one pipeline; its collector takes its admin client from <paramref name="clients"/>,
/// shared with the other pipelines on the same cluster and client settings.</summary>
internal sealed class KafkaLagSource(KafkaLagCollectorOptions options, KafkaAdminClientPool clients) : ILagSource
{
    public string Kind => KafkaLagCollector.KindName;

    public KafkaLagCollectorOptions Options { get; } = options;

    public string Description => Options.TopicPattern is { } pattern
        ? $"kafka {Options.BootstrapServers} group {Options.GroupId}, topics matching {pattern}"
        : $"kafka {Options.BootstrapServers} group {Options.GroupId}, topics {(Options.Topics.Count == 0 ? "(all committed)" : string.Join(",", Options.Topics))}";

    public ILagCollector CreateCollector(LagCollectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options;
        return new KafkaLagCollector(options, () => new ConfluentOffsetsClient(options, clients), context.TimeProvider,
            context.LoggerFactory.CreateLogger<KafkaLagCollector>());
    }
}
