using System.Text.Json;

namespace Force12.Queues.Core.Tests.Agent;

/// <summary>A collector that throws fails its own pipeline's tick and nothing else (issue 17).</summary>
public sealed class ControlLoopCollectorFaultTests : IDisposable
{
    private const string NotANumber = "The requested operation requires an element of type 'Number', but the target element has type 'String'.";

    private readonly FaultHarness _h = new();

    [Fact]
    public async Task TickAsync_CollectorThrowsOnSomeTicks_HoldsThenFallsBackThenRecoversWhileTheOtherPipelineScales()
    {
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);  // needs 4
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);   // needs 1
        await _h.TickAsync();

        // A RabbitMQ management answer {"messages_ready": "lots"} made the JSON reader throw this.
        _h.Bulbs.Throw(new InvalidOperationException(NotANumber));
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);  // needs 2
        var (bulbs, state) = await _h.TickAsync();

        Assert.Equal($"scripted cluster 'test', group 'g': Other: the collector failed: InvalidOperationException: {NotANumber}", bulbs.CollectorError);
        Assert.Null(bulbs.BacklogMessages);
        Assert.Equal("MetricsUnavailableHold", bulbs.ReasonCode);
        Assert.Equal(4, bulbs.TargetPods);
        Assert.Equal([4], _h.ScaleCalls("bulbs"));
        Assert.Null(state.CollectorError);
        Assert.Equal([1, 2], _h.ScaleCalls("bulb-state"));

        _h.Bulbs.Throw(new JsonException("'l' is an invalid start of a value."), fromTask: true);
        (bulbs, _) = await _h.TickAsync();

        Assert.Equal("scripted cluster 'test', group 'g': Other: the collector failed: JsonException: 'l' is an invalid start of a value.", bulbs.CollectorError);
        Assert.Equal("FallbackAfterFailedPolls", bulbs.ReasonCode);
        Assert.Equal([4, FaultHarness.FallbackPods], _h.ScaleCalls("bulbs"));

        _h.Bulbs.Backlog(lag: 60_000, arrivalRate: 0, processingRate: 0);  // needs 12
        (bulbs, _) = await _h.TickAsync();

        Assert.Null(bulbs.CollectorError);
        Assert.Equal(4, bulbs.LastSuccessfulCollectTick);
        Assert.Equal([4, FaultHarness.FallbackPods, 12], _h.ScaleCalls("bulbs"));
        Assert.Equal(["bulbs", "bulbs"], _h.CollectionFailures);
        var failed = Assert.Single(_h.Logged(1002));
        Assert.Contains($"InvalidOperationException: {NotANumber}", failed, StringComparison.Ordinal);
        Assert.Contains("fallback after 2 failed polls", failed, StringComparison.Ordinal);
        Assert.Equal(["Pipeline bulbs: collection recovered after 2 failed polls"], _h.Logged(1007));
    }

    /// <summary>What a collector might throw, by name: at once, or from its task.</summary>
    public static TheoryData<string, bool> Faults => new()
    {
        { "not a number", false },
        { "truncated json", true },
        { "missing field", false },
        { "bad format", true },
        { "plugin timeout", true },
        { "plugin cancelled", false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task TickAsync_CollectorThrows_FailsThatPipelineWithTheExceptionAndHoldsItsPods(string name, bool fromTask)
    {
        var fault = Fault(name);
        _h.Bulbs.Backlog(lag: 20_000, arrivalRate: 0, processingRate: 0);
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);
        await _h.TickAsync();

        _h.Bulbs.Throw(fault, fromTask);
        _h.State.Backlog(lag: 10_000, arrivalRate: 0, processingRate: 0);
        var (bulbs, state) = await _h.TickAsync();

        Assert.Equal($"scripted cluster 'test', group 'g': Other: the collector failed: {fault.GetType().Name}: {fault.Message}", bulbs.CollectorError);
        Assert.Equal(4, bulbs.TargetPods);
        Assert.Equal([4], _h.ScaleCalls("bulbs"));
        Assert.Equal(2, state.TargetPods);
    }

    [Fact]
    public async Task RunAsync_CollectorThrowsOnEveryTick_KeepsTickingLogsOnceAndStopsOnCancellation()
    {
        _h.Bulbs.Throw(new InvalidOperationException(NotANumber));
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);
        using var stop = new CancellationTokenSource();

        var run = _h.Loop.RunAsync(stop.Token);
        for (var tick = 1; tick <= 5; tick++)
        {
            Assert.True(await _h.Ticked.WaitAsync(TimeSpan.FromSeconds(30)), $"tick {tick} did not complete");
            _h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_h.Board.Current.Tick >= 5, $"the loop stopped at tick {_h.Board.Current.Tick}");
        Assert.Contains("InvalidOperationException", _h.Board.Current.Pipelines.Single(p => p.Name == "bulbs").CollectorError, StringComparison.Ordinal);
        Assert.Single(_h.Logged(1002));
        Assert.Equal([1], _h.ScaleCalls("bulb-state"));
    }

    [Fact]
    public async Task TickAsync_AgentCancelledWhileCollecting_StillThrowsOperationCanceled()
    {
        _h.Bulbs.Hang();
        _h.State.Backlog(lag: 5_000, arrivalRate: 0, processingRate: 0);
        using var stop = new CancellationTokenSource();

        var tick = _h.Loop.TickAsync(stop.Token);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tick);
        Assert.Empty(_h.Logged(1002));
    }

    public void Dispose() => _h.Dispose();

    private static Exception Fault(string name) => name switch
    {
        "not a number" => new InvalidOperationException(NotANumber),
        "truncated json" => new JsonException("Expected depth to be zero at the end of the JSON payload."),
        "missing field" => new KeyNotFoundException("The given key 'messages_ready' was not present in the dictionary."),
        "bad format" => new FormatException("The input string 'NaN' was not in a correct format."),
        // The plugin's own timeout (an HttpClient's), not the agent's cancellation.
        "plugin timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."),
        "plugin cancelled" => new OperationCanceledException("The operation was canceled."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such fault"),
    };
}
