using Force12.Queues.Core.Configuration;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes.Tests.Configuration;

/// <summary>
/// A <c>kubernetes</c> pipeline read as <c>force12 validate</c> reads it: <c>orchestrator.target</c>, the agent-wide
/// <c>orchestrators.kubernetes</c>, and the <c>pod</c> section this kind rejects. Every message names its path.
/// </summary>
public sealed class KubernetesConfigurationTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["capacity:podSlots"] = "20",
        ["pipelines:bulbs:sla"] = "10s",
        ["pipelines:bulbs:source:kind"] = "stub",
        ["pipelines:bulbs:orchestrator:kind"] = "kubernetes",
        ["pipelines:bulbs:orchestrator:target:apiVersion"] = "apps/v1",
        ["pipelines:bulbs:orchestrator:target:kind"] = "Deployment",
        ["pipelines:bulbs:orchestrator:target:name"] = "bulbs",
        ["pipelines:bulbs:orchestrator:target:namespace"] = "iot",
    };

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "pipelines:bulbs:orchestrator:target:kind", "Foo", "pipelines.bulbs.orchestrator.target.kind: 'Foo' is not supported; use Deployment or StatefulSet" },
        { "pipelines:bulbs:orchestrator:target:kind", "deployment", "pipelines.bulbs.orchestrator.target.kind: 'deployment' is not supported; use Deployment or StatefulSet" },
        { "pipelines:bulbs:orchestrator:target:kind", null, "pipelines.bulbs.orchestrator.target.kind: is required" },
        { "pipelines:bulbs:orchestrator:target:name", null, "pipelines.bulbs.orchestrator.target.name: is required" },
        { "pipelines:bulbs:orchestrator:target:name", "Bulbs_1", "pipelines.bulbs.orchestrator.target.name: 'Bulbs_1' is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)" },
        { "pipelines:bulbs:orchestrator:target:namespace", "IoT", "pipelines.bulbs.orchestrator.target.namespace: 'IoT' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)" },
        { "pipelines:bulbs:orchestrator:target:apiVersion", "apps/v1beta2", "pipelines.bulbs.orchestrator.target.apiVersion: 'apps/v1beta2' is not supported; use apps/v1" },
        { "pipelines:bulbs:orchestrator:target:replicas", "3", "pipelines.bulbs.orchestrator.target.replicas: unknown setting (known here: apiVersion, kind, name, namespace)" },
        { "pipelines:bulbs:orchestrator:namespace", "iot", "pipelines.bulbs.orchestrator.namespace: unknown setting (known here: kind, target)" },
        { "orchestrators:kubernetes:namespace", "-iot", "orchestrators.kubernetes.namespace: '-iot' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)" },
        { "orchestrators:kubernetes:server", "https://k8s:6443", "orchestrators.kubernetes.server: unknown setting (known here: kubeconfig, context, namespace)" },
    };

    [Fact]
    public void Read_FullTarget_GivesTheOrchestratorThatWorkloadAndAnEngineDefinedPod()
    {
        var result = Read(ValidSettings);

        Assert.Empty(result.Errors);
        var pipeline = Assert.Single(result.Configuration!.Pipelines);
        Assert.True(pipeline.Pod.IsDefinedByEngine);
        var orchestrator = Assert.IsType<KubernetesPodOrchestrator>(result.Configuration.Orchestrators["kubernetes"]);
        Assert.Equal(new KubernetesTarget(KubernetesWorkloadKind.Deployment, "iot", "bulbs"), orchestrator.Targets["bulbs"]);
    }

    [Fact]
    public void Read_TargetWithoutNamespace_TakesTheAgentWideNamespaceOrDefault()
    {
        var settings = new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator:target:namespace"] = null, ["pipelines:bulbs:orchestrator:target:apiVersion"] = null };

        var withDefault = Read(settings);
        var withSection = Read(new Dictionary<string, string?>(settings) { ["orchestrators:kubernetes:namespace"] = "team-a", ["orchestrators:kubernetes:kubeconfig"] = "/nonexistent/kubeconfig" });

        Assert.Equal("default", Assert.IsType<KubernetesPodOrchestrator>(withDefault.Configuration!.Orchestrators["kubernetes"]).Targets["bulbs"].Namespace);
        Assert.Equal("team-a", Assert.IsType<KubernetesPodOrchestrator>(withSection.Configuration!.Orchestrators["kubernetes"]).Targets["bulbs"].Namespace);
    }

    [Fact]
    public async Task FirstCall_KubeconfigCannotBeRead_IsThePipelinesErrorNamingTheWorkloadAndTheFile()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["orchestrators:kubernetes:kubeconfig"] = "/nonexistent/force12-kubeconfig" });
        var orchestrator = result.Configuration!.Orchestrators["kubernetes"];

        var error = await Assert.ThrowsAsync<KubernetesOrchestratorException>(() => orchestrator.ListPodsAsync("bulbs"));

        Assert.StartsWith("Deployment iot/bulbs: cannot read kubeconfig /nonexistent/force12-kubeconfig: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StatefulSetTarget_IsAccepted()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { ["pipelines:bulbs:orchestrator:target:kind"] = "StatefulSet" });

        Assert.Empty(result.Errors);
        Assert.Equal(KubernetesWorkloadKind.StatefulSet, Assert.IsType<KubernetesPodOrchestrator>(result.Configuration!.Orchestrators["kubernetes"]).Targets["bulbs"].Kind);
    }

    [Fact]
    public void Read_NoTarget_IsRejectedNamingThePath()
    {
        var settings = ValidSettings.Where(s => !s.Key.Contains(":target:", StringComparison.Ordinal)).ToDictionary();

        var result = Read(settings);

        Assert.Equal(["pipelines.bulbs.orchestrator.target: is required: the workload to scale, for example { kind: Deployment, name: bulbs, namespace: iot }"], result.Errors);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Read_KindWrittenAlone_IsRejectedForTheMissingTarget()
    {
        var settings = ValidSettings.Where(s => !s.Key.StartsWith("pipelines:bulbs:orchestrator:", StringComparison.Ordinal)).ToDictionary();
        settings["pipelines:bulbs:orchestrator"] = "kubernetes";

        Assert.Equal(["pipelines.bulbs.orchestrator.target: is required: the workload to scale, for example { kind: Deployment, name: bulbs, namespace: iot }"], Read(settings).Errors);
    }

    [Fact]
    public void Read_PodSection_IsRejectedWithTheReason()
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings)
        {
            ["pipelines:bulbs:pod:containers:0:name"] = "processor",
            ["pipelines:bulbs:pod:containers:0:image"] = "force12/bulbs:dev",
        });

        Assert.Equal(["pipelines.bulbs.pod: must not be set for orchestrator kind 'kubernetes': the pod is the workload's own pod template (orchestrator.target names the Deployment or StatefulSet)"], result.Errors);
        Assert.Null(result.Configuration);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Read_BadSetting_GivesOneMessageNamingThePath(string key, string? value, string expected)
    {
        var result = Read(new Dictionary<string, string?>(ValidSettings) { [key] = value });

        Assert.Equal([expected], result.Errors);
        Assert.Null(result.Configuration);
    }

    private static ConfigurationResult Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        using var kubernetes = new KubernetesOrchestratorProvider(new KubernetesOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        return new AgentConfigurationReader([new StubSourceProvider()], [kubernetes]).Read(configuration);
    }
}
