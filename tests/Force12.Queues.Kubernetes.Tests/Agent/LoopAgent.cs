using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Capacity;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Core.Pods;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Kubernetes.Leadership;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing.Lag;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes.Tests.Agent;

/// <summary>
/// One agent replica in a test: its own <see cref="ControlLoop"/>, Lease elector and <c>kubernetes</c> orchestrator, all
/// against the same <see cref="KubernetesApiDouble"/>, each request naming the agent. It can stop as the agent does on
/// SIGTERM (loop first, then the Lease released), die (cut off from the API server, nothing released), or lose only its
/// Lease connection while its loop keeps running (the fence must keep it from acting).
/// </summary>
internal sealed class LoopAgent : IAsyncDisposable
{
    public const string Namespace = "iot";
    public const string Workload = "bulbs";
    public const string LeaseName = "force12-agent";

    private readonly DoubleAgentHandler _leaseLink;
    private readonly DoubleAgentHandler _workloadLink;
    private readonly ControlLoop _loop;
    private readonly CancellationTokenSource _loopStop = new();
    private readonly CancellationTokenSource _electionStop = new();
    private Task _running = Task.CompletedTask;
    private Task _campaign = Task.CompletedTask;

    public LoopAgent(string identity, KubernetesApiDouble api, LeaderElectionOptions options)
    {
        Identity = identity;
        _leaseLink = new DoubleAgentHandler(identity);
        _workloadLink = new DoubleAgentHandler(identity);
        Elector = new KubernetesLeaseElector(options with { Namespace = Namespace, LeaseName = LeaseName }, identity,
            () => new KubernetesLeaseApi(api.CreateClient(_leaseLink), Namespace, LeaseName), TimeProvider.System, NullLogger.Instance);
        var orchestrator = new KubernetesPodOrchestrator(
            new Dictionary<string, KubernetesTarget> { [Workload] = new(KubernetesWorkloadKind.Deployment, Namespace, Workload) },
            () => api.CreateClient(_workloadLink), TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance);
        _loop = new ControlLoop(
            new AgentConfiguration { PollInterval = TimeSpan.FromMilliseconds(200), Capacity = new CapacityPool { PodSlots = 10 }, Pipelines = [Pipeline()] },
            new Dictionary<string, ILagCollector> { [Workload] = new CyclingDemandCollector() },
            new Dictionary<string, IPodOrchestrator> { [KubernetesPodOrchestrator.KindName] = orchestrator },
            Board, new CompositeLoopObserver([]), TimeProvider.System, NullLogger<ControlLoop>.Instance, Elector);
    }

    public string Identity { get; }

    public KubernetesLeaseElector Elector { get; }

    public AgentStatusBoard Board { get; } = new();

    /// <summary>Starts the campaign and the loop, as the agent's host does.</summary>
    public void Start()
    {
        _campaign = Elector.RunAsync(_electionStop.Token);
        _running = _loop.RunAsync(_loopStop.Token);
    }

    /// <summary>A requested stop: the loop ends (its calls in flight finish), then the Lease is released.</summary>
    public async Task StopAsync()
    {
        await _loopStop.CancelAsync();
        await _running;
        await _electionStop.CancelAsync();
        await _campaign;
    }

    /// <summary>Dies: no request of this agent reaches the API server any more, so nothing is released.</summary>
    public async Task KillAsync()
    {
        _leaseLink.Severed = true;
        _workloadLink.Severed = true;
        await StopAsync();
    }

    /// <summary>Cuts the Lease connection only: the loop keeps ticking and would act if the fence let it.</summary>
    public void LoseLeaseConnection() => _leaseLink.Severed = true;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _loopStop.Dispose();
        _electionStop.Dispose();
    }

    private static PipelineConfiguration Pipeline() => new()
    {
        Name = Workload,
        Policy = new SlaPolicyOptions
        {
            Sla = TimeSpan.FromSeconds(10), MinPods = 0, MaxPods = 3, PerPodThroughputPrior = 100, ScaleDownStabilisation = TimeSpan.Zero,
        },
        Source = new ScriptedLagSource(),
        OrchestratorKind = KubernetesPodOrchestrator.KindName,
        OrchestratorSettings = new KubernetesPipelineSettings { Kind = KubernetesWorkloadKind.Deployment, Name = Workload, Namespace = Namespace },
        Pod = PodTemplate.DefinedByEngine(Workload),
    };
}
