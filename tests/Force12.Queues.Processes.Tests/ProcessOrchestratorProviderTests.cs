using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Processes.Tests;

/// <summary>The <c>orchestrators.process</c> section read by <see cref="ProcessOrchestratorProvider"/>: problems under their keys, settings into the orchestrator.</summary>
public sealed class ProcessOrchestratorProviderTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("force12-provider-state-").FullName;

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "stateDirectory", "pods", "orchestrators.process.stateDirectory: must be an absolute path (was 'pods')" },
        { "maxParallelPodStarts", "0", "orchestrators.process.maxParallelPodStarts: must be >= 1 (was 0)" },
        { "maxParallelPodStarts", "1.5", "orchestrators.process.maxParallelPodStarts: '1.5' is not a whole number" },
        { "stopPollInterval", "0s", "orchestrators.process.stopPollInterval: must be more than 0s and at most 1s (was 0s)" },
        { "stopPollInterval", "1500ms", "orchestrators.process.stopPollInterval: must be more than 0s and at most 1s (was 1500ms)" },
        { "stopPollInterval", "often", "orchestrators.process.stopPollInterval: 'often' is not a duration (use a number with ms, s, m or h, for example 10s)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Create_BadSetting_ReportsOneProblemUnderItsKeyAndCreatesNothing(string key, string value, string expected)
    {
        var errors = new List<string>();

        var orchestrator = Provider().Create(Section(errors, (key, value)), new Dictionary<string, OrchestratorPipelineSettings>());

        Assert.Equal([expected], errors);
        Assert.Null(orchestrator);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)] // starts a real process
    public async Task Create_StateDirectoryFromTheSection_IsWherePodsAreRecorded()
    {
        var errors = new List<string>();
        var orchestrator = Provider().Create(
            Section(errors, ("stateDirectory", _stateDirectory), ("maxParallelPodStarts", "2"), ("stopPollInterval", "20ms")),
            new Dictionary<string, OrchestratorPipelineSettings>())!;
        var template = new PodTemplate
        {
            Pipeline = "bulbs",
            StopGracePeriod = TimeSpan.FromSeconds(2),
            Containers = [new ContainerTemplate { Name = "app", Command = "sleep", Args = ["30"] }],
        };

        var pod = Assert.Single((await orchestrator.ScaleAsync(template, 1)).Started);

        Assert.Empty(errors);
        Assert.Equal(
            new ProcessOrchestratorOptions { StateDirectory = _stateDirectory, MaxParallelPodStarts = 2, StopPollInterval = TimeSpan.FromMilliseconds(20) },
            Assert.IsType<ProcessPodOrchestrator>(orchestrator).Options);
        Assert.True(File.Exists(Path.Combine(_stateDirectory, "bulbs", pod.Id, "pod.json")), "the pod is not recorded in the configured state directory");
        await orchestrator.ScaleAsync(template, 0);
        Assert.False(Directory.Exists(Path.Combine(_stateDirectory, "bulbs", pod.Id)));
    }

    [Fact]
    public void Validate_Defaults_HaveNoProblem() =>
        Assert.Empty(ProcessOrchestratorOptionsValidator.Validate(new ProcessOrchestratorOptions()));

    [Fact]
    public void Validate_EveryBadOption_NamesEachKeyOnce()
    {
        var problems = ProcessOrchestratorOptionsValidator.Validate(new ProcessOrchestratorOptions
        {
            StateDirectory = "",
            MaxParallelPodStarts = 0,
            StopPollInterval = TimeSpan.FromSeconds(-1),
        });

        Assert.Equal(
            [ProcessOrchestratorKeys.StateDirectory, ProcessOrchestratorKeys.MaxParallelPodStarts, ProcessOrchestratorKeys.StopPollInterval],
            problems.Select(p => p.Key));
    }

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    private static ProcessOrchestratorProvider Provider() => new(new ProcessOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

    private static SectionReader Section(List<string> errors, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"orchestrators:process:{s.Key}", s.Value)))
            .Build();
        return new SectionReader(configuration.GetSection("orchestrators:process"), "orchestrators.process", errors);
    }
}
