using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Core.Agent;

/// <summary>What the agent's container hands every orchestrator provider it creates.</summary>
/// <param name="Time">The clock (the container's <see cref="TimeProvider"/>, the system clock unless a test replaced it).</param>
/// <param name="Loggers">The logger factory (a null one when the container has none).</param>
/// <param name="Metrics">The pod metrics, when the host registered them.</param>
public sealed record OrchestratorServices(TimeProvider Time, ILoggerFactory Loggers, PodMetrics? Metrics);

/// <summary>The one way an orchestrator kind's <c>AddX()</c> registers its <see cref="IPodOrchestratorProvider"/>.</summary>
public static class OrchestratorKindRegistration
{
    /// <summary>
    /// Registers the provider <paramref name="create"/> makes from <see cref="OrchestratorServices"/>, once: adding the
    /// same provider type twice keeps the first. Registers the system clock unless a clock is registered already.
    /// </summary>
    public static IForce12Builder AddOrchestratorKind<TProvider>(this IForce12Builder builder, Func<OrchestratorServices, TProvider> create)
        where TProvider : class, IPodOrchestratorProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestratorProvider, TProvider>(services => create(new OrchestratorServices(
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            services.GetService<PodMetrics>()))));
        return builder;
    }
}
