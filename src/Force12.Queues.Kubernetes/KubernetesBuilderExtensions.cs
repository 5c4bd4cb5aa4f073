using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes;

/// <summary>Registers the <c>kubernetes</c> orchestrator kind on the agent's builder.</summary>
public static class KubernetesBuilderExtensions
{
    /// <summary>
    /// Lets pipelines use <c>orchestrator: { kind: kubernetes, target: { kind: Deployment, name: bulbs } }</c>: registers
    /// the <see cref="KubernetesOrchestratorProvider"/>, which creates the orchestrator from <c>orchestrators.kubernetes</c>;
    /// <paramref name="options"/> (defaults when null) gives the value of every key the section leaves out. Nothing reads
    /// a kubeconfig or connects while configuration is only being validated. Adding it twice keeps the first.
    /// Also registers the <see cref="KubernetesLeaderElectionProvider"/> that <c>leaderElection</c> uses (a Lease, reached
    /// with the kubeconfig and context of <paramref name="options"/>).
    /// </summary>
    public static IForce12Builder AddKubernetes(this IForce12Builder builder, KubernetesOrchestratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = options ?? new KubernetesOrchestratorOptions();
        builder.Services.TryAddSingleton<ILeaderElectionProvider>(s => new KubernetesLeaderElectionProvider(
            defaults, s.GetRequiredService<TimeProvider>(), s.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return builder.AddOrchestratorKind(s => new KubernetesOrchestratorProvider(defaults, s.Time, s.Loggers, s.Metrics));
    }
}
