using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Leadership;
using Force12.Queues.Keda.Tests.Deploy;
using Force12.Queues.Testing.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Kubernetes.Tests.Deploy;

/// <summary>
/// deploy/kubernetes/direct's agent.yaml read as the agent reads it, with the kubernetes plugin: valid, its pipeline
/// targets the base's bulbs Deployment in the Role's namespace, and leader election is on with durations that take over
/// from a dead leader within 15 s (leaseDuration + 2 x retryPeriod). Its Kafka source is the KEDA mode's, read with the
/// Kafka plugin by the KEDA tests; here a stub source stands in (this project has no Kafka plugin).
/// </summary>
public sealed class DirectAgentConfigurationTests
{
    [Fact]
    public void DirectAgentYaml_ReadsValidWithTheKubernetesPlugin()
    {
        var configuration = Read();

        var bulbs = Assert.Single(configuration.Pipelines);
        var orchestrator = Assert.IsType<KubernetesPodOrchestrator>(configuration.Orchestrators[KubernetesPodOrchestrator.KindName]);
        Assert.Equal(new KubernetesTarget(KubernetesWorkloadKind.Deployment, "force12", ManifestName("base/bulbs-deployment.yaml")), orchestrator.Targets[bulbs.Name]);
        Assert.Equal("0.0.0.0:8412", configuration.HttpAddress);
    }

    [Fact]
    public void DirectAgentYaml_ElectsALeaderThatFailsOverWithin15Seconds()
    {
        var election = Read().LeaderElection;

        Assert.NotNull(election);
        Assert.True(election.Enabled);
        Assert.Equal((ManifestNamespace("direct/agent-role.yaml"), "force12-agent"), (election.Namespace, election.LeaseName));
        Assert.Null(election.Identity); // POD_NAME, set by the agent Deployment
        Assert.True(election.LeaseDuration + 2 * election.RetryPeriod < TimeSpan.FromSeconds(15), "a takeover within 15 s of the leader's last renewal");
    }

    private static AgentConfiguration Read()
    {
        var yaml = Assert.Single(DeployManifests.Documents("direct/agent-configmap.yaml"));
        var agentYaml = DeployManifests.Scalar(yaml, "data", "agent.yaml")!;
        var settings = DeployManifests.Flatten(agentYaml)
            .Where(kv => !kv.Key.StartsWith("pipelines:bulbs:source:", StringComparison.Ordinal))
            .Append(new("pipelines:bulbs:source:kind", "stub"));
        var services = new ServiceCollection();
        services.AddForce12().AddKubernetes();
        using var provider = services.BuildServiceProvider();
        var result = new AgentConfigurationReader([new StubSourceProvider()], provider.GetServices<Core.Pods.IPodOrchestratorProvider>())
            .Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Empty(result.Errors);
        Assert.NotNull(provider.GetService<ILeaderElectionProvider>());
        return result.Configuration!;
    }

    private static string ManifestName(string file) => DeployManifests.Scalar(Assert.Single(DeployManifests.Documents(file)), "metadata", "name")!;

    private static string ManifestNamespace(string file) => DeployManifests.Scalar(Assert.Single(DeployManifests.Documents(file)), "metadata", "namespace")!;
}
