using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;
using Force12.Queues.Tools.Demo;
using Force12.Queues.Core.Agent;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>
/// Reaction to a demand step: the real agent (embedded Kafka, bulbs sample pods as local processes) sees demand
/// step from 1x to 5x one pod's capacity. Reacted = the first agent tick at or after the step whose status shows
/// target pods at least the 5x need, running pods at least the target pods, and a backlog below the previous
/// tick's. Reaction time = that tick's time minus the step's time.
/// </summary>
internal sealed class ReactionBenchmark(TextWriter output, string groupProtocol)
{
    private const string Pipeline = "bulbs";
    private const string Topic = "bulbs";
    private const int Partitions = 12;
    private const double WorkMilliseconds = 10;
    private const double PodCapacity = 1000 / WorkMilliseconds;
    private const int StepFactor = 5;
    private const int Batch = 20;
    private const int SessionTimeoutMs = 6000;
    private static readonly int PodsFor5x = (int)Math.Ceiling(StepFactor * PodCapacity / PodCapacity);

    public static async Task<int> RunAsync(string[] args)
    {
        var steps = Option(args, "--steps", 10);
        var kedaSteps = Option(args, "--keda-steps", 4);
        var at = Array.IndexOf(args, "--group-protocol");
        var groupProtocol = at < 0 ? "consumer" : at + 1 < args.Length && args[at + 1] is "consumer" or "classic"
            ? args[at + 1]
            : throw new ArgumentException("--group-protocol must be consumer or classic");
        var bench = new ReactionBenchmark(Console.Out, groupProtocol);
        await Console.Out.WriteLineAsync($"pods consume on the {groupProtocol} consumer-group protocol").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reaction benchmark: one pod = {PodCapacity:0} msg/s ({WorkMilliseconds:0} ms work per message); demand steps {PodCapacity:0} -> {StepFactor * PodCapacity:0} msg/s; reacted = first tick with required >= {PodsFor5x}, running >= required, backlog < previous tick's")).ConfigureAwait(false);
        var results = new List<ReactionResult>();
        foreach (var setting in new[] { new ReactionSetting("force12 (1 s polling)", TimeSpan.FromSeconds(1), steps), new ReactionSetting("KEDA-like (30 s poll)", TimeSpan.FromSeconds(30), kedaSteps) })
        {
            if (setting.Steps > 0)
            {
                results.Add(await bench.MeasureAsync(setting, CancellationToken.None).ConfigureAwait(false));
            }
        }

        await Console.Out.WriteLineAsync("--- results").ConfigureAwait(false);
        foreach (var result in results)
        {
            await Console.Out.WriteLineAsync(result.Line()).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(result.PhasesLine()).ConfigureAwait(false);
        }

        if (results.Count == 2)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ratio KEDA-like / force12: p50 {results[1].Percentile(0.5) / results[0].Percentile(0.5):0.0}x  p95 {results[1].Percentile(0.95) / results[0].Percentile(0.95):0.0}x")).ConfigureAwait(false);
        }

        var p95 = results.Count > 0 ? results[0].Percentile(0.95) : double.NaN;
        await Console.Out.WriteLineAsync($"target p95 < 2 s at 1 s polling: {(p95 < 2 && results[0].TimedOut == 0 ? "met" : "MISSED")}").ConfigureAwait(false);
        return 0;
    }

    private async Task<ReactionResult> MeasureAsync(ReactionSetting setting, CancellationToken cancellationToken)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("force12-reaction-").FullName;
        try
        {
            using var kafka = EmbeddedKafkaCluster.Start(brokers: 1);
            kafka.CreateTopic(Topic, Partitions);
            var settings = Configure(setting, kafka.BootstrapServers, stateDirectory, out var register);
            var build = await AgentHost.BuildAsync(services => AgentConfigurationCheck.Read(settings, services), new AgentRunOptions { StopPodsOnExit = true }, register, logging => logging.SetMinimumLevel(LogLevel.None)).ConfigureAwait(false);
            await using var agent = build.App ?? throw new InvalidOperationException("invalid benchmark configuration: " + string.Join("; ", build.Errors));
            await agent.StartAsync(cancellationToken).ConfigureAwait(false);
            var board = agent.Services.GetRequiredService<AgentStatusBoard>();
            var demand = new ReactionDemand(PodCapacity);
            var time = TimeProvider.System;
            var random = new SplitMixRandomSource(6);
            using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = kafka.BootstrapServers, Topic = Topic }, time);
            var generator = new LoadGenerator(new LoadGeneratorOptions { Rate = demand }, new LightbulbEventFactory(10_000, 10, 1, random, time), sink, time);
            var load = generator.RunAsync(null, stopLoad.Token);
            var seconds = new List<double>();
            var decidedSeconds = new List<double>();
            var startedSeconds = new List<double>();
            var timedOut = 0;
            for (var step = 1; step <= setting.Steps; step++)
            {
                demand.Rate = PodCapacity;
                if (!await ReactionWatch.SettleAsync(board, setting, PodCapacity, time, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"{setting.Name} step {step}: did not settle back to 1x within the deadline ({ReactionWatch.Describe(board.Current)}); step skipped").ConfigureAwait(false);
                    timedOut++;
                    continue;
                }

                // Step at a random phase of the poll interval, as real demand does.
                await Task.Delay(setting.PollInterval * random.NextDouble(), time, cancellationToken).ConfigureAwait(false);
                var stepAt = time.GetUtcNow();
                demand.Rate = StepFactor * PodCapacity;
                var phases = await ReactionWatch.ReactedAsync(board, stepAt, PodsFor5x, setting.PollInterval * 3 + TimeSpan.FromSeconds(30), time, cancellationToken).ConfigureAwait(false);
                if (phases is { Reacted: { } status, Decided: { } decided, Started: { } running })
                {
                    var s = (status.At - stepAt).TotalSeconds;
                    seconds.Add(s);
                    decidedSeconds.Add((decided - stepAt).TotalSeconds);
                    startedSeconds.Add((running - stepAt).TotalSeconds);
                    var p = status.Pipelines[0];
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{setting.Name} step {step}: reacted after {s:0.00} s (5x need decided after {decidedSeconds[^1]:0.00} s, those pods running after {startedSeconds[^1]:0.00} s; tick {status.Tick}: target {p.TargetPods}, running {p.RunningPods}, backlog {p.BacklogMessages})")).ConfigureAwait(false);
                }
                else
                {
                    timedOut++;
                    await output.WriteLineAsync($"{setting.Name} step {step}: no reaction before the deadline").ConfigureAwait(false);
                }
            }

            await stopLoad.CancelAsync().ConfigureAwait(false);
            await load.ConfigureAwait(false);
            await agent.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return new ReactionResult(setting, seconds, timedOut) { DecidedSeconds = decidedSeconds, StartedSeconds = startedSeconds };
        }
        finally
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private IConfiguration Configure(ReactionSetting setting, string bootstrapServers, string stateDirectory, out Action<IServiceCollection> register)
    {
        var demo = new DemoOptions { Partitions = Partitions, WorkMilliseconds = WorkMilliseconds, Sla = TimeSpan.FromSeconds(10) };
        var invariant = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string?>
        {
            ["pollInterval"] = $"{setting.PollInterval.TotalSeconds.ToString(invariant)}s",
            ["http:address"] = $"127.0.0.1:{FreePort()}",
            ["capacity:podSlots"] = Partitions.ToString(invariant),
            [$"pipelines:{Pipeline}:sla"] = "10s",
            [$"pipelines:{Pipeline}:minPods"] = "1",
            [$"pipelines:{Pipeline}:maxPods"] = Partitions.ToString(invariant),
            [$"pipelines:{Pipeline}:perPodThroughput"] = PodCapacity.ToString(invariant),
            [$"pipelines:{Pipeline}:scaleDownStabilisation"] = "2s",
            [$"pipelines:{Pipeline}:source:kind"] = "kafka",
            [$"pipelines:{Pipeline}:source:bootstrapServers"] = bootstrapServers,
            [$"pipelines:{Pipeline}:source:group"] = Pipeline,
            [$"pipelines:{Pipeline}:source:topics:0"] = Topic,
            [$"pipelines:{Pipeline}:orchestrator"] = "process",
        };
        // The pods' topic and group are named like the pipeline (bulbs); the rate is unused (this benchmark plays its own steps).
        var pods = new DemoPipeline { Name = Topic, Sla = demo.Sla, Partitions = Partitions, WorkMilliseconds = WorkMilliseconds, Rate = new ConstantRate(0, null) };
        foreach (var (key, value) in BulbsPod.Settings(demo, pods, bootstrapServers, stateDirectory))
        {
            settings[$"pipelines:{Pipeline}:pod:{key}"] = value;
        }

        // Short batches (20 messages = 0.2 s of work): a consumer-group rebalance after a scale step waits for each
        // member's batch in flight. On the classic protocol the session is 6 s (heartbeat 1 s), a broker's minimum;
        // on the consumer protocol the embedded brokers set it (6 s, heartbeat 0.5 s).
        settings[$"pipelines:{Pipeline}:pod:containers:1:env:BULBS_BATCH"] = Batch.ToString(invariant);
        settings[$"pipelines:{Pipeline}:pod:containers:1:env:BULBS_GROUP_PROTOCOL"] = groupProtocol;
        settings[$"pipelines:{Pipeline}:pod:containers:1:env:BULBS_SESSION_TIMEOUT_MS"] = SessionTimeoutMs.ToString(invariant);

        var processes = new ProcessOrchestratorOptions { StateDirectory = Path.Combine(stateDirectory, "pods") };
        register = services => services.AddForce12().AddKafka().AddProcesses(processes);
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : at >= 0 ? throw new ArgumentException($"{name} needs a whole number of steps, 0 or more") : fallback;
    }
}
