using System.Globalization;
using Force12.Queues.Core.Pods;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Processes;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>
/// The chaos test of the Kafka pipeline, repeated on Kinesis: the agent (force12 run, a real process) scales the
/// bulbs pipeline with <c>source: kinesis</c> (pods of real processes: state cache + the KCL-compatible processor)
/// on kinesalite and dynalite while the load generator writes uniquely numbered events in a day-shaped pattern, a
/// chaos driver SIGKILLs a random pod's processor (or state cache) every few seconds while the load runs, and the agent
/// itself is SIGKILLed and restarted once. The run ends when every lease's checkpoint is at its shard's tip; every
/// acknowledged event must be in the audit, duplicates are reported. (Unlike the Kafka run the kills stop when the load
/// ends: kinesalite is slow enough that killing the one draining pod every few seconds would stretch the drain for minutes.)
/// </summary>
[Collection(KinesisChaosGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisChaosTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-kinesis-chaos-").FullName;
    private long _sent;

    [Fact]
    public async Task Pipeline_KinesisPodsKilledAndAgentRestartedWhileScaling_LosesNoEvent()
    {
        var settings = KinesisChaosSettings.FromEnvironment();
        await using var stream = await TemporaryStream.CreateAsync(settings.Shards, "f12-chaos");
        await using var leases = await TemporaryLeaseTable.CreateAsync("f12-chaos-leases");
        var auditDir = Path.Combine(_folder, "audit");
        var stateHome = Path.Combine(_folder, "state");
        var configPath = Path.Combine(_folder, "agent.yaml");
        await File.WriteAllTextAsync(configPath, KinesisAgentConfig.Yaml(stream.Name, leases.Name, FreePort.Next(), auditDir, settings.WorkMs, settings.Shards));
        var orchestrator = new ProcessPodOrchestrator(
            new ProcessOrchestratorOptions { StateDirectory = Path.Combine(stateHome, "force12", "pods") }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);
        var agentEnvironment = KinesisTestStack.Credentials();
        agentEnvironment["XDG_STATE_HOME"] = stateHome;
        var started = TimeProvider.System.GetTimestamp();
        var agent = StartAgent(configPath, agentEnvironment);
        using var stop = new CancellationTokenSource(settings.Budget);
        var podCounts = new List<int>();
        var kills = 0;
        var ackLogPath = Path.Combine(_folder, "produced" + AuditLogWriter.Extension);
        var drain = new ShardDrainCheck(stream, leases.Table);
        try
        {
            using var ackLog = new AuditLogWriter(ackLogPath);
            var load = ProduceAsync(stream.Name, settings, ackLog, stop.Token);
            var agentRestarted = false;
            var nextKill = settings.KillEvery;
            while (!load.IsCompleted || !await drain.AllCheckpointedAsync(stop.Token))
            {
                stop.Token.ThrowIfCancellationRequested();
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                var pods = await orchestrator.ListPodsAsync(KinesisAgentConfig.Pipeline, stop.Token);
                podCounts.Add(pods.Count(p => p.State is PodState.Running or PodState.Ready));
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                if (!load.IsCompleted && elapsed >= nextKill && KillRandomProcessor(pods, kills))
                {
                    kills++;
                    nextKill = elapsed + settings.KillEvery;
                }

                if (!agentRestarted && !load.IsCompleted && Interlocked.Read(ref _sent) > settings.Events / 2)
                {
                    agent.Signal(Signals.SigKill);
                    await agent.WaitForExitAsync(TimeSpan.FromSeconds(10));
                    log.WriteLine($"{elapsed.TotalSeconds:F0}s: agent SIGKILLed; starting a new one. Its output:\n{ChaosOutput.Tail(agent.Output)}");
                    agent.Dispose();
                    agent = StartAgent(configPath, agentEnvironment);
                    agentRestarted = true;
                }

                Assert.False(agent.HasExited, $"the agent exited with {(agent.HasExited ? agent.ExitCode : 0)}:\n{agent.Output}");
                if (podCounts.Count % 5 == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{elapsed.TotalSeconds:F0}s: sent {Interlocked.Read(ref _sent)}, audited {(Directory.Exists(auditDir) ? AuditReader.ReadAll(AuditReader.FilesIn(auditDir), out _).Length : 0)}, {podCounts[^1]} pods, {kills} kills; {drain.Describe()}"));
                }
            }

            var report = await load;
            ackLog.Flush();
            Assert.True(report.Failed == 0, $"{report.Failed} events failed to be written: {report.FirstError}");
            Assert.True(agentRestarted, "the agent was never restarted");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Assert.Fail($"The run did not drain within {settings.Budget.TotalMinutes} minutes: {drain.Describe()}; sent {Interlocked.Read(ref _sent)}. Agent output:\n{ChaosOutput.Tail(agent.Output)}");
        }
        finally
        {
            agent.Signal(Signals.SigTerm);
            await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));
            var leftovers = await orchestrator.ListPodsAsync(KinesisAgentConfig.Pipeline);
            await orchestrator.StopPodsAsync(KinesisAgentConfig.Pipeline, leftovers.Select(p => p.Id).ToArray());
            agent.Dispose();
        }

        var audit = AuditReader.AuditAgainst([ackLogPath], auditDir);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"kinesis chaos: {audit.Expected} events acknowledged, {audit.Processed} processed, {audit.Lost} lost, {audit.Duplicates} duplicates, {kills} pods SIGKILLed, 1 agent restart, pods between {podCounts.Min()} and {podCounts.Max()}, {settings.Shards} shards, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
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

    private Task<LoadReport> ProduceAsync(string stream, KinesisChaosSettings settings, AuditLogWriter ackLog, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var sink = KinesisTestStack.Sink(stream, ackLog.Append);
        var rate = new DiurnalTrace { NightRate = 150, PeakRate = 1200, Period = TimeSpan.FromSeconds(60), Duration = null };
        var generator = new LoadGenerator(
            new LoadGeneratorOptions { Rate = rate, MaxEvents = settings.Events, ProgressInterval = TimeSpan.FromSeconds(1) },
            new LightbulbEventFactory(10_000, 4, 0, new SplitMixRandomSource(42), time),
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
