using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Swarm.Tests;

/// <summary>How a Swarm task's state and desired state become a pod's state, and which tasks are history.</summary>
public sealed class SwarmTaskPodsTests
{
    private static readonly DateTime Created = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<TaskState, TaskState, PodState?> States => new()
    {
        { TaskState.Running, TaskState.New, PodState.Starting },
        { TaskState.Running, TaskState.Pending, PodState.Starting },
        { TaskState.Running, TaskState.Assigned, PodState.Starting },
        { TaskState.Running, TaskState.Accepted, PodState.Starting },
        { TaskState.Running, TaskState.Preparing, PodState.Starting },
        { TaskState.Running, TaskState.Ready, PodState.Starting },
        { TaskState.Running, TaskState.Starting, PodState.Starting },
        { TaskState.Running, TaskState.Running, PodState.Ready },
        { TaskState.Running, TaskState.Failed, PodState.Exited },
        { TaskState.Running, TaskState.Rejected, PodState.Exited },
        { TaskState.Running, TaskState.Complete, PodState.Exited },
        { TaskState.Shutdown, TaskState.Running, PodState.Stopping },
        { TaskState.Remove, TaskState.Running, PodState.Stopping },
        { TaskState.Shutdown, TaskState.Starting, PodState.Stopping },
        { TaskState.Shutdown, TaskState.Shutdown, null },
        { TaskState.Shutdown, TaskState.Failed, null },
        { TaskState.Remove, TaskState.Complete, null },
        { TaskState.Shutdown, TaskState.Rejected, null },
        { TaskState.Shutdown, TaskState.Orphaned, null },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void ToPod_DesiredAndCurrentState_GiveThePodStateOrHistory(TaskState desired, TaskState state, PodState? expected)
    {
        var pod = SwarmTaskPods.ToPod("bulbs", "bulbs-svc", Task("t1", desired, state, Created.AddSeconds(2)));

        Assert.Equal(expected, pod?.State);
    }

    [Fact]
    public void ToPod_RunningTask_StartLatencyComesFromTheTasksOwnTimestamps()
    {
        var pod = SwarmTaskPods.ToPod("bulbs", "bulbs-svc", Task("t1", TaskState.Running, TaskState.Running, Created.AddMilliseconds(1500), "c0ffee"))!;

        Assert.Equal(TimeSpan.FromMilliseconds(1500), pod.TimeToRunning);
        Assert.Equal(pod.TimeToRunning, pod.TimeToReady);
        Assert.Equal(new DateTimeOffset(Created), pod.CreatedAt);
        var container = Assert.Single(pod.Containers);
        Assert.Equal(("bulbs-svc", "c0ffee", true), (container.Name, container.Id, container.Running));
    }

    [Fact]
    public void ToPod_StartingTask_HasNoStartTimeYet()
    {
        var pod = SwarmTaskPods.ToPod("bulbs", "bulbs-svc", Task("t1", TaskState.Running, TaskState.Preparing, Created.AddSeconds(1)))!;

        Assert.Null(pod.StartedAt);
        Assert.Null(pod.ReadyAt);
    }

    [Fact]
    public void From_Tasks_OldestFirstWithoutHistory()
    {
        var pods = SwarmTaskPods.From("bulbs", "bulbs-svc",
        [
            Task("b", TaskState.Running, TaskState.Running, Created.AddSeconds(1), created: Created.AddSeconds(5)),
            Task("old", TaskState.Shutdown, TaskState.Failed, Created.AddSeconds(1)),
            Task("a", TaskState.Running, TaskState.Running, Created.AddSeconds(1), created: Created.AddSeconds(5)),
            Task("first", TaskState.Running, TaskState.Running, Created.AddSeconds(1)),
        ]);

        Assert.Equal(["first", "a", "b"], pods.Select(p => p.Id));
    }

    private static TaskResponse Task(string id, TaskState desired, TaskState state, DateTime at, string? containerId = null, DateTime? created = null) => new()
    {
        ID = id,
        CreatedAt = created ?? Created,
        DesiredState = desired,
        Status = new Docker.DotNet.Models.TaskStatus
        {
            State = state,
            Timestamp = at,
            ContainerStatus = containerId is null ? null : new ContainerStatus { ContainerID = containerId },
        },
    };
}
