using Force12.Queues.Simulation.Traces;
using Xunit.Abstractions;

namespace Force12.Queues.Simulation.Tests;

public sealed class Scratch(ITestOutputHelper output)
{
    [Fact]
    public void Dusk()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var report = SimulationRunner.Run([new SimulatedPipeline { Name = "lights", Trace = new DuskSpikeTrace() }], new SimulationOptions());
        foreach (var r in report.Results)
        {
            output.WriteLine($"{r.Policy,-14} sla {r.WithinSlaPercent,8:F3}% p99 {r.P99DelaySeconds,7:F2}s pod-s {r.PodSeconds,9:F0} actions {r.ScaleActions} peak {r.Pipelines[0].PeakPods} end {r.Pipelines[0].BacklogAtEnd:F0}");
        }
        foreach (var pt in report.Series.Where(p => p.Policy == "force12" && (p.Seconds % 20 == 0 || p.Seconds < 10)))
        {
            output.WriteLine($"{pt.Seconds,6} rate {pt.ArrivalRate,8:F0} backlog {pt.Backlog,9:F0} pods {pt.Pods}");
        }
        output.WriteLine($"ratio {report.Results[0].PodSeconds / report.Results[^1].PodSeconds:F3} in {sw.ElapsedMilliseconds} ms");
    }
}
