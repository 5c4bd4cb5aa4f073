using System.Diagnostics.Metrics;
using Force12.Queues.Core.Pods;
using Force12.Queues.Kubernetes.Tests.Double;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kubernetes.Tests;

/// <summary>
/// Pod start latency from the pods' own timestamps (creation to the Ready condition), against
/// <see cref="KubernetesApiDouble"/> (a double of the Kubernetes API, not a cluster).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KubernetesPodStartMetricsTests : IAsyncLifetime, IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private KubernetesApiDouble _api = null!;

    public async Task InitializeAsync() => _api = await KubernetesApiDouble.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task ListPods_PodsBecomeReady_RecordsEachPodsTimeToReadyOnceFromItsTimestamps()
    {
        var ready = new List<(double Seconds, string Kind, string Phase)>();
        using var listener = Listen(ready);
        _api.AddWorkload(KubernetesWorkloadKind.Deployment, "iot", "bulbs");
        var targets = new Dictionary<string, KubernetesTarget> { ["bulbs"] = new(KubernetesWorkloadKind.Deployment, "iot", "bulbs") };
        var orchestrator = new KubernetesPodOrchestrator(targets, _api.CreateClient, TimeProvider.System, NullLogger<KubernetesPodOrchestrator>.Instance, new PodMetrics(_meters));

        await orchestrator.ScaleAsync(PodTemplate.DefinedByEngine("bulbs"), 2);
        IReadOnlyList<PodInfo> pods = [];
        await Eventually.HoldsAsync(
            async () => (pods = await orchestrator.ListPodsAsync("bulbs")).Count(p => p.State == PodState.Ready) == 2,
            TimeSpan.FromSeconds(60),
            () => $"two ready pods (last seen: {string.Join(", ", pods.Select(p => $"{p.Id} {p.State}"))})");
        await orchestrator.ListPodsAsync("bulbs");

        Assert.Equal(2, ready.Count);
        Assert.All(ready, m => Assert.Equal(("kubernetes", "ready"), (m.Kind, m.Phase)));
        // The double moves a pod to Running and then Ready after their delays; the API's timestamps have whole seconds.
        Assert.Equal(pods.Select(p => p.TimeToReady!.Value.TotalSeconds).Order(), ready.Select(m => m.Seconds).Order());
    }

    private MeterListener Listen(List<(double Seconds, string Kind, string Phase)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == _meters && instrument.Name == "force12.pod.start.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, Tag(tags, "kind"), Tag(tags, "phase")));
            }
        });
        listener.Start();
        return listener;
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return (string)tag.Value!;
            }
        }

        return "";
    }
}
