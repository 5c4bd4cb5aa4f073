using Force12.Queues.Core.Pods;

namespace Force12.Queues.Marathon.Tests;

/// <summary>How a Marathon task's state, health check results and times become a pod (pure).</summary>
public sealed class MarathonTaskStatesTests
{
    private static readonly DateTimeOffset Staged = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, int, PodState> States => new()
    {
        { "TASK_STAGING", 0, 0, PodState.Starting },
        { "TASK_STARTING", 1, 0, PodState.Starting },
        { "TASK_RUNNING", 0, 0, PodState.Ready },
        { "TASK_RUNNING", 1, 0, PodState.Running },
        { "TASK_RUNNING", 1, 1, PodState.Ready },
        { "TASK_RUNNING", 2, 1, PodState.Running },
        { "TASK_KILLING", 1, 1, PodState.Stopping },
        { "TASK_FAILED", 0, 0, PodState.Exited },
        { "TASK_UNREACHABLE", 0, 0, PodState.Exited },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void StateOf_StateAndHealth_GiveThePodState(string state, int healthChecks, int alive, PodState expected)
    {
        var task = new MarathonTask
        {
            Id = "bulbs.1",
            State = state,
            HealthCheckResults = Enumerable.Range(0, alive).Select(_ => new MarathonHealthCheckResult { Alive = true }).ToList(),
        };

        Assert.Equal(expected, MarathonTaskStates.StateOf(task, healthChecks));
    }

    [Fact]
    public void ToPod_HealthyTask_TakesItsTimesFromMarathon()
    {
        var task = new MarathonTask
        {
            Id = "lights_bulbs.1",
            State = "TASK_RUNNING",
            StagedAt = Staged,
            StartedAt = Staged.AddSeconds(2),
            HealthCheckResults = [new() { Alive = true, FirstSuccess = Staged.AddSeconds(5) }],
        };

        var pod = MarathonTaskStates.ToPod(task, 1, "bulbs", Staged.AddMinutes(1));

        Assert.Equal(("lights_bulbs.1", "bulbs", PodState.Ready), (pod.Id, pod.Pipeline, pod.State));
        Assert.Equal(TimeSpan.FromSeconds(2), pod.TimeToRunning);
        Assert.Equal(TimeSpan.FromSeconds(5), pod.TimeToReady);
    }

    [Fact]
    public void ToPod_StagingTask_HasNoStartYet()
    {
        var pod = MarathonTaskStates.ToPod(new MarathonTask { Id = "b.1", State = "TASK_STAGING", StagedAt = Staged }, 0, "bulbs", Staged);

        Assert.Equal(Staged, pod.CreatedAt);
        Assert.Null(pod.StartedAt);
        Assert.Null(pod.ReadyAt);
    }
}
