using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;

namespace Force12.Queues.Nomad.Tests;

/// <summary>Nomad-specific behaviour against <see cref="NomadApiDouble"/>: deployment retries, ACL and missing targets.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class NomadPodOrchestratorTests : IAsyncLifetime, IDisposable
{
    private readonly NomadOrchestratorProvider _provider = NomadOrchestrators.Provider();
    private NomadApiDouble _nomad = null!;

    public async Task InitializeAsync()
    {
        _nomad = await NomadApiDouble.StartAsync();
        _nomad.Cluster.AddJob("default", "bulbs", new Dictionary<string, int> { ["processor"] = 1 });
    }

    public async Task DisposeAsync() => await _nomad.DisposeAsync();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task Scale_DuringActiveDeployment_IsRetriedUntilTheCountLands()
    {
        _nomad.InjectDeploymentInProgress(times: 2);

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 3);

        Assert.Empty(result.Failures);
        Assert.Equal(3, _nomad.ScaleRequests.Count);
        Assert.Equal(3, _nomad.Cluster.Groups("default", "bulbs")!["processor"]);
        var request = _nomad.ScaleRequests.Last();
        Assert.Equal(3, request.GetProperty("Count").GetInt32());
        Assert.Equal("processor", request.GetProperty("Target").GetProperty("Group").GetString());
        Assert.Equal("force12: scale pipeline 'p' to 3", request.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Scale_DeploymentOutlastsTheRetries_IsAFailureNamingTheTargetAfterFiveTries()
    {
        _nomad.InjectDeploymentInProgress(times: 100);

        var result = await Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 3);

        Assert.Equal(5, _nomad.ScaleRequests.Count);
        var failure = Assert.Single(result.Failures);
        Assert.Contains("job 'bulbs' group 'processor'", failure, StringComparison.Ordinal);
        Assert.Contains(NomadApiDouble.DeploymentBlockedBody, failure, StringComparison.Ordinal);
        Assert.Equal(1, _nomad.Cluster.Groups("default", "bulbs")!["processor"]);
    }

    [Fact]
    public async Task Scale_CancelledWhileWaitingForADeployment_StopsRetrying()
    {
        _nomad.InjectDeploymentInProgress(times: 100);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Orchestrator().ScaleAsync(PodTemplate.DefinedByEngine("p"), 3, cancel.Token));
        Assert.InRange(_nomad.ScaleRequests.Count, 0, 4); // the 5th try would come after 300 ms of waits
    }

    [Fact]
    public async Task Calls_WithAWrongToken_FailWithPermissionDeniedNamingJobAndAddress()
    {
        _nomad.RequiredToken = "right";
        var orchestrator = Orchestrator(token: "wrong");

        var scale = await Assert.ThrowsAsync<NomadApiException>(() => orchestrator.ScaleAsync(PodTemplate.DefinedByEngine("p"), 2));
        var list = await Assert.ThrowsAsync<NomadApiException>(() => orchestrator.ListPodsAsync("p"));

        var expected = $"Nomad at {_nomad.Address}, job 'bulbs' in namespace 'default': permission denied (403 Permission denied): the ACL token needs read-job, read-job-scaling and scale-job on the namespace";
        Assert.Equal(expected, scale.Message);
        Assert.Equal(expected, list.Message);
    }

    [Fact]
    public async Task Calls_WithTheRightToken_ReachTheJob()
    {
        _nomad.RequiredToken = "right";

        var pods = await Orchestrator(token: "right").ListPodsAsync("p");

        Assert.True(pods.Count <= 1);
    }

    [Fact]
    public async Task Calls_ForAJobInAnotherNamespace_AreNotFoundNamingJobNamespaceAndAddress()
    {
        var orchestrator = Orchestrator(ns: "team-b");

        var error = await Assert.ThrowsAsync<NomadApiException>(() => orchestrator.ListPodsAsync("p"));

        Assert.Equal($"Nomad at {_nomad.Address}, job 'bulbs' in namespace 'team-b': not found (404 job not found)", error.Message);
        Assert.Contains("team-b", _nomad.NamespacesSeen);
    }

    [Fact]
    public async Task Scale_GroupTheJobDoesNotHave_FailsNamingTheGroupsItHas()
    {
        var orchestrator = NomadOrchestrators.Create(_provider, _nomad, "p", "bulbs", "procesor");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => orchestrator.ScaleAsync(PodTemplate.DefinedByEngine("p"), 2));

        Assert.Equal($"Nomad at {_nomad.Address}: job 'bulbs' in namespace 'default' has no task group 'procesor' (groups: processor)", error.Message);
        Assert.Empty(_nomad.ScaleRequests);
    }

    [Fact]
    public async Task StopPods_ChosenAllocations_IsAFailureSayingNomadChooses()
    {
        var result = await Orchestrator().StopPodsAsync("p", ["a"]);

        Assert.Contains("Nomad chooses the allocations a scale-down stops", Assert.Single(result.Failures), StringComparison.Ordinal);
    }

    private NomadPodOrchestrator Orchestrator(string ns = "default", string? token = null) =>
        NomadOrchestrators.Create(_provider, _nomad, "p", "bulbs", "processor", ns, token);
}
