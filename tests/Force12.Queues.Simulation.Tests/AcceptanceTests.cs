namespace Force12.Queues.Simulation.Tests;

/// <summary>The acceptance numbers of issue 4, asserted so the claims in docs/benchmarks.md fail when they stop being true.</summary>
public sealed class AcceptanceTests(ScenarioRuns runs) : IClassFixture<ScenarioRuns>
{
    [Fact]
    public void Dusk_DefaultSettings_Force12MeetsSlaForAtLeast999Permille()
    {
        Assert.True(runs.Dusk.Result("force12").WithinSlaPercent >= 99.9, $"force12 within SLA: {runs.Dusk.Result("force12").WithinSlaPercent:0.000}%");
    }

    [Fact]
    public void Dusk_DefaultSettings_Force12UsesAtMost115TimesOraclePodSeconds()
    {
        var ratio = runs.Dusk.Result("force12").PodSeconds / runs.Dusk.Result(SimulationRunner.OracleName).PodSeconds;

        Assert.InRange(ratio, 1.0, 1.15);
    }

    [Fact]
    public void Dusk_SameRun_ShowsKedaDefaultAndStaticBesideForce12()
    {
        var force12 = runs.Dusk.Result("force12");
        var keda = runs.Dusk.Result("keda-default");
        var staticPeak = runs.Dusk.Result("static-peak");

        Assert.Equal(["force12", "keda-default", "static-peak", "oracle"], runs.Dusk.Results.Select(r => r.Policy));
        Assert.True(keda.WithinSlaPercent < force12.WithinSlaPercent, "KEDA's 15 s HPA sync and +4/x2 scale-up limit miss the SLA at dusk");
        Assert.True(keda.PodSeconds > force12.PodSeconds, "KEDA holds pods for its 300 s scale-down window");
        Assert.True(staticPeak.PodSeconds > 3 * force12.PodSeconds / 2, "static provisioning pays for the peak all run");
        Assert.Equal(100, staticPeak.WithinSlaPercent, 3);
    }

    [Fact]
    public void TwoPriority_Priority1_MeetsItsSlaThroughoutWithEveryPodItAskedFor()
    {
        var lights = runs.TwoPriority.Result("force12").Pipelines.Single(p => p.Pipeline == "lights");

        Assert.True(lights.WithinSlaPercent >= 99.9, $"lights within SLA: {lights.WithinSlaPercent:0.000}%");
        Assert.Equal(100, lights.TimeAtNeedPercent);
    }

    [Fact]
    public void TwoPriority_Priority2_UsesTheRestAndRecoversItsBacklog()
    {
        var billing = runs.TwoPriority.Result("force12").Pipelines.Single(p => p.Pipeline == "billing");
        var series = runs.TwoPriority.Series.Where(s => s.Policy == "force12").GroupBy(s => s.Seconds).ToList();

        Assert.True(billing.TimeAtNeedPercent < 100, "the pool must have been too small for both at the dusk peak");
        Assert.All(series, at => Assert.True(at.Sum(s => s.Pods) <= BuiltInScenarios.TwoPriorityPoolPods));
        var squeezed = series.Where(at => at.Single(s => s.Pipeline == "lights").Pods == 100).ToList();
        Assert.NotEmpty(squeezed);
        Assert.All(squeezed, at => Assert.Equal(BuiltInScenarios.TwoPriorityPoolPods - 100, at.Single(s => s.Pipeline == "billing").Pods));
        var peakBacklog = series.Max(at => at.Single(s => s.Pipeline == "billing").Backlog);
        Assert.True(peakBacklog > 100_000, $"billing should have built a backlog while squeezed (peak {peakBacklog:0})");
        Assert.True(billing.BacklogAtEnd < 1_000, $"billing backlog at the end: {billing.BacklogAtEnd:0}");
    }
}
