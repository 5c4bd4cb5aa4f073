using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Force12.Queues.Kinesis.Configuration;

/// <summary>Registers the <c>kinesis</c> source kind.</summary>
public static class KinesisBuilderExtensions
{
    /// <summary>Lets pipelines use <c>source: {kind: kinesis, ...}</c>.</summary>
    public static IForce12Builder AddKinesis(this IForce12Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILagSourceProvider, KinesisSourceProvider>());
        return builder;
    }
}
