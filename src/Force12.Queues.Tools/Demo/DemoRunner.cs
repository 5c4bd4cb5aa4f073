using Force12.Queues.Agent;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Core.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// <c>force12 demo</c>: embedded Kafka, lightbulb load generators (random demand and a dusk spike for bulbs, a
/// steady stream for the background job of <c>priorities</c>), the agent with the scenario's pipelines as bulbs
/// sample pods, a live terminal view and the live page. Everything it started is stopped at the end (pods
/// included), then a summary is printed.
/// </summary>
internal sealed class DemoRunner(DemoOptions options, IAnsiConsole console, TextWriter output)
{
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
            var scenario = DemoScenario.For(options, new SplitMixRandomSource(options.Seed));
            using var kafka = EmbeddedKafkaCluster.Start(brokers: 1);
            foreach (var pipeline in scenario.Pipelines)
            {
                kafka.CreateTopic(pipeline.Name, pipeline.Partitions);
            }

            var settings = DemoSettings.For(options, scenario, kafka.BootstrapServers, stateDirectory, out var register);
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
            var load = await RunLoadAndViewAsync(scenario, kafka.BootstrapServers, board, page, stop.Token).ConfigureAwait(false);

            await output.WriteLineAsync("stopping: load generator done; stopping the agent and its pods...").ConfigureAwait(false);
            await agent.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var ticks = board.Since(0);
            var lines = scenario.Name == DemoScenario.Single
                ? DemoSummary.From(ticks, scenario.Pipelines[0].Name, load.Values.Sum(r => r.Acknowledged), counters.Started, counters.Stopped).Lines()
                : PrioritiesSummary.Lines(scenario, ticks, load, counters);
            foreach (var line in lines)
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

    private async Task<IReadOnlyDictionary<string, LoadReport>> RunLoadAndViewAsync(DemoScenario scenario, string bootstrapServers, AgentStatusBoard board, Uri page, CancellationToken stop)
    {
        var time = TimeProvider.System;
        var loadRun = DemoLoad.RunAsync(scenario, options.Bulbs, options.Seed, bootstrapServers, time, stop);
        var started = time.GetTimestamp();
        var describe = DemoLoad.Describe(scenario);
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
}
