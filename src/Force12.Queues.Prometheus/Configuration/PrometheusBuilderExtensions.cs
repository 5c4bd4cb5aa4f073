using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;
using Force12.Queues.Prometheus.Lag;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Force12.Queues.Prometheus.Configuration;

/// <summary>Registers the <c>prometheus</c> source kind.</summary>
public static class PrometheusBuilderExtensions
{
    /// <summary>Lets pipelines use <c>source: {kind: prometheus, demandQuery: ..., perPodRate: ...}</c>.</summary>
    public static IForce12Builder AddPrometheus(this IForce12Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILagSourceProvider, PrometheusLagSourceProvider>());
        return builder;
    }
}
