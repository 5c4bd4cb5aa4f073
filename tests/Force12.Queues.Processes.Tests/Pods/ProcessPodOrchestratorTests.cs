using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>Process-specific behaviour beyond the shared contract: pid reuse, records left by a crashed agent, validation.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
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
    public async Task Scale_Up_EachProcessRunsInASessionOfItsOwnAwayFromTheAgentsTerminalSignals()
    {
        var orchestrator = CreateOrchestrator();

        var pod = Assert.Single((await orchestrator.ScaleAsync(Template("demo"), 1)).Started);

        var record = new ProcessPodStore(_stateDirectory).Read("demo", pod.Id)!;
        var container = Assert.Single(record.Containers);
        var (session, group) = SessionAndGroup(container.Pid);
        var (ourSession, ourGroup) = SessionAndGroup(Environment.ProcessId);
        Assert.Equal(container.Pid, session);
        Assert.Equal(container.Pid, group);
        Assert.NotEqual(ourSession, session);
        Assert.NotEqual(ourGroup, group);
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
    public async Task Reconcile_CrashedProcess_ReplacesPodAndLogsItsLastOutput()
    {
        var logger = new ListLogger<ProcessPodOrchestrator>();
        var orchestrator = new ProcessPodOrchestrator(new ProcessOrchestratorOptions { StateDirectory = _stateDirectory }, TimeProvider.System, logger);
        var crashing = Template("demo") with
        {
            Containers = [Template("demo").Containers[0] with
            {
                Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = _signals, ["PROBE_EXIT_AFTER_MS"] = "1" },
            }],
        };
        var first = (await orchestrator.ScaleAsync(crashing, 1)).Started[0];
        await Eventually.HoldsAsync(async () => (await orchestrator.ListPodsAsync("demo")).Single().State == PodState.Exited,
            TimeSpan.FromSeconds(20), () => "the probe has crashed");

        var result = await orchestrator.ReconcileAsync(Template("demo"));

        Assert.Equal([first.Id], result.Removed);
        Assert.Single(result.Started);
        var died = Assert.Single(logger.Entries, e => e.EventId == 5200);
        Assert.Contains("crashing on purpose", died.Message, StringComparison.Ordinal);
        await orchestrator.ScaleAsync(Template("demo"), 0);
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
                "pipelines.demo.pod.network: a named network is not supported by the process orchestrator (processes use the host's network); use pod or host",
                "pipelines.demo.pod.containers[0].command: is required by the process orchestrator (the executable to run)",
            ],
            errors);
    }

    [Fact]
    public void Validate_StandbyPods_AreRejectedNamingTheField()
    {
        var errors = CreateOrchestrator().Validate(Template("demo") with { StandbyPods = 2 });

        Assert.Equal(["pipelines.demo.pod.standby: standby pods are not supported by the process orchestrator (a process pod starts in milliseconds); use 0 (was 2)"], errors);
    }

    public void Dispose()
    {
        Directory.Delete(_stateDirectory, recursive: true);
        Directory.Delete(_signals, recursive: true);
    }

    /// <summary>Session and process-group ids from /proc/PID/stat (fields 6 and 5, after the command in parentheses).</summary>
    private static (int Session, int Group) SessionAndGroup(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
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
