using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.RabbitMQ.Lag;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Force12.Queues.RabbitMQ.Configuration;

/// <summary>Registers the <c>rabbitmq</c> source kind.</summary>
public static class RabbitMqBuilderExtensions
{
    /// <summary>Lets pipelines use <c>source: {kind: rabbitmq, queues: [...]}</c>.</summary>
    public static IForce12Builder AddRabbitMq(this IForce12Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILagSourceProvider, RabbitMqLagSourceProvider>());
        return builder;
    }
}
