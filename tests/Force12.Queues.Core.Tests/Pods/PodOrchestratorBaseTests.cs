using System.Diagnostics.Metrics;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Metrics;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Core.Tests.Pods;

public sealed class PodOrchestratorBaseTests : IDisposable
{
    private static readonly PodTemplate Template = new()
    {
        Pipeline = "bulbs",
        Containers = [new ContainerTemplate { Name = "app", Command = "/bin/app" }],
    };

    /// <summary>Fake time each pod takes to start, so start latencies are exact.</summary>
    private static readonly TimeSpan PodStartTime = TimeSpan.FromMilliseconds(300);

    private readonly FakeTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public void Validate_WarmPodsOnAnOrchestratorWithoutThem_ReportsWarm()
    {
        var orchestrator = new FakePodOrchestrator(_time);

        var errors = orchestrator.Validate(Template with { WarmPods = 2 });

        Assert.Equal([$"pipelines.bulbs.pod.warm: warm pods are not supported by the {orchestrator.Kind} orchestrator; use 0 (was 2)"], errors);
    }

    [Fact]
    public async Task ScaleAsync_Hooks_BeforeStartingOnlyWhenStartingAndAfterWithRunningCount()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };

        await orchestrator.ScaleAsync(Template, 3);
        await orchestrator.ScaleAsync(Template, 3);
        await orchestrator.ScaleAsync(Template, 1);
        await orchestrator.ReconcileAsync(Template);

        Assert.Equal(["before 3", "after 3", "after 3", "after 1", "after 1"], orchestrator.HookCalls);
    }

    [Fact]
    public async Task ScaleAsync_UpkeepProblems_AreReportedAsFailures()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime, UpkeepProblems = ["standby pod x could not be created"] };

        var result = await orchestrator.ScaleAsync(Template, 2);

        Assert.Equal(2, result.Started.Count);
        Assert.Equal(["standby pod x could not be created"], result.Failures);
    }

    [Fact]
    public async Task ScaleAsync_Down_StopsNotReadyThenNewestPods()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };
        await orchestrator.ScaleAsync(Template, 4);
        var oldest = orchestrator.Pods["bulbs-001"];
        orchestrator.Pods[oldest.Id] = oldest with { State = PodState.Running, ReadyAt = null };

        var result = await orchestrator.ScaleAsync(Template, 2);

        Assert.Equal(["bulbs-001", "bulbs-004"], result.Stopped);
        Assert.Equal(2, result.Running);
        Assert.Equal(["bulbs-002", "bulbs-003"], orchestrator.Pods.Keys.Order());
    }

    [Fact]
    public async Task ScaleAsync_BrokenPod_IsRemovedAndNotCountedAsRunning()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };
        await orchestrator.ScaleAsync(Template, 3);
        orchestrator.Pods["bulbs-002"] = orchestrator.Pods["bulbs-002"] with { State = PodState.Exited };

        var result = await orchestrator.ScaleAsync(Template, 3);

        Assert.Equal(["bulbs-002"], result.Removed);
        Assert.Equal(["bulbs-004"], result.Started.Select(p => p.Id));
        Assert.Equal(3, result.Running);
    }

    [Fact]
    public async Task ScaleAsync_StartFailures_AreReportedNotThrown()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };
        var failing = Template with { Containers = [new ContainerTemplate { Name = "fail" }] };

        var result = await orchestrator.ScaleAsync(failing, 2);

        Assert.Empty(result.Started);
        Assert.Equal(2, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.Contains("failed to start and was removed: container 'fail' could not start", f, StringComparison.Ordinal));
        Assert.Equal(0, result.Running);
    }

    [Fact]
    public async Task ScaleAsync_InvalidTemplate_ThrowsWithEveryError()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };

        var ex = await Assert.ThrowsAsync<PodTemplateException>(() => orchestrator.ScaleAsync(Template with { Pipeline = "", Containers = [] }, 1));

        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public async Task StopPodsAsync_UnknownIds_AreIgnored()
    {
        var orchestrator = new FakePodOrchestrator(_time) { StartTime = PodStartTime };
        await orchestrator.ScaleAsync(Template, 2);

        var result = await orchestrator.StopPodsAsync("bulbs", ["bulbs-002", "nope"]);

        Assert.Equal(["bulbs-002"], result.Stopped);
        Assert.Equal(1, result.Running);
        Assert.Equal(["bulbs-002"], orchestrator.StopCalls);
    }

    [Fact]
    public async Task ScaleAsync_WithMetrics_RecordsTimeToRunningAndReadyOncePerPod()
    {
        var measurements = new List<(string Name, double Value, string Phase)>();
        using var listener = Listen(measurements);
        var orchestrator = new FakePodOrchestrator(_time, metrics: new PodMetrics(_meters)) { StartTime = PodStartTime };
        await orchestrator.ScaleAsync(Template, 2);
        await orchestrator.ScaleAsync(Template with { Containers = [new ContainerTemplate { Name = "fail" }] }, 3);

        await orchestrator.ListPodsAsync("bulbs");

        var starts = measurements.Where(m => m.Name == "force12.pod.start.duration").ToList();
        Assert.Equal(["ready", "ready", "running", "running"], starts.Select(m => m.Phase).Order());
        Assert.All(starts, m => Assert.Equal(0.3, m.Value, precision: 6));
        Assert.Equal(1, measurements.Count(m => m.Name == "force12.pod.start.failures"));
    }

    public void Dispose() => _meters.Dispose();

    private MeterListener Listen(List<(string Name, double Value, string Phase)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == _meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Add((i.Name, value, Phase(tags))));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Add((i.Name, value, Phase(tags))));
        listener.Start();
        return listener;
    }

    private static string Phase(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "phase")
            {
                return (string)tag.Value!;
            }
        }

        return "";
    }
}
