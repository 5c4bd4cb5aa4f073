using Force12.Queues.Core.Agent;

namespace Force12.Queues.Core.Tests.Agent;

public sealed class AgentReadinessTests
{
    [Theory]
    [InlineData(10, 10L, 3, true)]   // collected this tick
    [InlineData(10, 8L, 3, true)]    // two ticks ago, within the window
    [InlineData(10, 7L, 3, false)]   // three ticks ago: window exceeded
    [InlineData(10, null, 3, false)] // never collected
    [InlineData(10, 9L, 1, false)]   // strictest window: must be this tick
    public void NotReadyPipelines_ByTicksSinceLastSuccess_MatchesWindow(long tick, long? lastSuccess, int window, bool ready)
    {
        var status = StatusAt(tick, Pipeline("bulbs", lastSuccess));

        var notReady = AgentReadiness.NotReadyPipelines(status, window);

        Assert.Equal(ready ? [] : ["bulbs"], notReady);
    }

    [Fact]
    public void NotReadyPipelines_BeforeFirstTick_ListsEveryPipeline()
    {
        var status = StatusAt(0, Pipeline("a", null), Pipeline("b", null));

        Assert.Equal(["a", "b"], AgentReadiness.NotReadyPipelines(status));
    }

    [Fact]
    public void NotReadyPipelines_OneStalePipeline_NamesOnlyThatOne()
    {
        var status = StatusAt(20, Pipeline("fresh", 20), Pipeline("stale", 5));

        Assert.Equal(["stale"], AgentReadiness.NotReadyPipelines(status));
    }

    [Fact]
    public void NotReadyPipelines_WindowBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentReadiness.NotReadyPipelines(StatusAt(1), 0));
    }

    private static PipelineStatus Pipeline(string name, long? lastSuccess) =>
        new() { Name = name, SourceKind = "kafka", LastSuccessfulCollectTick = lastSuccess };

    private static AgentStatus StatusAt(long tick, params PipelineStatus[] pipelines) =>
        new() { Tick = tick, At = DateTimeOffset.UnixEpoch.AddSeconds(tick), Pipelines = pipelines };
}
