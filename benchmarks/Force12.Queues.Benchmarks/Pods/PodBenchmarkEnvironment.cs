using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Force12.Queues.Core.Pods;
using Force12.Queues.Docker;
using Force12.Queues.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>An orchestrator, a two-container probe template and the folders they use, for one benchmark run.</summary>
public sealed class PodBenchmarkEnvironment : IDisposable
{
    private const string Image = "force12/probe:bench";
    private static bool _probeBuilt;
    private readonly DockerClient? _client;
    private readonly string _signals;
    private readonly string? _state;

    private PodBenchmarkEnvironment(IPodOrchestrator orchestrator, PodTemplate template, DockerClient? client, string signals, string? state)
    {
        Orchestrator = orchestrator;
        Template = template;
        _client = client;
        _signals = signals;
        _state = state;
    }

    public IPodOrchestrator Orchestrator { get; }

    public PodTemplate Template { get; }

    public static PodBenchmarkEnvironment Create(string kind) => Create(kind, new DockerOrchestratorOptions(), client => client);

    /// <summary>Like <see cref="Create(string)"/>, with the Docker orchestrator's options and a wrapper around its client.</summary>
    public static PodBenchmarkEnvironment Create(string kind, DockerOrchestratorOptions options, Func<IDockerClient, IDockerClient> wrap)
    {
        var root = RepositoryRoot();
        if (!_probeBuilt)
        {
            BuildProbe(root);
            _probeBuilt = true;
        }

        var signals = Directory.CreateTempSubdirectory("force12-bench-signals-").FullName;
        var pipeline = "bench-" + kind;
        if (kind == "docker")
        {
            var client = new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient();
            var docker = new DockerPodOrchestrator(wrap(client), options, TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);
            return new PodBenchmarkEnvironment(docker, ProbeTemplate(pipeline, c => c with
            {
                Image = Image,
                Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = "/signals" },
                Mounts = [new ContainerMount { HostPath = signals, ContainerPath = "/signals" }],
            }), client, signals, null);
        }

        var state = Directory.CreateTempSubdirectory("force12-bench-state-").FullName;
        var probe = Path.Combine(root, "artifacts", "publish", "force12-probe", "force12-probe");
        var processes = new ProcessPodOrchestrator(new ProcessOrchestratorOptions { StateDirectory = state }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);
        return new PodBenchmarkEnvironment(processes, ProbeTemplate(pipeline, c => c with
        {
            Command = probe,
            Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = signals },
        }), null, signals, state);
    }

    /// <summary>Waits until every probe is up (so it sees SIGTERM and exits at once), then scales to zero. Not measured.</summary>
    public Task ScaleToZeroAsync() => ScaleToAsync(Template, 0);

    /// <summary>Waits until every probe is up (so it sees SIGTERM and exits at once), then scales to <paramref name="replicas"/>. Not measured.</summary>
    public async Task ScaleToAsync(PodTemplate template, int replicas)
    {
        var watch = Stopwatch.StartNew();
        foreach (var pod in await Orchestrator.ListPodsAsync(Template.Pipeline))
        {
            while (!pod.Containers.All(c => File.Exists(Path.Combine(_signals, $"{pod.Id}.{c.Name}.started"))) && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(10);
            }
        }

        var result = await Orchestrator.ScaleAsync(template, replicas);
        if (result.Failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", result.Failures));
        }
    }

    /// <summary>Throws unless exactly <paramref name="expected"/> pods started without failures: a benchmark never times a failure.</summary>
    public static void Check(PodOperationResult result, int expected)
    {
        if (result.Started.Count != expected || result.Failures.Count > 0)
        {
            throw new InvalidOperationException($"started {result.Started.Count} of {expected} pods: {string.Join("; ", result.Failures)}");
        }
    }

    public static void PrintPercentiles(string title, List<double> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var sorted = samples.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: n={sorted.Count} p50={At(0.50):F0} ms p95={At(0.95):F0} ms max={sorted[^1]:F0} ms"));
    }

    public void Dispose()
    {
        ScaleToZeroAsync().GetAwaiter().GetResult();
        _client?.Dispose();
        Directory.Delete(_signals, recursive: true);
        if (_state is not null)
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private static PodTemplate ProbeTemplate(string pipeline, Func<ContainerTemplate, ContainerTemplate> customize) => new()
    {
        Pipeline = pipeline,
        StopGracePeriod = TimeSpan.FromSeconds(5),
        Containers = [customize(new ContainerTemplate { Name = "app" }), customize(new ContainerTemplate { Name = "sidecar" })],
    };

    private static void BuildProbe(string root)
    {
        using var build = Process.Start(new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            ArgumentList = { "scripts/build-images.sh", "src/Force12.Queues.Samples.Probe", Image, "--trim" },
        })!;
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/build-images.sh failed with exit code {build.ExitCode} (is dockerd running?)");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Force12.Queues.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Force12.Queues.sln not found above " + AppContext.BaseDirectory);
    }
}
