using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>Process-specific behaviour beyond the shared contract: pid reuse, records left by a crashed agent, validation.</summary>
public sealed class ProcessPodOrchestratorTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("force12-state-").FullName;
    private readonly string _signals = Directory.CreateTempSubdirectory("force12-signals-").FullName;

    [Fact]
    public async Task Reconcile_RecordedPidNowBelongsToAnotherProcess_RemovesRecordWithoutSignallingIt()
    {
        await using var stranger = new UnlabelledProcess(_signals);
        var store = new ProcessPodStore(_stateDirectory);
        var realTicks = ProcessIdentity.ReadStartTicks(stranger.Process.Id)!.Value;
        store.Write(new ProcessPodRecord
        {
            Id = "demo-reused",
            Pipeline = "demo",
            Size = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            StartedAt = DateTimeOffset.UnixEpoch,
            StopGraceSeconds = 1,
            Containers = [new ProcessContainerRecord("app", stranger.Process.Id, realTicks - 1)],
        });
        var orchestrator = CreateOrchestrator();

        var result = await orchestrator.ReconcileAsync(Template("demo"));

        Assert.Equal(["demo-reused"], result.Removed);
        Assert.False(stranger.Process.HasExited, "a process whose pid was reused got signalled");
        Assert.False(File.Exists(Path.Combine(_signals, "unlabelled.container.sigterm")));
        Assert.DoesNotContain(await orchestrator.ListPodsAsync("demo"), p => p.Id == "demo-reused");
        await orchestrator.ScaleAsync(Template("demo"), 0);
    }

    [Fact]
    public async Task ListPods_FolderWithoutRecord_IsBrokenAndScaleRemovesIt()
    {
        Directory.CreateDirectory(Path.Combine(_stateDirectory, "demo", "demo-crashed"));
        var orchestrator = CreateOrchestrator();

        var listed = Assert.Single(await orchestrator.ListPodsAsync("demo"));
        var result = await orchestrator.ScaleAsync(Template("demo"), 0);

        Assert.Equal(PodState.Exited, listed.State);
        Assert.Equal(["demo-crashed"], result.Removed);
        Assert.False(Directory.Exists(Path.Combine(_stateDirectory, "demo", "demo-crashed")));
    }

    [Fact]
    public void Validate_NetworkModeAndMissingCommand_AreRejectedNamingTheField()
    {
        var template = Template("demo") with
        {
            NetworkMode = PodNetworkMode.Network,
            NetworkName = "n",
            Containers = [new ContainerTemplate { Name = "app", Image = "ignored:1" }],
        };

        var errors = CreateOrchestrator().Validate(template);

        Assert.Equal(
            [
                "NetworkMode: Network is not supported by the process orchestrator (processes use the host's network); use Pod or Host.",
                "Containers[0].Command: is required by the process orchestrator (the executable to run).",
            ],
            errors);
    }

    public void Dispose()
    {
        Directory.Delete(_stateDirectory, recursive: true);
        Directory.Delete(_signals, recursive: true);
    }

    private ProcessPodOrchestrator CreateOrchestrator() => new(
        new ProcessOrchestratorOptions { StateDirectory = _stateDirectory }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);

    private PodTemplate Template(string pipeline) => new()
    {
        Pipeline = pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(2),
        Containers =
        [
            new ContainerTemplate
            {
                Name = "app",
                Command = ProcessPodOrchestratorContractTests.ProbePath,
                Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = _signals },
            },
        ],
    };
}
