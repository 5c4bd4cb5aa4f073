using Force12.Queues.Core.Pods;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes.Tests;

/// <summary>
/// The shared engine contract for the <c>kubernetes</c> orchestrator, run against <see cref="KubernetesApiDouble"/> (a
/// double of the Kubernetes API, not a cluster): a Deployment in namespace <c>iot</c> whose pods the double's
/// ReplicaSet controller creates and removes.
/// </summary>
public sealed class KubernetesPodOrchestratorAgainstApiDoubleContractTests : EngineOrchestratorContractTests
{
    private const string Namespace = "iot";
    private KubernetesApiDouble? _double;

    private KubernetesApiDouble Api => _double ?? throw new InvalidOperationException("the Kubernetes API double was not started");

    protected override string TargetName => Pipeline + "-workload";

    protected override async Task CreateTargetAsync()
    {
        _double = await KubernetesApiDouble.StartAsync();
        Api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, TargetName);
    }

    protected override IPodOrchestrator CreateOrchestratorCore()
    {
        var targets = new Dictionary<string, KubernetesTarget> { [Pipeline] = new(KubernetesWorkloadKind.Deployment, Namespace, TargetName) };
        return new KubernetesPodOrchestrator(targets, Api.CreateClient, TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance);
    }

    protected override PodTemplate CreateTemplate() => PodTemplate.DefinedByEngine(Pipeline);

    protected override Task KillPodFromOutsideAsync(PodInfo pod)
    {
        Api.DeletePod(Namespace, pod.Id);
        return Task.CompletedTask;
    }

    protected override Task InjectConflictOnNextWriteAsync()
    {
        Api.Cluster.InjectConflicts(1);
        return Task.CompletedTask;
    }

    protected override Task<IUnlabelledWorkload> StartUnrelatedAsync()
    {
        Api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, "unrelated", replicas: 1);
        return Task.FromResult<IUnlabelledWorkload>(new UnrelatedDeployment(Api));
    }

    protected override Task RemoveTargetAsync()
    {
        Api.RemoveWorkload(Namespace, TargetName);
        return Task.CompletedTask;
    }

    protected override async Task CleanupAsync()
    {
        if (_double is not null)
        {
            await _double.DisposeAsync();
        }
    }

    private sealed class UnrelatedDeployment(KubernetesApiDouble api) : IUnlabelledWorkload
    {
        public async Task<bool> IsRunningAsync()
        {
            // Its one pod must come up and stay: wait for it rather than sample once.
            var pods = api.PodsOf(Namespace, "unrelated");
            await Force12.Queues.Testing.Eventually.HoldsAsync(
                () => Task.FromResult((pods = api.PodsOf(Namespace, "unrelated")).Count(p => p.Ready) == 1 || pods.Any(p => p.Deleting)),
                TimeSpan.FromSeconds(30), () => "the unrelated Deployment's one pod ready");
            return api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, "unrelated") == 1 && pods.Count == 1 && !pods[0].Deleting;
        }

        public ValueTask DisposeAsync()
        {
            api.RemoveWorkload(Namespace, "unrelated");
            return ValueTask.CompletedTask;
        }
    }
}
