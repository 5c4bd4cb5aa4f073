using Docker.DotNet;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Pods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests;

/// <summary>The <c>orchestrators.docker</c> section read by <see cref="DockerOrchestratorProvider"/>: problems under their keys, settings into the orchestrator.</summary>
public sealed class DockerOrchestratorProviderTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "endpoint", "docker.sock", "orchestrators.docker.endpoint: 'docker.sock' is not an absolute URI (for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)" },
        { "endpoint", "ftp://127.0.0.1/", "orchestrators.docker.endpoint: 'ftp://127.0.0.1/' is not a Docker endpoint (use unix://, npipe://, tcp://, http://, https://, for example unix:///var/run/docker.sock or tcp://127.0.0.1:2375)" },
        { "maxParallelPodStarts", "0", "orchestrators.docker.maxParallelPodStarts: must be >= 1 (was 0)" },
        { "maxParallelPodStarts", "eight", "orchestrators.docker.maxParallelPodStarts: 'eight' is not a whole number" },
        { "useInit", "on", "orchestrators.docker.useInit: 'on' is not true or false" },
        { "containerNamePrefix", "f12/", "orchestrators.docker.containerNamePrefix: 'f12/' cannot start a container name (a letter or digit, then letters, digits, '_', '.' or '-'; at most 32 characters)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Create_BadSetting_ReportsOneProblemUnderItsKey(string key, string value, string expected)
    {
        var errors = new List<string>();

        var orchestrator = Provider().Create(Section(errors, (key, value)), new Dictionary<string, OrchestratorPipelineSettings>());

        Assert.Equal([expected], errors);
        Assert.Null(orchestrator);
    }

    [Fact]
    public void Create_EndpointFromTheSection_IsWhereTheDockerClientConnects()
    {
        var errors = new List<string>();
        using var provider = Provider();

        var orchestrator = provider.Create(
            Section(errors, ("endpoint", "tcp://10.11.12.13:2375"), ("maxParallelPodStarts", "3"), ("useInit", "true"), ("containerNamePrefix", "f12-")),
            new Dictionary<string, OrchestratorPipelineSettings>());

        Assert.Empty(errors);
        var docker = Assert.IsType<DockerPodOrchestrator>(orchestrator);
        Assert.Equal(new Uri("tcp://10.11.12.13:2375"), Assert.IsType<DockerClient>(docker.Client).Configuration.EndpointBaseUri);
        Assert.Equal(new DockerOrchestratorOptions { Endpoint = new Uri("tcp://10.11.12.13:2375"), MaxParallelPodStarts = 3, UseInit = true, ContainerNamePrefix = "f12-" }, docker.Options);
    }

    [Fact]
    public void Create_NoSection_KeepsTheDefaultsGivenInCode()
    {
        var errors = new List<string>();
        var defaults = new DockerOrchestratorOptions { Endpoint = new Uri("unix:///run/user/1000/docker.sock"), ContainerNamePrefix = "test-" };
        using var provider = new DockerOrchestratorProvider(defaults, TimeProvider.System, NullLoggerFactory.Instance);

        var orchestrator = provider.Create(Section(errors), new Dictionary<string, OrchestratorPipelineSettings>());

        Assert.Empty(errors);
        Assert.Equal(defaults, Assert.IsType<DockerPodOrchestrator>(orchestrator).Options);
    }

    [Fact]
    public void Validate_Defaults_HaveNoProblem() =>
        Assert.Empty(DockerOrchestratorOptionsValidator.Validate(new DockerOrchestratorOptions()));

    [Fact]
    public void Validate_EveryBadOption_NamesEachKeyOnce()
    {
        var problems = DockerOrchestratorOptionsValidator.Validate(new DockerOrchestratorOptions
        {
            Endpoint = new Uri("file:///var/run/docker.sock"),
            MaxParallelPodStarts = -1,
            ContainerNamePrefix = "",
        });

        Assert.Equal(
            [DockerOrchestratorKeys.Endpoint, DockerOrchestratorKeys.MaxParallelPodStarts, DockerOrchestratorKeys.ContainerNamePrefix],
            problems.Select(p => p.Key));
    }

    private static DockerOrchestratorProvider Provider() => new(new DockerOrchestratorOptions(), TimeProvider.System, NullLoggerFactory.Instance);

    private static SectionReader Section(List<string> errors, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"orchestrators:docker:{s.Key}", s.Value)))
            .Build();
        return new SectionReader(configuration.GetSection("orchestrators:docker"), "orchestrators.docker", errors);
    }
}
