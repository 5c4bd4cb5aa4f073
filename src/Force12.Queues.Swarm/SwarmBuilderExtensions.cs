using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Swarm;

/// <summary>Registers the <c>swarm</c> orchestrator kind on the agent's builder.</summary>
public static class SwarmBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: swarm, service: NAME }</c>: registers the
    /// <see cref="SwarmOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.swarm</c> section; <paramref name="options"/> (defaults when null) gives the value of every key the
    /// section leaves out. Nothing connects to the engine while configuration is only being validated. Adding it twice
    /// keeps the first.
    /// </summary>
    public static IForce12Builder AddSwarm(this IForce12Builder builder, SwarmOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = options ?? new SwarmOrchestratorOptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestratorProvider, SwarmOrchestratorProvider>(services => new SwarmOrchestratorProvider(
            defaults,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)));
        return builder;
    }
}
