using System.Diagnostics;
using System.Globalization;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>The shared orchestrator contract against real local processes running the probe sample.</summary>
public sealed class ProcessPodOrchestratorContractTests : PodOrchestratorContractTests
{
    public static readonly string ProbePath = Path.Combine(AppContext.BaseDirectory, "force12-probe");

    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("force12-state-").FullName;

    protected override IPodOrchestrator CreateOrchestratorCore() => new ProcessPodOrchestrator(
        new ProcessOrchestratorOptions { StateDirectory = _stateDirectory }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);

    protected override PodTemplate CreateTemplate() => new()
    {
        Pipeline = Pipeline,
        StopGracePeriod = Grace,
        NetworkMode = PodNetworkMode.Host,
        Containers = [Probe("app"), Probe("sidecar")],
    };

    protected override PodTemplate CreateTemplateWhoseSecondContainerFailsToStart() =>
        CreateTemplate() with { Containers = [Probe("app"), Probe("sidecar") with { Command = "/does-not-exist" }] };

    protected override Task KillFromOutsideAsync(PodContainerInfo container)
    {
        using var process = Process.GetProcessById(int.Parse(container.Id, CultureInfo.InvariantCulture));
        process.Kill();
        return Task.CompletedTask;
    }

    protected override async Task<int> CountContainersLeftAsync(string pipeline)
    {
        // Live processes that carry the pipeline's variable, checked against what the state folder still records:
        // a stale record (the analogue of an exited container left behind) fails the test too. A process in the middle
        // of an exec (setsid -> sh -> probe) shows an empty /proc/<pid>/environ for an instant, so the two counts are
        // awaited until they agree; a real orphan or stale record never agrees and fails after the deadline.
        var live = 0;
        var recorded = 0;
        await Eventually.HoldsAsync(() =>
            {
                live = ProcessEnvironment.CountProcessesWith($"{PodLabels.PipelineVariable}={pipeline}");
                var pipelineDir = Path.Combine(_stateDirectory, pipeline);
                recorded = Directory.Exists(pipelineDir) ? Directory.GetDirectories(pipelineDir).Length * 2 : 0;
                return Task.FromResult(live == recorded);
            },
            TimeSpan.FromSeconds(20),
            () => $"the {live} live processes of pipeline {pipeline} match the {recorded} containers its state folder records");
        return live;
    }

    protected override Task<IUnlabelledWorkload> StartUnlabelledAsync() =>
        Task.FromResult<IUnlabelledWorkload>(new UnlabelledProcess(SignalDirectory));

    protected override Task CleanupAsync()
    {
        Directory.Delete(_stateDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private ContainerTemplate Probe(string name) => new()
    {
        Name = name,
        Command = ProbePath,
        Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = SignalDirectory },
    };
}
