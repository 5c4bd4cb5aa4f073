using Force12.Queues.Core.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Keda;

/// <summary>Registers the <c>keda</c> orchestrator kind and its external scaler on the agent's builder.</summary>
public static class KedaBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: keda</c>: registers the <see cref="KedaOrchestratorProvider"/> (which reads
    /// <c>orchestrators.keda</c>; <paramref name="options"/>, defaults when null, gives every key the section leaves out)
    /// and a hosted service that serves KEDA's external scaler on <c>grpcAddress</c> while the agent runs, only when the
    /// configuration uses the kind. Adding it twice keeps the first.
    /// </summary>
    public static IForce12Builder AddKeda(this IForce12Builder builder, KedaOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = options ?? new KedaOrchestratorOptions();
        builder.AddOrchestratorKind(s => new KedaOrchestratorProvider(defaults, s.Time));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KedaScalerHostedService>(services =>
            new KedaScalerHostedService(services, services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)));
        return builder;
    }
}
