using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Force12.Queues.Kafka.Configuration;

/// <summary>Registers the <c>kafka</c> source kind.</summary>
public static class KafkaBuilderExtensions
{
    /// <summary>Lets pipelines use <c>source: {kind: kafka, ...}</c>.</summary>
    public static IForce12Builder AddKafka(this IForce12Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILagSourceProvider, KafkaLagSourceProvider>());
        return builder;
    }
}
