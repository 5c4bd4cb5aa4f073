using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using Force12.Queues.Core.Pods;
using Force12.Queues.Docker;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Chaos;

/// <summary>
/// One chaos run on the real stack, shared by the chaos test and the <c>chaos</c> benchmark command. The agent
/// (<c>force12 run</c>, a child process) scales the bulbs processor pods (Docker containers) on the Kafka lag and the
/// bulb-state pods on the RabbitMQ queue depth, while the load generator sends uniquely numbered events, a chaos
/// monkey SIGKILLs a random pod's container every <see cref="ChaosOptions.KillEvery"/> (from the first commit on), and the agent itself is
/// SIGKILLed and restarted once, half-way through the load (the new agent must adopt the running containers).
/// The run ends when the group has committed every acknowledged event and the bulb-state stage has audited every
/// published state change, or at the budget. Everything it created (containers, queues, topic, files) is removed.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, EmbeddedKafkaCluster kafka, TextWriter log)
{
    private readonly List<int> _pods = [];
    private readonly List<int> _statePods = [];
    private readonly List<PoolSample> _shares = [];
    private (int Adopted, int Before) _adoption;
    private long _committed;

    public async Task<ChaosResult> RunAsync(CancellationToken cancellationToken)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        using var services = new ChaosServices();
        await services.RequireAsync(cancellationToken);
        if (options.BuildImage)
        {
            await Say($"building {options.Image} (scripts/build-images.sh)");
            await ChaosServices.BuildImageAsync(options.Image, cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("force12-chaos-").FullName;
        try
        {
            return await RunInAsync(folder, services, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<ChaosResult> RunInAsync(string folder, ChaosServices services, CancellationToken cancellationToken)
    {
        var config = ChaosAgentConfig.ForNewRun(Path.Combine(folder, "shared"), FreePort());
        Directory.CreateDirectory(config.ProcessorAuditFolder);
        Directory.CreateDirectory(config.StateAuditFolder);
        var configPath = Path.Combine(folder, "agent.yaml");
        await File.WriteAllTextAsync(configPath, config.Yaml(options, kafka.BootstrapServers, services.RabbitUrl, services.ManagementUrl), cancellationToken);
        kafka.CreateTopic(config.Topic, options.Partitions);
        var orchestrator = new DockerPodOrchestrator(services.Docker, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);
        var monkey = new ChaosMonkey(services.Docker, options.Seed);
        var outage = new ChaosOutage(options, kafka);
        var publishedFile = Path.Combine(folder, "published" + AuditLogWriter.Extension);
        var started = TimeProvider.System.GetTimestamp();
        string? failure = null;
        var restarts = 0;
        AuditReport downstream;
        long logStart = 0;
        await Say($"pipelines {config.Pipeline} (Kafka topic {config.Topic}, {options.Partitions} partitions) and {config.StatePipeline} (RabbitMQ queue {config.Queue}); {options.Events:N0} events");
        await using (var tap = await StateChangeTap.StartAsync(services.RabbitUrl, config.Queue, cancellationToken))
        {
            var agent = AgentProcess.Start(configPath);
            using var status = new AgentStatusReader(config.HttpPort);
            using var committed = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = config.Group }).Build();
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(options.Budget);
            using var load = ChaosLoad.Start(options, kafka.BootstrapServers, config.Topic, Path.Combine(folder, "acknowledged" + AuditLogWriter.Extension), budget.Token);
            try
            {
                // The monkey starts once the processors have committed something: killing the first pods before the
                // group ever formed only starves the run (the agent holds its fallback while the group is unknown).
                TimeSpan? nextKill = null;
                var nextCheck = TimeSpan.Zero;
                DateTimeOffset? restartedAt = null;
                HashSet<string> beforeRestart = [];
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
                    var elapsed = TimeProvider.System.GetElapsedTime(started);
                    if (budget.IsCancellationRequested)
                    {
                        failure = $"not drained within the {options.Budget.TotalMinutes:0.#}-minute budget: {CommittedTotal(committed, config.Topic):N0} of {load.Sent:N0} sent events committed";
                        break;
                    }

                    if (agent.HasExited)
                    {
                        failure = $"the agent exited with code {agent.ExitCode}:\n{agent.Output}";
                        break;
                    }

                    var pods = await orchestrator.ListPodsAsync(config.Pipeline, cancellationToken);
                    var statePods = await orchestrator.ListPodsAsync(config.StatePipeline, cancellationToken);
                    _pods.Add(pods.Count(IsUp));
                    _statePods.Add(statePods.Count(IsUp));
                    var decisions = await status.DecisionsAsync(cancellationToken);
                    if (decisions.TryGetValue(config.Pipeline, out var bulbs) && decisions.TryGetValue(config.StatePipeline, out var state))
                    {
                        _shares.Add(new PoolSample(bulbs.Needed, bulbs.Target, state.Needed, state.Target, _pods[^1] + _statePods[^1]));
                    }

                    if (outage.Step(elapsed, load.Sent, decisions.TryGetValue(config.Pipeline, out var decided) ? (decided.Target, decided.Reason) : null) is { } happened)
                    {
                        await Say(happened);
                    }
                    if (restartedAt is { } at && TimeProvider.System.GetUtcNow() - at >= TimeSpan.FromSeconds(5))
                    {
                        _adoption = (pods.Concat(statePods).Count(p => beforeRestart.Contains(p.Id)), beforeRestart.Count);
                        restartedAt = null;
                    }

                    if (nextKill is null && CommittedTotal(committed, config.Topic) > 0)
                    {
                        nextKill = elapsed + options.KillEvery;
                        await Say($"{elapsed.TotalSeconds:0}s: first events committed; the chaos monkey starts");
                    }

                    if (elapsed >= nextKill && await monkey.KillOneAsync([.. pods, .. statePods], cancellationToken) is { } victim)
                    {
                        nextKill = elapsed + options.KillEvery;
                        await Say(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0}s: SIGKILLed {victim} (pods {_pods[^1]} + {_statePods[^1]}, sent {load.Sent:N0}, committed {CommittedTotal(committed, config.Topic):N0}, published {tap.Published().Length:N0})"));
                    }

                    if (restarts == 0 && load.Sent > options.Events / 2)
                    {
                        beforeRestart = [.. pods.Concat(statePods).Where(IsUp).Select(p => p.Id)];
                        await agent.KillAsync(TimeSpan.FromSeconds(10));
                        await Say($"{elapsed.TotalSeconds:0}s: agent SIGKILLed with {beforeRestart.Count} pods running; starting a new one. Its last output:\n{agent.Output}");
                        agent.Dispose();
                        agent = AgentProcess.Start(configPath);
                        restartedAt = TimeProvider.System.GetUtcNow();
                        restarts++;
                    }

                    if (load.Run.IsCompleted && elapsed >= nextCheck && CommittedTotal(committed, config.Topic) >= load.AcknowledgedWhenDone)
                    {
                        nextCheck = elapsed + TimeSpan.FromSeconds(5);
                        downstream = DownstreamAudit.Run(tap.Published(), publishedFile, config.StateAuditFolder);
                        if (downstream.Lost == 0 && restarts > 0)
                        {
                            break;
                        }
                    }
                }
            }
            finally
            {
                outage.End();
                if (!await agent.StopAsync(TimeSpan.FromSeconds(90)))
                {
                    await Say("the agent did not stop within 90 s of SIGTERM; its containers are removed below");
                }

                await Say($"agent stopped; its last output:\n{agent.Output}");
                agent.Dispose();
                await ChaosLeftovers.RemoveAsync(orchestrator, services.Docker, [config.Pipeline, config.StatePipeline], log);
                logStart = LogStartTotal(committed, config.Topic);
                kafka.DeleteTopic(config.Topic);
            }

            if (load.Run.IsFaulted)
            {
                failure ??= "the load generator failed: " + load.Run.Exception!.GetBaseException().Message;
            }

            downstream = DownstreamAudit.Run(tap.Published(), publishedFile, config.StateAuditFolder);
            load.Dispose();
            if (tap.Unreadable > 0)
            {
                failure ??= $"{tap.Unreadable} messages on the tap had no readable sequence number";
            }

            return new ChaosResult
            {
                Failure = failure,
                Processed = AuditReader.AuditAgainst([load.AcknowledgedFile], config.ProcessorAuditFolder),
                Downstream = downstream,
                PublishedMessages = tap.Published().Length,
                DeletedByBroker = logStart,
                Kills = monkey.Kills,
                KillsByContainer = monkey.KilledByContainer,
                AgentRestarts = restarts,
                Adoption = _adoption,
                Pods = _pods,
                StatePods = _statePods,
                Shares = _shares,
                PodSlots = options.EffectivePodSlots,
                Outage = outage.Samples,
                WallTime = TimeProvider.System.GetElapsedTime(started),
            };
        }
    }

    private static bool IsUp(PodInfo pod) => pod.State is PodState.Ready or PodState.Running;

    /// <summary>Events the group committed; the last answer while the brokers do not answer (an outage).</summary>
    private long CommittedTotal(IConsumer<Ignore, Ignore> consumer, string topic)
    {
        var partitions = Enumerable.Range(0, options.Partitions).Select(p => new TopicPartition(topic, p));
        try
        {
            return _committed = consumer.Committed(partitions, TimeSpan.FromSeconds(10)).Sum(c => Math.Max(0, c.Offset.Value));
        }
        catch (KafkaException)
        {
            return _committed;
        }
    }

    /// <summary>Events the broker deleted from the head of the topic (the embedded one keeps at most 5 MiB per partition).</summary>
    private long LogStartTotal(IConsumer<Ignore, Ignore> consumer, string topic) =>
        Enumerable.Range(0, options.Partitions)
            .Sum(p => Math.Max(0, consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).Low.Value));

    private Task Say(string line) => log.WriteLineAsync(line);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
