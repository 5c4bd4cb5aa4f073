namespace Force12.Queues.Core.Tests.Agent;

/// <summary>An orchestrator whose calls throw fails its own pipeline's tick and nothing else (issue 17).</summary>
public sealed class ControlLoopOrchestratorFaultTests : IDisposable
{
    private readonly FaultHarness _h = new();

    [Fact]
    public async Task TickAsync_ListPodsThrows_HoldsThatPipelinesPodsAndRecoversWhileTheOtherScales()
    {
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();
        await _h.TickAsync();  // lists the 4 pods

        _h.Faulty.ListFaults["bulbs"] = new InvalidOperationException("the engine went away");
        _h.Bulbs.Backlog(lag: 60_000, arrivalRate: 0, processingRate: 0);  // needs 12
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);  // needs 2
        var (bulbs, state) = await _h.TickAsync();
        await _h.TickAsync();

        Assert.Equal("listing pods failed: InvalidOperationException: the engine went away", bulbs.OrchestratorError);
        Assert.Contains("pods could not be listed, holding them", bulbs.Reason, StringComparison.Ordinal);
        Assert.Equal(4, bulbs.RunningPods);
        Assert.Equal([4], _h.ScaleCalls("bulbs"));
        Assert.Null(state.OrchestratorError);
        Assert.Equal([1, 2], _h.ScaleCalls("bulb-state"));

        _h.Faulty.ListFaults.Clear();
        (bulbs, _) = await _h.TickAsync();

        Assert.Null(bulbs.OrchestratorError);
        Assert.Equal([4, 12], _h.ScaleCalls("bulbs"));
        Assert.Equal(12, _h.Orchestrator.Pods.Values.Count(p => p.Pipeline == "bulbs"));
        Assert.Contains("listing pods", Assert.Single(_h.Logged(1004)), StringComparison.Ordinal);
        Assert.Equal(["Pipeline bulbs: orchestrator listing pods works again after 2 failed calls"], _h.Logged(1008));
    }

    [Fact]
    public async Task TickAsync_ScaleThrows_RetriesEachTickShowsTheErrorAndRecoversWhileTheOtherScales()
    {
        _h.Faulty.ScaleFaults["bulbs"] = new HttpRequestException("Connection refused (/var/run/docker.sock)");
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();
        await _h.TickAsync();
        var (bulbs, state) = await _h.TickAsync();

        Assert.Equal("scaling failed: HttpRequestException: Connection refused (/var/run/docker.sock)", bulbs.OrchestratorError);
        Assert.Equal([4, 4, 4], _h.ScaleCalls("bulbs"));
        Assert.Null(state.OrchestratorError);
        Assert.Equal(1, state.RunningPods);

        _h.Faulty.ScaleFaults.Clear();
        await _h.TickAsync();
        (bulbs, _) = await _h.TickAsync();

        Assert.Null(bulbs.OrchestratorError);
        Assert.Equal(4, bulbs.RunningPods);
        Assert.Equal([4, 4, 4, 4], _h.ScaleCalls("bulbs"));
        Assert.Contains("scaling", Assert.Single(_h.Logged(1004)), StringComparison.Ordinal);
        Assert.Equal(["Pipeline bulbs: orchestrator scaling works again after 3 failed calls"], _h.Logged(1008));
    }

    public void Dispose() => _h.Dispose();
}
