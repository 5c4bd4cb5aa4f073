using Force12.Queues.Agent;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Docker;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Processes;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// <c>force12 demo</c>: embedded Kafka, a lightbulb load generator (random demand and a dusk spike), the
/// agent with the bulbs sample pipeline as pods, a live terminal view and the live page. Everything it
/// started is stopped at the end (pods included), then a summary is printed.
/// </summary>
internal sealed class DemoRunner(DemoOptions options, IAnsiConsole console, TextWriter output)
{
    private const string Pipeline = "bulbs";
    private const string Topic = "bulbs";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Orchestrator == "docker" && await DockerImageCheck.ProblemAsync(BulbsPod.Image, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            await output.WriteLineAsync($"cannot run the demo on Docker: {problem}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var stateDirectory = Directory.CreateTempSubdirectory("force12-demo-").FullName;
        try
        {
            using var kafka = EmbeddedKafkaCluster.Start(brokers: 1);
            kafka.CreateTopic(Topic, options.Partitions);
            var settings = Configure(kafka.BootstrapServers, stateDirectory, out var register);
            var counters = new DemoCounters();
            var build = await AgentHost.BuildAsync(services => AgentConfigurationCheck.Read(settings, services), new AgentRunOptions { StopPodsOnExit = true }, services =>
            {
                register(services);
                services.AddSingleton<IControlLoopObserver>(counters);
            }, logging => logging.SetMinimumLevel(LogLevel.None)).ConfigureAwait(false);
            await using var agent = build.App
                ?? throw new InvalidOperationException("The demo's embedded configuration is invalid: " + string.Join("; ", build.Errors));
            var configuration = agent.Services.GetRequiredService<AgentConfiguration>();
            try
            {
                await agent.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await output.WriteLineAsync($"cannot serve the live page on {configuration.HttpAddress}: {e.Message}; choose another port with --port").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var board = agent.Services.GetRequiredService<AgentStatusBoard>();
            var page = new Uri($"http://{configuration.HttpAddress}/");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(options.Duration);
            var load = await RunLoadAndViewAsync(kafka.BootstrapServers, board, page, stop.Token).ConfigureAwait(false);

            await output.WriteLineAsync("stopping: load generator done; stopping the agent and its pods...").ConfigureAwait(false);
            await agent.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var summary = DemoSummary.From(board.Since(0), Pipeline, load.Acknowledged, counters.Started, counters.Stopped);
            foreach (var line in summary.Lines())
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private async Task<LoadReport> RunLoadAndViewAsync(string bootstrapServers, AgentStatusBoard board, Uri page, CancellationToken stop)
    {
        var random = new SplitMixRandomSource(options.Seed);
        var rate = new SumRate(
            null,
            new RandomWalkRate(100, 20, 250, TimeSpan.FromSeconds(3), 0.5, random.NextDouble, null),
            DuskSpikeTrace.Burst(0, options.Bulbs, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), null));
        var time = TimeProvider.System;
        await using var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = bootstrapServers, Topic = Topic }, time);
        var generator = new LoadGenerator(
            new LoadGeneratorOptions { Rate = rate },
            new LightbulbEventFactory(options.Bulbs, 10, 1, random, time),
            sink,
            time);
        var loadRun = generator.RunAsync(null, stop);
        var started = time.GetTimestamp();
        var describe = rate.Describe();
        if (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await console.Live(DemoView.Render(board.Current, [], page, TimeSpan.Zero, options.Duration, describe))
                .StartAsync(async context =>
                {
                    while (!loadRun.IsCompleted)
                    {
                        context.UpdateTarget(DemoView.Render(board.Current, board.Since(0), page, time.GetElapsedTime(started), options.Duration, describe));
                        await Task.WhenAny(loadRun, Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None)).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"live page: {page}  (load: {describe})").ConfigureAwait(false);
            while (!loadRun.IsCompleted)
            {
                await Task.WhenAny(loadRun, Task.Delay(TimeSpan.FromSeconds(5), time, CancellationToken.None)).ConfigureAwait(false);
                await output.WriteLineAsync(DemoView.Line(board.Current, time.GetElapsedTime(started))).ConfigureAwait(false);
            }
        }

        return await loadRun.ConfigureAwait(false);
    }

    /// <summary>The demo's pipeline, read through the same configuration reader as <c>force12 run</c>.</summary>
    private IConfiguration Configure(string bootstrapServers, string stateDirectory, out Action<IServiceCollection> register)
    {
        var pod = BulbsPod.Settings(options, bootstrapServers, Topic, stateDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["pollInterval"] = "1s",
            ["http:address"] = $"127.0.0.1:{options.Port}",
            ["capacity:podSlots"] = options.Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"pipelines:{Pipeline}:sla"] = $"{options.Sla.TotalSeconds}s",
            [$"pipelines:{Pipeline}:minPods"] = "1",
            [$"pipelines:{Pipeline}:maxPods"] = options.Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"pipelines:{Pipeline}:perPodThroughput"] = (1000 / options.WorkMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"pipelines:{Pipeline}:scaleDownStabilisation"] = "15s",
            [$"pipelines:{Pipeline}:source:kind"] = "kafka",
            [$"pipelines:{Pipeline}:source:bootstrapServers"] = bootstrapServers,
            [$"pipelines:{Pipeline}:source:group"] = Pipeline,
            [$"pipelines:{Pipeline}:source:topics:0"] = Topic,
            [$"pipelines:{Pipeline}:orchestrator"] = options.Orchestrator,
        };
        foreach (var (key, value) in pod)
        {
            settings[$"pipelines:{Pipeline}:pod:{key}"] = value;
        }

        var processes = new ProcessOrchestratorOptions { StateDirectory = Path.Combine(stateDirectory, "pods") };
        register = services => services.AddForce12().AddKafka().AddProcesses(processes).AddDocker();
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
