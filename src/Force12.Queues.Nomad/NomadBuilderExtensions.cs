using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Nomad;

/// <summary>Registers the <c>nomad</c> orchestrator kind on the agent's builder.</summary>
public static class NomadBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: nomad, job: ..., group: ... }</c>: registers the
    /// <see cref="NomadOrchestratorProvider"/>, which creates the orchestrator from the configuration's
    /// <c>orchestrators.nomad</c> section; <paramref name="options"/> (defaults when null) gives the value of every key
    /// the section leaves out. Nothing connects to Nomad while configuration is only being validated. Adding it twice
    /// keeps the first.
    /// </summary>
    public static IForce12Builder AddNomad(this IForce12Builder builder, NomadOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = options ?? new NomadOrchestratorOptions();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodOrchestratorProvider, NomadOrchestratorProvider>(services => new NomadOrchestratorProvider(
            defaults,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)));
        return builder;
    }
}
