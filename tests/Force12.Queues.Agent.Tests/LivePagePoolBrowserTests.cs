using Force12.Queues.Core.Agent;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests;

/// <summary>
/// The live page's shared-pool views in real headless Chromium against a real Kestrel server: the time axis, the
/// pool's slots stacked by priority against its size, and each pipeline's decision reasons over time.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LivePagePoolBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LivePage_TwoPrioritiesOnNineSlots_StacksThePoolByPriorityAndDrawsReasonsOnATimeAxis()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        await using var host = await AgentTestHost.StartAsync();
        // Bulbs (priority 1) takes slots from backfill (priority 2) as its spike comes: 1+8, 4+5, 8+1, 8+1.
        int[] bulbsSlots = [1, 4, 8, 8];
        string[] bulbsReasons = ["WithinSla", "ScaleUpForSla", "ScaleUpForSla", "WithinSla"];
        for (var tick = 1; tick <= 4; tick++)
        {
            host.Board.Publish(Pool(tick, bulbsSlots[tick - 1], bulbsReasons[tick - 1]));
        }

        await using var page = await ChromiumPage.OpenAsync(host.BaseAddress, ct);
        await Eventually.HoldsAsync(
            async () => (await page.EvaluateAsync("window.force12 ? window.force12.lastTick() : 0", ct)).GetInt32() == 4,
            Timeout, () => "the page has read tick 4");

        Assert.Equal(4, (await page.EvaluateAsync("window.force12.poolPoints()", ct)).GetInt32());
        Assert.Equal("{\"1\":8,\"2\":1}", (await page.EvaluateAsync("JSON.stringify(window.force12.poolByPriority())", ct)).GetString());
        Assert.Equal(
            "WithinSla x1, ScaleUpForSla x2, WithinSla x1",
            (await page.EvaluateAsync("window.force12.reasonRuns('bulbs').map(r => r.code + ' x' + r.ticks).join(', ')", ct)).GetString());
        Assert.Equal("Steady x4", (await page.EvaluateAsync("window.force12.reasonRuns('backfill').map(r => r.code + ' x' + r.ticks).join(', ')", ct)).GetString());
        var labels = (await page.EvaluateAsync("window.force12.timeLabels().length", ct)).GetInt32();
        Assert.True(labels >= 2, $"the time axis has {labels} label(s) for 3 s of ticks");

        // The newest tick's column: priority 1's colour at the bottom (8 of 9 slots), priority 2's just above it.
        Assert.Equal("28,126,214", await PoolPixelAsync(page, slotsHigh: 4, ct));
        Assert.Equal("245,159,0", await PoolPixelAsync(page, slotsHigh: 8.5, ct));
        var legend = (await page.EvaluateAsync("document.getElementById('reasons-legend').innerText", ct)).GetString();
        Assert.Contains("ScaleUpForSla", legend, StringComparison.Ordinal);
    }

    /// <summary>The colour (r,g,b) of the pool chart at the newest tick, <paramref name="slotsHigh"/> slots up its 9-slot axis.</summary>
    private static async Task<string?> PoolPixelAsync(ChromiumPage page, double slotsHigh, CancellationToken ct)
    {
        var script = $$"""
            (() => {
              const c = document.getElementById('pool-canvas'), pad = 28, right = 48;
              const y = Math.round(c.height - pad - (c.height - 2 * pad) * {{slotsHigh.ToString(System.Globalization.CultureInfo.InvariantCulture)}} / 9);
              const x = Math.round(c.width - right - 1);
              return [...c.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)].join(',');
            })()
            """;
        return (await page.EvaluateAsync(script, ct)).GetString();
    }

    private static AgentStatus Pool(int tick, int bulbsSlots, string bulbsReason) => SampleStatus.At(
        tick,
        SampleStatus.Bulbs(target: bulbsSlots, reasonCode: bulbsReason) with { CapacityUsed = bulbsSlots, RunningPods = bulbsSlots },
        SampleStatus.BulbState() with { Name = "backfill", Priority = 2, CapacityUsed = 9 - bulbsSlots, RunningPods = 9 - bulbsSlots }) with { CapacitySlots = 9 };
}
