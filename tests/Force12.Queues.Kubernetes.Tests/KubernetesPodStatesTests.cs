using Force12.Queues.Core.Pods;
using k8s.Models;

namespace Force12.Queues.Kubernetes.Tests;

/// <summary>A Kubernetes pod mapped to the agent's pod: state from phase, conditions and deletionTimestamp; times from the pod's own timestamps.</summary>
public sealed class KubernetesPodStatesTests
{
    private static readonly DateTime Created = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ToPodInfo_Pending_IsStartingWithoutStartTimes()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Pending", containersStartedAt: null), "bulbs");

        Assert.Equal(PodState.Starting, pod.State);
        Assert.Equal(new DateTimeOffset(Created), pod.CreatedAt);
        Assert.Null(pod.TimeToRunning);
        Assert.Null(pod.TimeToReady);
    }

    [Fact]
    public void ToPodInfo_RunningNotReady_IsRunningWithTimeToRunningFromTheLatestContainerStart()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Running", containersStartedAt: [Created.AddSeconds(2), Created.AddSeconds(3)]), "bulbs");

        Assert.Equal(PodState.Running, pod.State);
        Assert.Equal(TimeSpan.FromSeconds(3), pod.TimeToRunning);
        Assert.Null(pod.TimeToReady);
        Assert.Equal(["app", "sidecar"], pod.Containers.Select(c => c.Name));
        Assert.All(pod.Containers, c => Assert.True(c.Running));
    }

    [Fact]
    public void ToPodInfo_RunningWithOneContainerWaiting_IsStarting()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Running", containersStartedAt: [Created.AddSeconds(2), null]), "bulbs");

        Assert.Equal(PodState.Starting, pod.State);
        Assert.Null(pod.StartedAt);
    }

    [Fact]
    public void ToPodInfo_ReadyConditionTrue_IsReadyWithTimeToReadyFromItsTransition()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Running", [Created.AddSeconds(2), Created.AddSeconds(2)], readySince: Created.AddSeconds(5)), "bulbs");

        Assert.Equal(PodState.Ready, pod.State);
        Assert.Equal(TimeSpan.FromSeconds(2), pod.TimeToRunning);
        Assert.Equal(TimeSpan.FromSeconds(5), pod.TimeToReady);
    }

    [Fact]
    public void ToPodInfo_ReadyTransitionBeforeAContainerRestart_IsNeverReadyBeforeRunning()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Running", [Created.AddSeconds(9), Created.AddSeconds(2)], readySince: Created.AddSeconds(5)), "bulbs");

        Assert.Equal(pod.TimeToRunning, pod.TimeToReady);
    }

    [Fact]
    public void ToPodInfo_DeletionTimestampSet_IsStoppingEvenWhileReady()
    {
        var source = Pod("Running", [Created.AddSeconds(1), Created.AddSeconds(1)], readySince: Created.AddSeconds(2));
        source.Metadata.DeletionTimestamp = Created.AddMinutes(1);

        Assert.Equal(PodState.Stopping, KubernetesPodStates.ToPodInfo(source, "bulbs").State);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public void ToPodInfo_TerminalPhase_IsExited(string phase) =>
        Assert.Equal(PodState.Exited, KubernetesPodStates.ToPodInfo(Pod(phase, containersStartedAt: null), "bulbs").State);

    [Fact]
    public void ToPodInfo_NameAndPipeline_AreTheIdAndTheGivenPipeline()
    {
        var pod = KubernetesPodStates.ToPodInfo(Pod("Pending", null), "bulbs");

        Assert.Equal("bulbs-5d9c-abcde", pod.Id);
        Assert.Equal("bulbs", pod.Pipeline);
    }

    private static V1Pod Pod(string phase, DateTime?[]? containersStartedAt, DateTime? readySince = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "bulbs-5d9c-abcde", CreationTimestamp = Created },
        Status = new V1PodStatus
        {
            Phase = phase,
            Conditions = [new V1PodCondition { Type = "Ready", Status = readySince is null ? "False" : "True", LastTransitionTime = readySince ?? Created }],
            ContainerStatuses = containersStartedAt?.Select((started, i) => new V1ContainerStatus
            {
                Name = i == 0 ? "app" : "sidecar",
                Image = "bulbs:1",
                ImageID = "",
                Ready = readySince is not null,
                RestartCount = 0,
                State = started is { } s
                    ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = s } }
                    : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } },
            }).ToList(),
        },
    };
}
