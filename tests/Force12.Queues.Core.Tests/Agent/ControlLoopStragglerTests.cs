using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>
/// A plugin that ignores cancellation, or answers with something the policy cannot use, fails only its own pipeline's
/// tick: the tick ends at the collect timeout, the hung call is not started again while it runs, other pipelines decide
/// (issue 17).
/// </summary>
public sealed class ControlLoopStragglerTests : IDisposable
{
    private readonly FaultHarness _h = new();

    [Fact]
    public async Task TickAsync_CollectorIgnoresCancellation_TickEndsAtTheTimeoutAndTheCallIsNotRepeatedUntilItReturns()
    {
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();
        var calls = new List<Task>();
        var release = _h.Bulbs.HangIgnoringCancellation();
        var hung = _h.Bulbs.Next;
        _h.Bulbs.Next = ct =>
        {
            var call = hung(ct);
            calls.Add(call);
            return call;
        };
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);  // needs 2

        var (bulbs, state) = await TickPastTheTimeoutAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("scripted cluster 'test', group 'g': Unreachable: no answer within the collect timeout (1 s)", bulbs.CollectorError);
        Assert.Equal(4, bulbs.TargetPods);
        Assert.Equal(2, state.TargetPods);

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        (bulbs, _) = await _h.TickAsync();

        _ = Assert.Single(calls);
        Assert.Equal(
            "scripted cluster 'test', group 'g': Unreachable: the previous collection has not returned after 3 s (it ignored its timeout); not starting another",
            bulbs.CollectorError);

        release.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => calls[0]);
        _h.Bulbs.Backlog(lag: 60_000, arrivalRate: 0, processingRate: 0);  // needs 12
        (bulbs, _) = await _h.TickAsync();

        Assert.Null(bulbs.CollectorError);
        Assert.Equal([4, FaultHarness.FallbackPods, 12], _h.ScaleCalls("bulbs"));
    }

    [Fact]
    public async Task TickAsync_PodListingIgnoresCancellation_HoldsThatPipelinesPodsWhileTheOtherScales()
    {
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();
        var hang = new TaskCompletionSource<IReadOnlyList<PodInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Faulty.ListHangs["bulbs"] = hang;
        _h.Bulbs.Backlog(lag: 60_000, arrivalRate: 0, processingRate: 0);  // needs 12
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);  // needs 2

        var (bulbs, state) = await TickPastTheTimeoutAsync(TimeSpan.FromSeconds(11));

        Assert.Equal("listing pods failed: TimeoutException: no answer within 10 s", bulbs.OrchestratorError);
        Assert.Equal([4], _h.ScaleCalls("bulbs"));
        Assert.Equal([1, 2], _h.ScaleCalls("bulb-state"));
        Assert.Equal(2, state.TargetPods);

        _h.Faulty.ListHangs.Clear();
        hang.SetResult([]);
        await hang.Task;
        (bulbs, _) = await _h.TickAsync();

        Assert.Null(bulbs.OrchestratorError);
        Assert.Equal([4, 12], _h.ScaleCalls("bulbs"));
    }

    [Fact]
    public async Task TickAsync_CollectorAnswersWithAMalformedSnapshot_FailsThatPipelineAndTheLoopGoesOn()
    {
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();

        _h.Bulbs.Malformed();
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);  // needs 2
        var (bulbs, state) = await _h.TickAsync();

        Assert.StartsWith("scripted cluster 'test', group 'g': Other: the collector's answer could not be used: NullReferenceException", bulbs.CollectorError, StringComparison.Ordinal);
        Assert.Equal("MetricsUnavailableHold", bulbs.ReasonCode);
        Assert.Equal([4], _h.ScaleCalls("bulbs"));
        Assert.Equal(2, state.TargetPods);
        Assert.Contains("NullReferenceException", Assert.Single(_h.Logged(1002)), StringComparison.Ordinal);
        Assert.Equal(["bulbs"], _h.CollectionFailures);
    }

    public void Dispose() => _h.Dispose();

    /// <summary>Starts a tick, moves fake time by <paramref name="by"/> (past a timeout), and returns the tick's statuses.</summary>
    private async Task<(Force12.Queues.Core.Agent.PipelineStatus Bulbs, Force12.Queues.Core.Agent.PipelineStatus State)> TickPastTheTimeoutAsync(TimeSpan by)
    {
        var tick = _h.TickAsync();
        _h.Time.Advance(by);
        return await tick.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
