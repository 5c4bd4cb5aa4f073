using Force12.Queues.Core.Pods;
using Force12.Queues.Ecs.Client;
using Force12.Queues.Ecs.Tests.Double;
using Force12.Queues.Testing;

namespace Force12.Queues.Ecs.Tests;

/// <summary>ECS-specific behaviour against the ECS API DOUBLE: Application Auto Scaling, throttling, errors, task protection.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class EcsPodOrchestratorTests : IAsyncLifetime
{
    private const string Cluster = "force12-tests";
    private const string Service = "bulbs-processor";
    private const string Pipeline = "bulbs";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private EcsApiDouble _api = null!;
    private EcsPodOrchestrator _orchestrator = null!;

    public async Task InitializeAsync()
    {
        _api = await EcsApiDouble.StartAsync();
        lock (_api.State.Gate)
        {
            _api.State.AddService(Cluster, Service, desiredCount: 0);
        }

        _orchestrator = EcsDoubleOrchestrators.Create(_api, Pipeline, Cluster, Service);
    }

    public async Task DisposeAsync()
    {
        _orchestrator.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Scale_ServiceWithAnAutoScalingTarget_RefusesNamingItAndWritesNoCount()
    {
        lock (_api.State.Gate)
        {
            _api.State.ScalableTargets.Add($"service/{Cluster}/{Service}");
        }

        var error = await Assert.ThrowsAsync<EcsException>(() => _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 3));

        Assert.StartsWith($"ECS service '{Service}' in cluster '{Cluster}' (pipeline {Pipeline}): an Application Auto Scaling target is registered on its desired count (service/{Cluster}/{Service}, ecs:service:DesiredCount)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _api.Calls("UpdateService"));
        Assert.Equal(0, DesiredCount());
    }

    [Fact]
    public async Task Scale_ThrottledThreeTimes_RetriesWithBackoffAndTheCountLands()
    {
        for (var i = 0; i < 3; i++)
        {
            _api.FailNext(null, "ThrottlingException");
        }

        var result = await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 2);

        Assert.Empty(result.Failures);
        Assert.Equal(2, DesiredCount());
        Assert.Equal(4, _api.Calls("DescribeServices")); // three throttled, then answered
    }

    [Fact]
    public async Task Scale_ThrottledOnEveryAttempt_FailsAfterFiveAttemptsNamingTheService()
    {
        for (var i = 0; i < 5; i++)
        {
            _api.FailNext("UpdateService", "ThrottlingException");
        }

        var error = await Assert.ThrowsAsync<EcsException>(() => _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 2));

        Assert.Contains($"ECS service '{Service}' in cluster '{Cluster}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpdateService", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("HTTP 400 ThrottlingException: Rate exceeded (after 5 attempts)", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, _api.Calls("UpdateService"));
        Assert.Equal(0, DesiredCount());
    }

    [Fact]
    public async Task Scale_AccessDenied_FailsAtOnceWithoutRetrying()
    {
        _api.FailNext("UpdateService", "AccessDeniedException");

        var error = await Assert.ThrowsAsync<EcsException>(() => _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 2));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Contains(Service, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _api.Calls("UpdateService"));
    }

    [Fact]
    public async Task Scale_AutoScalingCheckDenied_RefusesToScaleAndSaysWhichPermissionIsNeeded()
    {
        _api.FailNext("DescribeScalableTargets", "AccessDeniedException");

        var error = await Assert.ThrowsAsync<EcsException>(() => _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 2));

        Assert.Contains("application-autoscaling:DescribeScalableTargets", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _api.Calls("UpdateService"));
    }

    [Fact]
    public async Task ScaleIn_ProtectsTheTasksThatStay_SoEcsStopsTheVictimsTheAgentChose()
    {
        await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 4);
        var pods = await AwaitRunningAsync(4);
        var victims = ScaleDownVictims.Choose(pods, 2).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();

        var result = await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 2);

        Assert.Equal(victims, result.Stopped.Order(StringComparer.Ordinal));
        var expected = pods.Select(p => p.Id).Except(victims).Order(StringComparer.Ordinal).ToList();
        var left = await AwaitRunningAsync(2);
        Assert.Equal(expected, left.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StopPods_ChosenTask_IsStoppedAndNotReplaced()
    {
        await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 3);
        var chosen = (await AwaitRunningAsync(3))[0];

        var result = await _orchestrator.StopPodsAsync(Pipeline, [chosen.Id]);

        Assert.Equal([chosen.Id], result.Stopped);
        var left = await AwaitRunningAsync(2);
        Assert.DoesNotContain(left, p => p.Id == chosen.Id);
        Assert.Equal(2, DesiredCount());
    }

    [Fact]
    public async Task ListPods_RunningTasks_CarryEveryContainerOfTheTaskDefinitionAndEngineTimes()
    {
        await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 1);

        var pod = Assert.Single(await AwaitRunningAsync(1));

        Assert.Equal(["processor", "sidecar"], pod.Containers.Select(c => c.Name));
        Assert.All(pod.Containers, c => Assert.True(c.Running, $"container {c.Name} not running"));
        Assert.True(pod.StartedAt > pod.CreatedAt, "startedAt is not after createdAt");
    }

    [Fact]
    public async Task ListPods_ManyTasks_FollowsListTasksPagesAndDescribesInBatchesOf100()
    {
        await _orchestrator.ScaleAsync(PodTemplate.DefinedByEngine(Pipeline), 130);

        var pods = await AwaitRunningAsync(130);

        Assert.Equal(130, pods.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.True(_api.Calls("DescribeTasks") >= 2, "130 tasks need two DescribeTasks calls");
    }

    private int DesiredCount()
    {
        lock (_api.State.Gate)
        {
            return _api.State.Service(Cluster, Service)!.DesiredCount;
        }
    }

    private async Task<IReadOnlyList<PodInfo>> AwaitRunningAsync(int count)
    {
        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(async () =>
            {
                pods = await _orchestrator.ListPodsAsync(Pipeline);
                return pods.Count == count && pods.All(p => p.State == PodState.Running);
            },
            Deadline, () => $"{count} running tasks of {Service} (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
        return pods;
    }
}
