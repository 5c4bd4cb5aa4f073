namespace Force12.Queues.Kubernetes.Tests;

/// <summary>Ownership: the orchestrator stands back from a workload an HPA or KEDA scales, and only from that one.</summary>
public sealed partial class KubernetesPodOrchestratorAgainstApiDoubleTests
{
    [Fact]
    public async Task Scale_WorkloadHasAHorizontalPodAutoscaler_RefusesAndLeavesTheCount()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload, replicas: 1);
        _api.AddAutoscaler(Namespace, "bulbs-cpu", "Deployment", Workload);

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ScaleAsync(Template, 5));

        Assert.Equal("Deployment iot/bulbs is scaled by HorizontalPodAutoscaler 'bulbs-cpu'; force12 does not act on it (remove the autoscaler, or use another target)", error.Message);
        Assert.Equal(1, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_WorkloadScaledByKeda_SaysSoNamingTheScaledObject()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload, replicas: 1);
        _api.AddAutoscaler(Namespace, "keda-hpa-bulbs-lag", "Deployment", Workload, new Dictionary<string, string> { [KubernetesOwnership.KedaScaledObjectLabel] = "bulbs-lag" });

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().StopPodsAsync("bulbs", ["any"]));

        Assert.Contains("HorizontalPodAutoscaler 'keda-hpa-bulbs-lag' (created by KEDA for ScaledObject 'bulbs-lag'); force12 does not act on it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_PausedKedaScaledObjectWithoutItsHpa_RefusesNamingTheScaledObject()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload, replicas: 1);
        _api.AddScaledObject(Namespace, "bulbs-lag", "Deployment", Workload, new Dictionary<string, string> { ["autoscaling.keda.sh/paused"] = "true" });

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ScaleAsync(Template, 5));

        Assert.Equal("Deployment iot/bulbs is scaled by KEDA ScaledObject 'bulbs-lag'; force12 does not act on it (remove the ScaledObject, or use another target)", error.Message);
        Assert.Equal(1, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_KedaInstalledWithScaledObjectsOfOtherWorkloads_Acts()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.AddScaledObject(Namespace, "meters-lag", "StatefulSet", Workload);
        _api.AddScaledObject(Namespace, "web", "Deployment", "web");

        await Orchestrator().ScaleAsync(Template, 2);

        Assert.Equal(2, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_RbacForbidsListingScaledObjects_ActsOnTheHpaCheckAlone()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.AddScaledObject(Namespace, "web", "Deployment", "web");
        _api.Cluster.Forbid("list", "scaledobjects");

        await Orchestrator().ScaleAsync(Template, 2);

        Assert.Equal(2, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_AutoscalerOfAnotherWorkload_DoesNotStopTheAgent()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.AddAutoscaler(Namespace, "web", "Deployment", "web");

        var result = await Orchestrator().ScaleAsync(Template, 2);

        Assert.Empty(result.Failures);
        Assert.Equal(2, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }
}
