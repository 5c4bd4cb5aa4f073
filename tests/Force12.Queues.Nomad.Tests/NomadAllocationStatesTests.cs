using Force12.Queues.Core.Pods;

namespace Force12.Queues.Nomad.Tests;

/// <summary>How an allocation's desired and client status, task states and deployment health become a pod (pure).</summary>
public sealed class NomadAllocationStatesTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, bool?, bool, PodState?> States => new()
    {
        { "run", "pending", null, false, PodState.Starting },
        { "run", "running", null, true, PodState.Running },
        { "run", "running", true, true, PodState.Ready },
        { "run", "running", false, true, PodState.Running },
        { "run", "running", null, false, PodState.Ready }, // no deployment: running is ready
        { "stop", "running", true, true, PodState.Stopping },
        { "evict", "pending", null, false, PodState.Stopping },
        { "run", "unknown", null, false, PodState.Exited },
        { "run", "failed", null, false, null },
        { "stop", "complete", null, false, null },
        { "run", "lost", null, false, null },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void StateOf_Statuses_GiveThePodState(string desired, string client, bool? healthy, bool inDeployment, PodState? expected)
    {
        var allocation = Allocation(desired, client, inDeployment ? new NomadDeploymentStatus { Healthy = healthy } : null);

        Assert.Equal(expected, NomadAllocationStates.StateOf(allocation));
    }

    [Fact]
    public void ToPod_HealthyAllocation_TakesItsTimesFromNomad()
    {
        var allocation = Allocation("run", "running", new NomadDeploymentStatus { Healthy = true, Timestamp = Created.AddSeconds(3) }) with
        {
            TaskStates = new Dictionary<string, NomadTaskState>
            {
                ["a"] = new() { State = "running", StartedAt = Created.AddSeconds(1) },
                ["b"] = new() { State = "running", StartedAt = Created.AddSeconds(2) },
            },
        };

        var pod = NomadAllocationStates.ToPod(allocation, "bulbs")!;

        Assert.Equal(("alloc-1", "bulbs", PodState.Ready), (pod.Id, pod.Pipeline, pod.State));
        Assert.Equal(TimeSpan.FromSeconds(2), pod.TimeToRunning);
        Assert.Equal(TimeSpan.FromSeconds(3), pod.TimeToReady);
    }

    [Fact]
    public void ToPod_TaskStillPendingInARunningAllocation_IsStarting()
    {
        var allocation = Allocation("run", "running", null) with
        {
            TaskStates = new Dictionary<string, NomadTaskState> { ["a"] = new() { State = "running" }, ["b"] = new() { State = "pending" } },
        };

        Assert.Equal(PodState.Starting, NomadAllocationStates.ToPod(allocation, "bulbs")!.State);
    }

    [Fact]
    public void ToPod_GoZeroTimes_AreNotUsed()
    {
        var allocation = Allocation("run", "running", new NomadDeploymentStatus { Healthy = true, Timestamp = DateTimeOffset.MinValue }) with
        {
            TaskStates = new Dictionary<string, NomadTaskState> { ["a"] = new() { State = "running", StartedAt = DateTimeOffset.MinValue } },
        };

        var pod = NomadAllocationStates.ToPod(allocation, "bulbs")!;

        Assert.Equal(TimeSpan.Zero, pod.TimeToRunning);
        Assert.Equal(TimeSpan.Zero, pod.TimeToReady);
    }

    private static NomadAllocation Allocation(string desired, string client, NomadDeploymentStatus? deployment) => new()
    {
        Id = "alloc-1",
        TaskGroup = "processor",
        DesiredStatus = desired,
        ClientStatus = client,
        DeploymentStatus = deployment,
        CreateTime = (Created - DateTimeOffset.UnixEpoch).Ticks * 100,
    };
}
