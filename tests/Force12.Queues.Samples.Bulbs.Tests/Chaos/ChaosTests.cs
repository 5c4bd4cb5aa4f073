using System.Globalization;
using Force12.Queues.Core.Pods;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Processes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

/// <summary>
/// The product's promise on the real stack: the agent (force12 run, a real process) scales the bulbs pipeline
/// (pods of real processes: state cache + processor) on embedded Kafka while the load generator sends uniquely
/// numbered events in a day-shaped pattern, a chaos driver SIGKILLs a random pod's processor every few seconds,
/// and the agent itself is SIGKILLed and restarted once. Every acknowledged event must be in the audit.
/// </summary>
[Collection(KafkaGroup.Name)]
public sealed class ChaosTests(KafkaFixture kafka, ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-chaos-").FullName;

    [Fact]
    public async Task Pipeline_PodsKilledAndAgentRestartedWhileScaling_LosesNoEvent()
    {
        var settings = ChaosSettings.FromEnvironment();
        var topic = kafka.NewTopic(partitions: 12);
        var group = "chaos-" + topic;
        var auditDir = Path.Combine(_folder, "audit");
        var stateHome = Path.Combine(_folder, "state");
        var configPath = Path.Combine(_folder, "agent.yaml");
        await File.WriteAllTextAsync(configPath, AgentConfig.Yaml(kafka.BootstrapServers, topic, group, FreePort.Next(), auditDir, settings.WorkMs));
        var orchestrator = new ProcessPodOrchestrator(
            new ProcessOrchestratorOptions { StateDirectory = Path.Combine(stateHome, "force12", "pods") }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);
        var agentEnvironment = new Dictionary<string, string> { ["XDG_STATE_HOME"] = stateHome };
        var started = TimeProvider.System.GetTimestamp();
        var agent = StartAgent(configPath, agentEnvironment);
        using var stop = new CancellationTokenSource(settings.Budget);
        var podCounts = new List<int>();
        var kills = 0;
        var ackLogPath = Path.Combine(_folder, "produced" + AuditLogWriter.Extension);
        try
        {
            using var ackLog = new AuditLogWriter(ackLogPath);
            var load = ProduceAsync(topic, settings, ackLog, stop.Token);
            var agentRestarted = false;
            var nextKill = settings.KillEvery;
            while (!load.IsCompleted || kafka.CommittedTotal(topic, group, 12) < ProducedSoFar(load))
            {
                stop.Token.ThrowIfCancellationRequested();
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                var pods = await orchestrator.ListPodsAsync(AgentConfig.Pipeline, stop.Token);
                podCounts.Add(pods.Count(p => p.State is PodState.Running or PodState.Ready));
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                if (elapsed >= nextKill && KillRandomProcessor(pods, kills))
                {
                    kills++;
                    nextKill = elapsed + settings.KillEvery;
                }

                if (!agentRestarted && load.IsCompleted == false && _sent > settings.Events / 2)
                {
                    agent.Signal(Signals.SigKill);
                    await agent.WaitForExitAsync(TimeSpan.FromSeconds(10));
                    log.WriteLine($"{elapsed.TotalSeconds:F0}s: agent SIGKILLed; starting a new one. Its output:\n{Tail(agent.Output)}");
                    agent.Dispose();
                    agent = StartAgent(configPath, agentEnvironment);
                    agentRestarted = true;
                }

                Assert.False(agent.HasExited, $"the agent exited with {(agent.HasExited ? agent.ExitCode : 0)}:\n{agent.Output}");
            }

            var report = await load;
            ackLog.Flush();
            Assert.Equal(0, report.Failed);
            Assert.True(agentRestarted, "the agent was never restarted");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Assert.Fail($"The run did not drain within {settings.Budget.TotalMinutes} minutes: committed {kafka.CommittedTotal(topic, group, 12)} of {_sent}. Agent output:\n{Tail(agent.Output)}");
        }
        finally
        {
            agent.Signal(Signals.SigTerm);
            await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));
            var leftovers = await orchestrator.ListPodsAsync(AgentConfig.Pipeline);
            await orchestrator.StopPodsAsync(AgentConfig.Pipeline, leftovers.Select(p => p.Id).ToArray());
            agent.Dispose();
        }

        var audit = AuditReader.AuditAgainst([ackLogPath], auditDir);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"chaos: {audit.Expected} events acknowledged, {audit.Processed} processed, {audit.Lost} lost, {audit.Duplicates} duplicates, {kills} pods SIGKILLed, 1 agent restart, pods between {podCounts.Min()} and {podCounts.Max()}, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
        log.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.Equal(settings.Events, audit.Expected);
        Assert.True(audit.Lost == 0, $"{audit.Lost} events lost, for example {string.Join(", ", audit.LostSample)}");
        Assert.Equal(0, audit.Unexpected);
        Assert.True(kills >= 5, $"only {kills} pods were killed");
        var peak = podCounts.IndexOf(podCounts.Max());
        Assert.True(podCounts.Max() >= 3, $"the agent never scaled beyond {podCounts.Max()} pods");
        Assert.True(podCounts.Skip(peak).Min() < podCounts.Max(), "the agent never scaled down after its peak");
    }

    private long _sent;

    private static long ProducedSoFar(Task<LoadReport> load) => load.IsCompletedSuccessfully ? load.Result.Acknowledged : long.MaxValue;

    private Task<LoadReport> ProduceAsync(string topic, ChaosSettings settings, AuditLogWriter ackLog, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = kafka.BootstrapServers, Topic = topic }, time, ackLog.Append);
        var rate = new DiurnalRate(min: 200, max: 2000, period: TimeSpan.FromSeconds(60), duration: null);
        var generator = new LoadGenerator(
            new LoadGeneratorOptions { Rate = rate, MaxEvents = settings.Events, ProgressInterval = TimeSpan.FromSeconds(1) },
            new LightbulbEventFactory(10_000, 4, 0, new SplitMix64(42), time),
            sink,
            time);
        var progress = new Progress<LoadProgress>(p => Interlocked.Exchange(ref _sent, p.Sent));
        return Task.Run(async () =>
        {
            await using (sink)
            {
                return await generator.RunAsync(progress, cancellationToken);
            }
        }, CancellationToken.None);
    }

    private static bool KillRandomProcessor(IReadOnlyList<PodInfo> pods, int kills)
    {
        var running = pods.Where(p => p.State is PodState.Running or PodState.Ready).ToArray();
        if (running.Length == 0)
        {
            return false;
        }

        var victim = running[(kills * 7919) % running.Length];
        var container = victim.Containers.First(c => c.Name == (kills % 4 == 3 ? "state-cache" : "processor"));
        try
        {
            SampleProcess.Signal(int.Parse(container.Id, CultureInfo.InvariantCulture), Signals.SigKill);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // it died on its own in between
        }
    }

    private static SampleProcess StartAgent(string configPath, Dictionary<string, string> environment) =>
        SampleProcess.StartDll("force12.dll", ["run", "-c", configPath, "--stop-pods-on-exit"], environment);

    /// <summary>The agent's log without consecutive repeats of a message (a failing poll repeats every second).</summary>
    private static string Tail(string text)
    {
        var lines = text.Split('\n').Select(l => l.Length > 9 ? l[9..] : l);
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (kept.Count == 0 || kept[^1] != line)
            {
                kept.Add(line);
            }
        }

        var joined = string.Join('\n', kept);
        return joined.Length > 6000 ? joined[^6000..] : joined;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
