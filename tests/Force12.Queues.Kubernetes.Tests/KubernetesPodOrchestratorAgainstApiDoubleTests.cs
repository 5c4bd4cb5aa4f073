using System.Net;
using System.Net.Sockets;
using Force12.Queues.Core.Pods;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes.Tests;

/// <summary>
/// What the <c>kubernetes</c> orchestrator does beyond the shared contract, against <see cref="KubernetesApiDouble"/> (a
/// double of the Kubernetes API, not a cluster): chosen victims on scale-down, standing back from an HPA or KEDA,
/// errors that name the workload and the API server, bounded conflict retries, StatefulSets.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed partial class KubernetesPodOrchestratorAgainstApiDoubleTests : IAsyncLifetime
{
    private const string Namespace = "iot";
    private const string Workload = "bulbs";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly PodTemplate Template = PodTemplate.DefinedByEngine("bulbs");
    private KubernetesApiDouble _api = null!;

    public async Task InitializeAsync() => _api = await KubernetesApiDouble.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task StopPods_TwoChosenOfFour_ExactlyTheChosenPodsAreGone()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload, replicas: 4);
        var orchestrator = Orchestrator();
        var pods = await AwaitReadyAsync(orchestrator, 4);
        // All four were created in one controller pass and are equally ready: left alone the controller removes the first
        // two it created, so choosing the last two shows that the annotation, not the controller's default, picked them.
        var chosen = _api.PodsOf(Namespace, Workload).TakeLast(2).Select(p => p.Name).ToList();

        var result = await orchestrator.StopPodsAsync("bulbs", chosen);

        Assert.Equal(chosen.Order(), result.Stopped.Order());
        Assert.Equal(2, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
        var remaining = await AwaitReadyAsync(orchestrator, 2);
        Assert.Equal(pods.Select(p => p.Id).Except(chosen).Order(), remaining.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Scale_FourToTwo_TheVictimsItReportsAreExactlyThePodsGone()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        var orchestrator = Orchestrator();
        await orchestrator.ScaleAsync(Template, 4);
        var before = await AwaitReadyAsync(orchestrator, 4);

        var result = await orchestrator.ScaleAsync(Template, 2);

        Assert.Equal(2, result.Stopped.Count);
        Assert.All(_api.PodsOf(Namespace, Workload).Where(p => result.Stopped.Contains(p.Name)), p => Assert.Equal(KubernetesPodDeletionCost.VictimCost, p.Cost));
        var after = await AwaitReadyAsync(orchestrator, 2);
        Assert.Equal(before.Select(p => p.Id).Except(result.Stopped).Order(), after.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Scale_RbacForbidsThePatch_ErrorNamesTheWorkloadTheServerAndTheDeniedVerb()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.Cluster.Forbid("patch", "deployments/scale");

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ScaleAsync(Template, 2));

        Assert.StartsWith($"Deployment iot/bulbs: setting replicas to 2 failed: the Kubernetes API server at {_api.Address} answered 403 Forbidden: deployments.apps \"bulbs\" is forbidden: User \"system:serviceaccount:force12:force12-agent\" cannot patch resource \"deployments/scale\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("(RBAC: the agent needs get and patch on deployments/scale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPods_RbacForbidsListingPods_ErrorNamesTheWorkload()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.Cluster.Forbid("list", "pods");

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ListPodsAsync("bulbs"));

        Assert.StartsWith("Deployment iot/bulbs: listing its pods failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden: pods is forbidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPods_MissingWorkload_ErrorSaysWhatToCheck()
    {
        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ListPodsAsync("bulbs"));

        Assert.Equal(
            $"Deployment iot/bulbs: reading the scale failed: the Kubernetes API server at {_api.Address} answered 404 NotFound: deployments.apps \"bulbs\" not found (does the Deployment 'bulbs' exist in namespace 'iot'?)",
            error.Message);
    }

    [Fact]
    public async Task Scale_ApiServerUnreachable_ErrorNamesTheWorkloadAndTheServer()
    {
        var closed = ClosedPort();
        var targets = new Dictionary<string, KubernetesTarget> { ["bulbs"] = new(KubernetesWorkloadKind.Deployment, Namespace, Workload) };
        var orchestrator = new KubernetesPodOrchestrator(
            targets, () => new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = closed.ToString() }), TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance);

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => orchestrator.ScaleAsync(Template, 2));

        Assert.StartsWith($"Deployment iot/bulbs: listing the HorizontalPodAutoscalers of its namespace failed: cannot reach the Kubernetes API server at {closed}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_FourConflictsInARow_IsRetriedAndLands()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.Cluster.InjectConflicts(KubernetesWorkloadApi.MaxWriteAttempts - 1);

        var result = await Orchestrator().ScaleAsync(Template, 3);

        Assert.Empty(result.Failures);
        Assert.Equal(3, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_EveryTryConflicts_GivesUpAfterTheBoundNamingTheWorkload()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        _api.Cluster.InjectConflicts(100);

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => Orchestrator().ScaleAsync(Template, 3));

        Assert.StartsWith("Deployment iot/bulbs: setting replicas to 3 (5 tries, each a conflict) failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("409 Conflict: Operation cannot be fulfilled on deployments.apps \"bulbs\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _api.ReplicasOf(KubernetesWorkloadKind.Deployment, Namespace, Workload));
    }

    [Fact]
    public async Task Scale_StatefulSet_ScalesThroughItsScaleSubresourceAndKeepsTheLowestOrdinals()
    {
        _api.AddWorkload(KubernetesWorkloadKind.StatefulSet, Namespace, Workload);
        var targets = new Dictionary<string, KubernetesTarget> { ["bulbs"] = new(KubernetesWorkloadKind.StatefulSet, Namespace, Workload) };
        var orchestrator = new KubernetesPodOrchestrator(targets, _api.CreateClient, TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance);

        await orchestrator.ScaleAsync(Template, 3);
        Assert.Equal(["bulbs-0", "bulbs-1", "bulbs-2"], (await AwaitReadyAsync(orchestrator, 3)).Select(p => p.Id).Order());
        var down = await orchestrator.ScaleAsync(Template, 1);

        Assert.Empty(down.Stopped);
        Assert.Equal(["bulbs-0"], (await AwaitReadyAsync(orchestrator, 1)).Select(p => p.Id));
    }

    [Fact]
    public async Task Calls_UseOnlyTheEndpointsThatDocsKubernetesMdGrantsInRbac()
    {
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, Namespace, Workload);
        var orchestrator = Orchestrator();
        await orchestrator.ScaleAsync(Template, 2);
        await AwaitReadyAsync(orchestrator, 2);
        await orchestrator.ScaleAsync(Template, 1);
        await orchestrator.StopPodsAsync("bulbs", [(await AwaitReadyAsync(orchestrator, 1))[0].Id]);

        var used = _api.Requests.Select(r => r.Replace(Namespace, "{ns}", StringComparison.Ordinal).Replace($"/{Workload}/", "/{name}/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, "/pods/[^/]+$", "/pods/{name}"))
            .ToHashSet();

        // The calls docs/kubernetes.md's RBAC section and deploy/kubernetes/direct/agent-role.yaml grant (the deploy tests check the Role).
        Assert.Equal(KubernetesApiCalls.Orchestrator.Select(c => c.Request).Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    private KubernetesPodOrchestrator Orchestrator()
    {
        var targets = new Dictionary<string, KubernetesTarget> { ["bulbs"] = new(KubernetesWorkloadKind.Deployment, Namespace, Workload) };
        return new KubernetesPodOrchestrator(targets, _api.CreateClient, TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance);
    }

    private static async Task<IReadOnlyList<PodInfo>> AwaitReadyAsync(KubernetesPodOrchestrator orchestrator, int count)
    {
        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(
            async () => (pods = await orchestrator.ListPodsAsync("bulbs")).Count == count && pods.All(p => p.State == PodState.Ready),
            Deadline,
            () => $"exactly {count} ready pods of {Workload} (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
        return pods;
    }

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
