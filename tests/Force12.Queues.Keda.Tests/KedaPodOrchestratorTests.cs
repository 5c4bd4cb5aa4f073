using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Keda.Tests;

/// <summary>The keda orchestrator actuates nothing: it lists the count last asked for as running, never ready, placeholders.</summary>
public sealed class KedaPodOrchestratorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ListPods_BeforeAnyScale_IsEmpty()
    {
        var keda = new KedaPodOrchestrator(new KedaOrchestratorOptions(), _time);

        Assert.Empty(await keda.ListPodsAsync("bulbs"));
        Assert.Empty(keda.Validate(PodTemplate.DefinedByEngine("bulbs")));
    }

    [Fact]
    public async Task ScaleAsync_Count_IsListedAsRunningPlaceholdersSinceTheChange()
    {
        var keda = new KedaPodOrchestrator(new KedaOrchestratorOptions(), _time);
        var since = _time.GetUtcNow();

        var result = await keda.ScaleAsync(PodTemplate.DefinedByEngine("bulbs"), 3);
        _time.Advance(TimeSpan.FromSeconds(5));
        await keda.ScaleAsync(PodTemplate.DefinedByEngine("bulbs"), 3);
        var pods = await keda.ListPodsAsync("bulbs");

        Assert.Equal(3, result.Running);
        Assert.Empty(result.Started);
        Assert.Equal(["keda-0", "keda-1", "keda-2"], pods.Select(p => p.Id));
        Assert.All(pods, p => Assert.Equal((PodState.Running, since), (p.State, p.CreatedAt)));
        Assert.Empty(await keda.ListPodsAsync("lamps"));
    }

    [Fact]
    public async Task StopPods_ChosenPods_AreRefusedAsAFailure()
    {
        var keda = new KedaPodOrchestrator(new KedaOrchestratorOptions(), _time);
        await keda.ScaleAsync(PodTemplate.DefinedByEngine("bulbs"), 2);

        var result = await keda.StopPodsAsync("bulbs", ["keda-1"]);

        Assert.Equal(["pipeline bulbs is actuated by KEDA: the agent cannot stop chosen pods"], result.Failures);
        Assert.Equal(2, result.Running);
        Assert.Equal(2, (await keda.ReconcileAsync(PodTemplate.DefinedByEngine("bulbs"))).Running);
    }
}
