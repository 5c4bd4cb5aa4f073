using Force12.Queues.Testing.Kubernetes;
using k8s.Models;
using static Force12.Queues.Keda.Tests.Deploy.DeployManifestsTests;

namespace Force12.Queues.Keda.Tests.Deploy;

/// <summary>
/// The direct mode's overlay (<c>deploy/kubernetes/direct</c>), parsed strictly into KubernetesClient's typed models: the
/// Role grants exactly the API calls the agent makes (<see cref="KubernetesApiCalls"/>, the list the Kubernetes tests check
/// the code against), the Lease rules name the Lease that agent.yaml elects on, and the pieces fit together. The
/// agent.yaml itself is read with the kubernetes plugin by the Kubernetes tests (DirectAgentConfigurationTests).
/// </summary>
public sealed class DirectDeployManifestsTests
{
    private static readonly Dictionary<string, string?> Agent = AgentYaml("direct");

    [Fact]
    public void Role_GrantsExactlyTheCallsTheAgentMakes()
    {
        var role = Single<V1Role>("direct/agent-role.yaml");
        var granted = role.Rules.SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.SelectMany(res => r.Verbs.Select(v => (g, res, v)))));

        Assert.Equal(
            KubernetesApiCalls.All.Select(c => (c.ApiGroup, c.Resource, c.Verb)).Distinct().Order(),
            granted.Order());
    }

    [Fact]
    public void Role_LeaseRulesNameTheElectedLeaseAndEveryRuleIsInTheAgentsNamespaces()
    {
        var role = Single<V1Role>("direct/agent-role.yaml");
        var named = role.Rules.Where(r => r.ResourceNames is { Count: > 0 }).ToList();

        Assert.Equal([Agent["leaderElection:leaseName"]], named.SelectMany(r => r.ResourceNames).Distinct());
        Assert.All(named, r => Assert.Equal(["coordination.k8s.io"], r.ApiGroups));
        Assert.Equal(["create"], role.Rules.Single(r => r.ApiGroups.Contains("coordination.k8s.io") && r.ResourceNames is null).Verbs);
        Assert.Equal(role.Metadata.NamespaceProperty, Agent["leaderElection:namespace"]);
        Assert.Equal(role.Metadata.NamespaceProperty, Agent["orchestrators:kubernetes:namespace"]);
        Assert.Equal("true", Agent["leaderElection:enabled"]);
    }

    [Fact]
    public void RoleBinding_BindsTheRoleToTheAgentsAccountWhichMountsItsToken()
    {
        var binding = Single<V1RoleBinding>("direct/agent-rolebinding.yaml");
        var role = Single<V1Role>("direct/agent-role.yaml");
        var account = Single<V1ServiceAccount>("direct/agent-serviceaccount.yaml");
        var pod = Single<V1Deployment>("base/agent-deployment.yaml").Spec.Template.Spec;

        Assert.Equal(("rbac.authorization.k8s.io", "Role", role.Metadata.Name), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", account.Metadata.Name, account.Metadata.NamespaceProperty), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Equal(binding.Metadata.NamespaceProperty, role.Metadata.NamespaceProperty);
        Assert.True(account.AutomountServiceAccountToken);
        Assert.Equal(account.Metadata.Name, pod.ServiceAccountName);
    }

    [Fact]
    public void AgentDeployment_TwoReplicasNamedByTheirPodForTheElection()
    {
        var deployment = Single<V1Deployment>("base/agent-deployment.yaml");
        var agent = Assert.Single(deployment.Spec.Template.Spec.Containers);

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("metadata.name", agent.Env.Single(e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.False(Agent.ContainsKey("leaderElection:identity"), "each replica's identity comes from POD_NAME, never one fixed name");
    }

    [Fact]
    public void AgentConfigMap_ScalesTheBulbsDeploymentWithTheKedaModesSource()
    {
        var keda = AgentYaml("keda");

        Assert.Equal(("kubernetes", "Deployment"), (Agent["pipelines:bulbs:orchestrator:kind"], Agent["pipelines:bulbs:orchestrator:target:kind"]));
        Assert.Equal(Single<V1Deployment>("base/bulbs-deployment.yaml").Metadata.Name, Agent["pipelines:bulbs:orchestrator:target:name"]);
        // The source is the KEDA mode's, which DeployManifestsTests reads with the Kafka plugin.
        Assert.Equal(keda.Where(k => k.Key.StartsWith("pipelines:bulbs:source", StringComparison.Ordinal)), Agent.Where(k => k.Key.StartsWith("pipelines:bulbs:source", StringComparison.Ordinal)));
    }

    [Fact]
    public void AgentService_ServesHttpOnlyToTheAgentsPods()
    {
        var service = Single<V1Service>("direct/agent-service.yaml");
        var deployment = Single<V1Deployment>("base/agent-deployment.yaml");

        Assert.Equal(["http"], service.Spec.Ports.Select(p => p.TargetPort.Value));
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
    }

    private static Dictionary<string, string?> AgentYaml(string overlay) =>
        DeployManifests.Flatten(Single<V1ConfigMap>($"{overlay}/agent-configmap.yaml").Data["agent.yaml"]).ToDictionary(StringComparer.Ordinal);
}
