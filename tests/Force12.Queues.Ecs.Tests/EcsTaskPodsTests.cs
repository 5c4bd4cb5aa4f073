using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Client;

namespace Force12.Queues.Ecs.Tests;

/// <summary>The task lifecycle of the ECS reference mapped to pod states, and which error answers are retried.</summary>
public sealed class EcsTaskPodsTests
{
    public static TheoryData<string, string, string?, PodState> Lifecycle => new()
    {
        { "PROVISIONING", "RUNNING", null, PodState.Starting },
        { "PENDING", "RUNNING", null, PodState.Starting },
        { "ACTIVATING", "RUNNING", null, PodState.Starting },
        { "RUNNING", "RUNNING", "UNKNOWN", PodState.Running },
        { "RUNNING", "RUNNING", "UNHEALTHY", PodState.Running },
        { "RUNNING", "RUNNING", "HEALTHY", PodState.Ready },
        { "RUNNING", "STOPPED", "HEALTHY", PodState.Stopping },
        { "DEACTIVATING", "STOPPED", null, PodState.Stopping },
        { "STOPPING", "STOPPED", null, PodState.Stopping },
        { "DEPROVISIONING", "STOPPED", null, PodState.Stopping },
        { "STOPPED", "STOPPED", null, PodState.Exited },
    };

    [Theory]
    [MemberData(nameof(Lifecycle))]
    public void State_TaskStatus_MapsToThePodState(string lastStatus, string desiredStatus, string? health, PodState expected)
    {
        var task = new EcsTask { Arn = "arn:aws:ecs:eu-west-1:1:task/prod/abc123", LastStatus = lastStatus, DesiredStatus = desiredStatus, HealthStatus = health, CreatedAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(expected, EcsTaskPods.State(task));
    }

    [Fact]
    public void ToPod_Task_IdIsTheLastSegmentOfTheArnAndTimesComeFromEcs()
    {
        var created = DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var task = new EcsTask
        {
            Arn = "arn:aws:ecs:eu-west-1:1:task/prod/abc123", LastStatus = "RUNNING", DesiredStatus = "RUNNING",
            CreatedAt = created, StartedAt = created.AddSeconds(4), Containers = [("app", "RUNNING", null), ("envoy", "STOPPED", 137)],
        };

        var pod = EcsTaskPods.ToPod(task, "bulbs");

        Assert.Equal("abc123", pod.Id);
        Assert.Equal(TimeSpan.FromSeconds(4), pod.TimeToRunning);
        Assert.Equal([("app", true, (int?)null), ("envoy", false, 137)], pod.Containers.Select(c => (c.Name, c.Running, c.ExitCode)));
    }

    [Theory]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("ServerException", 500, true)]
    [InlineData(null, 503, true)]
    [InlineData("ClientException", 400, false)]
    [InlineData("AccessDeniedException", 400, false)]
    [InlineData("ServiceNotFoundException", 400, false)]
    public void IsRetryable_ErrorAnswer_OnlyThrottlingAndServerFailures(string? code, int status, bool expected) =>
        Assert.Equal(expected, EcsApiClient.IsRetryable(code, status));
}
