using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Agent;

public sealed class AgentStatusBoardTests
{
    [Fact]
    public void Current_BeforeAnyPublish_IsEmpty()
    {
        Assert.Same(AgentStatus.Empty, new AgentStatusBoard().Current);
    }

    [Fact]
    public void Publish_MoreThanHistoryLength_KeepsOnlyTheNewest()
    {
        var board = new AgentStatusBoard(historyLength: 3);

        for (var tick = 1; tick <= 5; tick++)
        {
            board.Publish(StatusAt(tick));
        }

        Assert.Equal([3L, 4L, 5L], board.Since(0).Select(s => s.Tick));
        Assert.Equal(5, board.Current.Tick);
    }

    [Fact]
    public void Since_ATick_ReturnsOnlyLaterTicksOldestFirst()
    {
        var board = new AgentStatusBoard();
        for (var tick = 1; tick <= 4; tick++)
        {
            board.Publish(StatusAt(tick));
        }

        Assert.Equal([3L, 4L], board.Since(2).Select(s => s.Tick));
        Assert.Empty(board.Since(4));
    }

    [Fact]
    public void Since_ATickBeyondTheNewest_ReturnsTheWholeHistoryForAReaderOfAnEarlierRun()
    {
        var board = new AgentStatusBoard();
        for (var tick = 1; tick <= 3; tick++)
        {
            board.Publish(StatusAt(tick));
        }

        Assert.Equal([1L, 2L, 3L], board.Since(500).Select(s => s.Tick));
        Assert.Empty(new AgentStatusBoard().Since(500));
    }

    [Fact]
    public void Publish_WithPerPartitionSnapshots_KeepsThemInCurrentButNotInHistory()
    {
        var board = new AgentStatusBoard();
        IReadOnlyList<LagUnitSnapshot> units = [new() { Id = new LagUnitId("t", "0"), Lag = 5, Status = LagUnitStatus.Ok }];
        var pipeline = new PipelineStatus { Name = "p", SourceKind = "kafka", BacklogMessages = 5, Units = units };

        board.Publish(StatusAt(1) with { Pipelines = [pipeline] });

        Assert.Same(units, board.Current.Pipelines.Single().Units);
        var kept = board.Since(0).Single().Pipelines.Single();
        Assert.Null(kept.Units);
        Assert.Equal(pipeline with { Units = null }, kept);
    }

    [Fact]
    public void Since_SeveralTicks_OnlyTheNewestKeepsItsReasonSentenceAndEveryTickItsCode()
    {
        var board = new AgentStatusBoard();
        for (var tick = 1; tick <= 3; tick++)
        {
            var pipeline = new PipelineStatus { Name = "p", SourceKind = "kafka", ReasonCode = $"Code{tick}", Reason = $"sentence of tick {tick}" };
            board.Publish(StatusAt(tick) with { Pipelines = [pipeline] });
        }

        var history = board.Since(0).Select(s => s.Pipelines.Single()).ToList();
        var later = board.Since(1).Select(s => s.Pipelines.Single()).ToList();

        Assert.Equal(["Code1", "Code2", "Code3"], history.Select(p => p.ReasonCode));
        Assert.Equal(["", "", "sentence of tick 3"], history.Select(p => p.Reason));
        Assert.Equal(["", "sentence of tick 3"], later.Select(p => p.Reason));
        Assert.Equal("sentence of tick 3", board.Current.Pipelines.Single().Reason);
    }

    [Fact]
    public async Task NextAsync_AlreadyNewer_ReturnsTheCurrentStatusAtOnce()
    {
        var board = new AgentStatusBoard();
        board.Publish(StatusAt(1));
        board.Publish(StatusAt(2));

        Assert.Equal(2, (await board.NextAsync(0, CancellationToken.None)).Tick);
    }

    [Fact]
    public async Task NextAsync_NothingNewer_CompletesWithTheNextPublish()
    {
        var board = new AgentStatusBoard();
        board.Publish(StatusAt(1));

        var next = board.NextAsync(1, CancellationToken.None);
        Assert.False(next.IsCompleted);
        board.Publish(StatusAt(2));

        Assert.Equal(2, (await next.WaitAsync(TimeSpan.FromSeconds(30))).Tick);
    }

    [Fact]
    public async Task NextAsync_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var next = new AgentStatusBoard().NextAsync(0, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private static AgentStatus StatusAt(long tick) =>
        new() { Tick = tick, At = DateTimeOffset.UnixEpoch.AddSeconds(tick), Pipelines = [] };
}
