using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests;

/// <summary>The live page in real headless Chromium against a real Kestrel server.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LivePageBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The newest tick the page has read; 0 while the page (and its script) is still loading.</summary>
    private const string LastTick = "window.force12 ? window.force12.lastTick() : 0";

    [Fact]
    public async Task LivePage_NewTicks_ShowsEveryPipelineAndRedrawsTheChart()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs(target: 1), SampleStatus.BulbState()));
        await using var page = await ChromiumPage.OpenAsync(host.BaseAddress, ct);

        await Eventually.HoldsAsync(
            async () => (await page.EvaluateAsync("window.force12 ? window.force12.pipelines().length : 0", ct)).GetInt32() == 2,
            Timeout, () => "the page shows both pipelines");
        var cards = await page.EvaluateAsync("[...document.querySelectorAll('[data-pipeline]')].map(e => e.dataset.pipeline).join(',')", ct);
        Assert.Equal("bulbs,bulb-state", cards.GetString());
        const string chart = "document.querySelector('[data-pipeline=\"bulbs\"] canvas').toDataURL()";
        var before = (await page.EvaluateAsync(chart, ct)).GetString();

        for (var tick = 2; tick <= 5; tick++)
        {
            host.Board.Publish(SampleStatus.At(tick, SampleStatus.Bulbs(target: tick * 2), SampleStatus.BulbState()));
        }

        await UntilTickAsync(page, 5, "the page has read tick 5", ct);
        Assert.Equal(5, await PointsAsync(page, "bulbs", ct));
        var after = (await page.EvaluateAsync(chart, ct)).GetString();
        Assert.NotEqual(before, after);
        var text = await BulbsCardTextAsync(page, ct);
        Assert.Contains("11 needed, 10 target, 3 running, 2 ready", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LivePage_AnswersSlowerThanThePollInterval_DrawsEachTickOnce()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        await using var host = await AgentTestHost.StartAsync(historyDelay: TimeSpan.FromMilliseconds(1500));
        for (var tick = 1; tick <= 3; tick++)
        {
            host.Board.Publish(SampleStatus.At(tick, SampleStatus.Bulbs(target: tick), SampleStatus.BulbState()));
        }

        await using var page = await ChromiumPage.OpenAsync(host.BaseAddress, ct);

        // Three answers, each 1.5 s late against a 1 s poll interval: polls that overlapped would each
        // bring ticks 1-3 and the chart would hold them twice.
        await Eventually.HoldsAsync(() => Task.FromResult(host.HistoryAnswers >= 3), Timeout, () => "the agent has answered three polls");
        await UntilTickAsync(page, 3, "the page has read tick 3", ct);
        Assert.Equal(3, await PointsAsync(page, "bulbs", ct));
        Assert.Equal(3, await PointsAsync(page, "bulb-state", ct));
    }

    [Fact]
    public async Task LivePage_AgentRestartedWithFewerTicks_StartsOverAndDrawsTheNewRun()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        await using var host = await AgentTestHost.StartAsync();
        host.Board.Publish(SampleStatus.At(1, SampleStatus.Bulbs(target: 1), SampleStatus.BulbState()));
        await using var page = await ChromiumPage.OpenAsync(host.BaseAddress, ct);
        await UntilTickAsync(page, 1, "the page has read tick 1", ct);

        // What a page open across an agent restart holds: tick 900 of the earlier run, whose numbers the new run
        // (ticks 1 and 2 here) will not reach for a quarter of an hour. The page must start over with the new run.
        await page.EvaluateAsync("state.lastTick = 900", ct);
        await UntilTickAsync(page, 1, "the page has started over with the new run's tick 1", ct);
        host.Board.Publish(SampleStatus.At(2, SampleStatus.Bulbs(target: 4), SampleStatus.BulbState()));

        await UntilTickAsync(page, 2, "the page has read tick 2", ct);
        Assert.Equal(2, await PointsAsync(page, "bulbs", ct));
        var text = await BulbsCardTextAsync(page, ct);
        Assert.Contains("5 needed, 4 target", text, StringComparison.Ordinal);
    }

    /// <summary>Waits until the page has read <paramref name="tick"/> as its newest tick.</summary>
    private static Task UntilTickAsync(ChromiumPage page, int tick, string what, CancellationToken ct) =>
        Eventually.HoldsAsync(async () => (await page.EvaluateAsync(LastTick, ct)).GetInt32() == tick, Timeout, () => what);

    /// <summary>How many ticks the page's chart of <paramref name="pipeline"/> holds.</summary>
    private static async Task<int> PointsAsync(ChromiumPage page, string pipeline, CancellationToken ct) =>
        (await page.EvaluateAsync($"window.force12.points('{pipeline}')", ct)).GetInt32();

    /// <summary>The text of the bulbs pipeline's card (its table of figures).</summary>
    private static async Task<string?> BulbsCardTextAsync(ChromiumPage page, CancellationToken ct) =>
        (await page.EvaluateAsync("document.querySelector('[data-pipeline=\"bulbs\"]').innerText", ct)).GetString();
}
