using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;
using Force12.Queues.Kafka.Configuration;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace Force12.Queues.Keda.Tests.Deploy;

/// <summary>
/// Every manifest under <c>deploy/kubernetes</c> parsed into KubernetesClient's typed models in strict mode (an unknown
/// or misspelt field fails), the ScaledObject (a KEDA custom resource, not in the client) checked field by field, and
/// the pieces checked against each other and against the agent: its configuration reads without errors with the
/// shipped plugins, ports, probes and the scaler's address agree.
/// </summary>
public sealed class DeployManifestsTests
{
    private const string ScaledObjectFile = "keda/bulbs-scaledobject.yaml";

    public static TheoryData<string> TypedFiles => [.. DeployManifests.Files.Where(f => f != ScaledObjectFile)];

    [Theory]
    [MemberData(nameof(TypedFiles))]
    public void Manifest_ParsedStrictly_IsAKnownKubernetesObject(string file)
    {
        var objects = KubernetesYaml.LoadAllFromString(DeployManifests.Text(file), strict: true);

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject>(o));
    }

    [Fact]
    public void Manifest_UnknownField_IsRejectedByTheStrictParser()
    {
        var misspelt = DeployManifests.Text("keda/agent-service.yaml").Replace("targetPort: grpc", "targetPorts: grpc", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misspelt, strict: true));
    }

    public static TheoryData<string> Kustomizations => [.. DeployManifests.Kustomizations];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Kustomization_ListsEveryManifestOfItsFolderAndAnOverlayTheBase(string folder)
    {
        var kustomization = Assert.Single(DeployManifests.Documents($"{folder}/kustomization.yaml"));
        var resources = ((YamlSequenceNode)kustomization.Children[new YamlScalarNode("resources")]).Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal);
        var files = DeployManifests.Files.Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)).Select(f => f[(folder.Length + 1)..]);

        Assert.Equal((folder == "base" ? files : files.Append("../base")).Order(StringComparer.Ordinal), resources);
    }

    [Fact]
    public void AgentConfigMap_IsAValidAgentConfigurationServingThePipelineToKeda()
    {
        var (configuration, _) = AgentConfiguration();

        Assert.Equal(KedaPodOrchestrator.KindName, Assert.Single(configuration.Pipelines).OrchestratorKind);
        Assert.Equal("0.0.0.0:8412", configuration.HttpAddress);
    }

    [Fact]
    public void AgentDeployment_PortsProbesAndConfigPath_MatchTheAgent()
    {
        var (configuration, keda) = AgentConfiguration();
        var deployment = Single<V1Deployment>("base/agent-deployment.yaml");
        var service = Single<V1Service>("keda/agent-service.yaml");
        var pod = deployment.Spec.Template.Spec;
        var agent = Assert.Single(pod.Containers);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(int.Parse(configuration.HttpAddress.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), agent.Ports.Single(p => p.Name == "http").ContainerPort);
        Assert.Equal(keda.Options.GrpcAddress.Port, agent.Ports.Single(p => p.Name == "grpc").ContainerPort);
        Assert.Equal(("/healthz", "http"), (agent.LivenessProbe.HttpGet.Path, agent.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "http"), (agent.ReadinessProbe.HttpGet.Path, agent.ReadinessProbe.HttpGet.Port.Value));
        Assert.NotNull(agent.Resources.Requests);
        var mount = Assert.Single(agent.VolumeMounts);
        Assert.Equal(["run", "-c", $"{mount.MountPath}/agent.yaml"], agent.Args);
        Assert.Equal("force12-agent", pod.Volumes.Single(v => v.Name == mount.Name).ConfigMap.Name);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        Assert.Equal(["http", "grpc"], service.Spec.Ports.Select(p => p.TargetPort.Value));
    }

    [Fact]
    public void AgentServiceAccount_KedaModeCallsNoKubernetesApi_HasNoRoleAndNoToken()
    {
        var account = Single<V1ServiceAccount>("keda/agent-serviceaccount.yaml");
        var pod = Single<V1Deployment>("base/agent-deployment.yaml").Spec.Template.Spec;
        var kinds = DeployManifests.FilesOf("keda").SelectMany(f => DeployManifests.Documents(f)).Select(d => DeployManifests.Scalar(d, "kind"));

        Assert.False(account.AutomountServiceAccountToken);
        // The pod leaves the token to its account (the direct mode's account mounts it).
        Assert.Equal((account.Metadata.Name, (bool?)null), (pod.ServiceAccountName, pod.AutomountServiceAccountToken));
        Assert.DoesNotContain(kinds, k => k is "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding");
    }

    [Fact]
    public void BulbsDeployment_HasTwoContainersAndNoReplicasOfItsOwn()
    {
        var bulbs = Single<V1Deployment>("base/bulbs-deployment.yaml");

        Assert.Equal(["processor", "state-cache"], bulbs.Spec.Template.Spec.Containers.Select(c => c.Name));
        Assert.Null(bulbs.Spec.Replicas);
    }

    [Fact]
    public void ScaledObject_PointsKedaAtTheAgentsScalerForItsPipeline()
    {
        var (configuration, keda) = AgentConfiguration();
        var service = Single<V1Service>("keda/agent-service.yaml");
        var scaledObject = Assert.Single(DeployManifests.Documents(ScaledObjectFile));
        var trigger = ((YamlSequenceNode)((YamlMappingNode)scaledObject.Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("triggers")]).Single();
        var pipeline = configuration.Pipelines.Single(p => p.Name == DeployManifests.Scalar(trigger, "metadata", "pipeline"));

        Assert.Equal(("keda.sh/v1alpha1", "ScaledObject"), (DeployManifests.Scalar(scaledObject, "apiVersion"), DeployManifests.Scalar(scaledObject, "kind")));
        Assert.Equal(Single<V1Deployment>("base/bulbs-deployment.yaml").Metadata.Name, DeployManifests.Scalar(scaledObject, "spec", "scaleTargetRef", "name"));
        Assert.True(DeployManifests.Scalar(trigger, "type") is "external" or "external-push", "the trigger type is external or external-push");
        var grpcPort = service.Spec.Ports.Single(p => p.Name == "grpc").Port;
        Assert.Equal($"{service.Metadata.Name}.{service.Metadata.NamespaceProperty}.svc:{grpcPort}", DeployManifests.Scalar(trigger, "metadata", "scalerAddress"));
        Assert.Equal(keda.Options.GrpcAddress.Port, grpcPort);
        Assert.Equal(KedaPodOrchestrator.KindName, pipeline.OrchestratorKind);
        Assert.Equal(pipeline.Policy.MaxPods.ToString(System.Globalization.CultureInfo.InvariantCulture), DeployManifests.Scalar(scaledObject, "spec", "maxReplicaCount"));
    }

    internal static T Single<T>(string file) => Assert.IsType<T>(Assert.Single(KubernetesYaml.LoadAllFromString(DeployManifests.Text(file), strict: true)));

    /// <summary>The ConfigMap's agent.yaml read as the agent reads it, with the shipped Kafka and KEDA plugins.</summary>
    private static (AgentConfiguration Configuration, KedaPodOrchestrator Keda) AgentConfiguration()
    {
        var configMap = Single<V1ConfigMap>("keda/agent-configmap.yaml");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(DeployManifests.Flatten(configMap.Data["agent.yaml"])).Build();
        using var services = new ServiceCollection().AddForce12().AddKafka().AddKeda().Services.BuildServiceProvider();
        var result = new AgentConfigurationReader(services.GetServices<ILagSourceProvider>(), services.GetServices<IPodOrchestratorProvider>()).Read(settings);

        Assert.Empty(result.Errors);
        return (result.Configuration!, Assert.IsType<KedaPodOrchestrator>(result.Configuration!.Orchestrators[KedaPodOrchestrator.KindName]));
    }
}
