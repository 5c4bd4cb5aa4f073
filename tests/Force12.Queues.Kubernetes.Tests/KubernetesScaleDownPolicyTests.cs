using k8s.Models;

namespace Force12.Queues.Kubernetes.Tests;

/// <summary>The pure rules around scale-down and ownership: pod-deletion-cost marks, the HPA/KEDA owner check, Status messages, patches.</summary>
public sealed class KubernetesScaleDownPolicyTests
{
    private static readonly KubernetesTarget Bulbs = new(KubernetesWorkloadKind.Deployment, "iot", "bulbs");

    [Fact]
    public void Changes_VictimsAndAStaleMark_MarksVictimsAndClearsOnlyOurOldMark()
    {
        var pods = new[] { Pod("a"), Pod("b", "-100"), Pod("c", "50"), Pod("d", "-100") };

        var changes = KubernetesPodDeletionCost.Changes(pods, ["a", "d"]);

        Assert.Equal([("a", "-100"), ("b", (string?)null)], changes);
    }

    [Fact]
    public void Changes_PodBeingDeleted_IsLeftAlone()
    {
        var going = Pod("a", "-100");
        going.Metadata.DeletionTimestamp = DateTime.UtcNow;

        Assert.Empty(KubernetesPodDeletionCost.Changes([going], []));
    }

    [Fact]
    public void OwnedBy_HpaOnTheSameDeployment_NamesIt()
    {
        var reason = KubernetesOwnership.OwnedBy([Hpa("bulbs-cpu", "Deployment", "bulbs")], Bulbs);

        Assert.Equal("Deployment iot/bulbs is scaled by HorizontalPodAutoscaler 'bulbs-cpu'; force12 does not act on it (remove the autoscaler, or use another target)", reason);
    }

    [Theory]
    [InlineData("StatefulSet", "bulbs")]
    [InlineData("Deployment", "bulbs-web")]
    public void OwnedBy_HpaOnAnotherWorkload_IsNoOwner(string kind, string name) =>
        Assert.Null(KubernetesOwnership.OwnedBy([Hpa("other", kind, name)], Bulbs));

    [Theory]
    [InlineData("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"deployments.apps \"bulbs\" not found","reason":"NotFound","code":404}""", "deployments.apps \"bulbs\" not found")]
    [InlineData("<html>bad gateway</html>", "<html>bad gateway</html>")]
    [InlineData("", "(no body)")]
    public void StatusMessage_StatusBodyOrOtherText_GivesTheMessageOrTheText(string body, string expected) =>
        Assert.Equal(expected, KubernetesApiErrors.StatusMessage(body));

    [Fact]
    public void Patches_AreJsonMergePatches()
    {
        Assert.Equal("""{"spec":{"replicas":7}}""", KubernetesPatches.Replicas(7));
        Assert.Equal("""{"metadata":{"annotations":{"controller.kubernetes.io/pod-deletion-cost":"-100"}}}""", KubernetesPatches.Annotation(KubernetesPodDeletionCost.Annotation, "-100"));
        Assert.Equal("""{"metadata":{"annotations":{"controller.kubernetes.io/pod-deletion-cost":null}}}""", KubernetesPatches.Annotation(KubernetesPodDeletionCost.Annotation, null));
    }

    private static V1Pod Pod(string name, string? cost = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = cost is null ? null : new Dictionary<string, string> { [KubernetesPodDeletionCost.Annotation] = cost },
        },
    };

    private static V2HorizontalPodAutoscaler Hpa(string name, string kind, string target) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "iot" },
        Spec = new V2HorizontalPodAutoscalerSpec { MaxReplicas = 10, ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = kind, Name = target } },
    };
}
