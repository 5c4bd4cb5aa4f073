using Force12.Queues.Core.Leadership;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>
/// Creates the <see cref="ILeadership"/> for <c>leaderElection</c>: a <see cref="KubernetesLeaseElector"/> on the Lease
/// <c>leaderElection.namespace/leaseName</c>, reached like the orchestrator's API server (in-cluster configuration when
/// <c>KUBERNETES_SERVICE_HOST</c> is set, else the kubeconfig of <see cref="KubernetesOrchestratorOptions"/>, by default
/// <c>KUBECONFIG</c> or <c>~/.kube/config</c>). The identity defaults to <c>POD_NAME</c>, else the host name.
/// </summary>
public sealed class KubernetesLeaderElectionProvider : ILeaderElectionProvider, IDisposable
{
    private readonly KubernetesOrchestratorOptions _connection;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly List<IDisposable> _clients = [];

    /// <summary>Creates the provider; <paramref name="connection"/> names the kubeconfig and context (none: in-cluster or the default file).</summary>
    public KubernetesLeaderElectionProvider(KubernetesOrchestratorOptions connection, TimeProvider time, ILoggerFactory loggers)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
    }

    /// <summary>The identity an agent uses when <c>leaderElection.identity</c> is not set: <c>POD_NAME</c>, else the host name.</summary>
    public static string DefaultIdentity =>
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName;

    /// <inheritdoc />
    public ILeadership Create(LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KubernetesLeaseElector(options, options.Identity ?? DefaultIdentity, () =>
        {
            var client = new k8s.Kubernetes(KubernetesClientConfigurations.Build(_connection));
            lock (_clients)
            {
                _clients.Add(client);
            }

            return new KubernetesLeaseApi(client, options.Namespace, options.LeaseName);
        }, _time, _loggers.CreateLogger<KubernetesLeaseElector>());
    }

    /// <summary>Disposes the clients the electors created.</summary>
    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }
    }
}
