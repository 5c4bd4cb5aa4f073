using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Force12.Queues.Agent.Composition;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Force12.Queues.Tools.Tests.EndToEnd;

/// <summary>
/// The whole agent against real parts: embedded Kafka in this process, the agent (in process, configured from a YAML
/// file like <c>force12 run</c>) scaling the bulbs sample processor as Docker containers on the host network, and a
/// producer making a demand step up and down.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AgentEndToEndTests(BulbsImageFixture docker, ITestOutputHelper output) : IClassFixture<BulbsImageFixture>, IDisposable
{
    private const int Partitions = 8;
    private const int MaxPods = Partitions;

    // A pod works 5 ms per message: at most 200 msg/s, about 100 msg/s with fetch and commit round trips on a busy 2-core machine.
    private const int PerPodThroughput = 100;
    private const double LowRate = 40;
    private const double StepRate = 300; // three pods' worth, plus the backlog built while they start
    private static readonly TimeSpan Sla = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Stabilisation = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("force12-e2e-").FullName;
    private readonly string _pipeline = $"e2e-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Agent_DemandStepThenDrop_ScalesUpDrainsWithinSlaThenScalesDownAfterStabilisation()
    {
        using var kafka = EmbeddedKafkaCluster.Start(brokers: 1);
        kafka.CreateTopic(_pipeline, Partitions);
        var port = FreePort();
        var app = await BuildAgentAsync(kafka.BootstrapServers, port);
        using var agent = new AgentObserver(new Uri($"http://127.0.0.1:{port}"), _pipeline, docker.Docker);
        var producer = new DemandProducer(kafka.BootstrapServers, _pipeline);
        try
        {
            await app.StartAsync();
            await producer.SetRateAsync(LowRate);
            await UntilAsync(agent, v => v is { Running: 1, Ready: 1, Backlog: < 120 }, TimeSpan.FromSeconds(60),
                "one pod consumes the low demand");

            // Demand step: more pods, and the backlog built while they start drains within the SLA.
            var beforeStep = (await agent.StatusAsync())!;
            var step = Stopwatch.StartNew();
            await producer.SetRateAsync(StepRate);
            await UntilAsync(agent, v => v.Running >= 3, TimeSpan.FromSeconds(40), "the step raises the pod count to at least 3");
            var scaledUpAfter = step.Elapsed;
            await UntilAsync(agent, v => v is { Backlog: <= (long)StepRate, BacklogSeconds: <= 2 } && v.Running >= 3,
                TimeSpan.FromSeconds(60), "the backlog has drained to at most a second of arrivals");
            var drainedAfter = step.Elapsed;
            var stepTicks = (await agent.HistoryAsync()).Where(v => v.Tick > beforeStep.Tick).ToList();
            var oldest = stepTicks.Max(v => v.BacklogSeconds ?? 0);
            Assert.True(oldest <= Sla.TotalSeconds, $"the oldest message waited {oldest:0.0} s during the step, more than the {Sla.TotalSeconds} s SLA:\n{Describe(stepTicks)}");

            // Demand drop, from a moment when the need equals the pods: they stay for the stabilisation window, then go down.
            await UntilAsync(agent, v => v is { Reason: "WithinSla", Running: >= 3 } && v.Target == v.Running && v.Running == v.Ready,
                TimeSpan.FromSeconds(45), "the step's pods are steady (need equals pods)");
            var stepPods = await AssertSourcesAgreeAsync(agent);
            Assert.InRange(stepPods, 3, MaxPods);
            var beforeDrop = (await agent.StatusAsync())!;
            var drop = Stopwatch.StartNew();
            await producer.SetRateAsync(LowRate);
            await UntilAsync(agent, v => v.Running < beforeDrop.Running, TimeSpan.FromSeconds(45), "the drop lowers the pod count");
            var scaledDownAfter = drop.Elapsed;
            var history = await agent.HistoryAsync();
            var dropTicks = history.Where(v => v.Tick >= beforeDrop.Tick).ToList();
            var lowered = dropTicks.First(v => v.Target < beforeDrop.Running);
            // The lower need may have begun (deferred) before the quiet moment read as beforeDrop, so look back over the whole history.
            var lastHigherNeed = history.Last(v => v.Tick < lowered.Tick && v.Reason != "ScaleDownDeferred");
            var sinceHigherNeed = history.Where(v => v.Tick >= lastHigherNeed.Tick).ToList();
            Assert.True(lowered.At - lastHigherNeed.At >= Stabilisation - TimeSpan.FromMilliseconds(100),
                $"pods were removed {(lowered.At - lastHigherNeed.At).TotalSeconds:0.0} s after the need was last at the old level, before the {Stabilisation.TotalSeconds} s window:\n{Describe(sinceHigherNeed)}");
            Assert.Contains(sinceHigherNeed, v => v.Reason == "ScaleDownDeferred" && v.Tick < lowered.Tick);
            await UntilAsync(agent, v => v is { Running: 1, Target: 1, Ready: 1 }, TimeSpan.FromSeconds(45), "the pipeline is back at one pod");
            await AssertSourcesAgreeAsync(agent); // at the next quiet moment (on a busy machine the low demand may need a second pod)

            var ticks = await agent.HistoryAsync();

            // --stop-pods-on-exit: stopping the agent scales the pipeline to zero.
            await app.StopAsync();
            await Eventually.HoldsAsync(async () => await agent.DockerRunningContainersAsync() == 0, TimeSpan.FromSeconds(30),
                () => "the stopped agent has stopped its containers");
            output.WriteLine(Describe(ticks));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"e2e: scaled up {scaledUpAfter.TotalSeconds:0.0} s after the step, drained after {drainedAfter.TotalSeconds:0.0} s (oldest {oldest:0.0} s), {stepPods} pods; scaled down {scaledDownAfter.TotalSeconds:0.0} s after the drop"));
        }
        finally
        {
            await producer.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
            await agent.RemoveLeftoverContainersAsync();
            kafka.DeleteTopic(_pipeline);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// At a quiet moment /api/status, /metrics and the Docker API count the same running pods (one container each).
    /// Quiet: for longer than a pod's stop grace period every tick showed pods equal to the need and all ready (so no pod
    /// is starting or still stopping), and it is the same tick before and after the other two reads (the agent changed
    /// nothing meanwhile). Reads again only when the moment was not quiet, never because the three disagreed.
    /// </summary>
    private static async Task<int> AssertSourcesAgreeAsync(AgentObserver agent)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        while (true)
        {
            var history = await agent.HistoryAsync();
            var status = history[^1];
            var metric = await agent.MetricRunningPodsAsync();
            var containers = await agent.DockerRunningContainersAsync();
            var after = (await agent.StatusAsync())!;
            var recent = history.Where(v => v.At >= status.At - StopGracePeriod - TimeSpan.FromSeconds(2)).ToList();
            if (after.Tick == status.Tick && recent.Count > (StopGracePeriod.TotalSeconds + 1)
                && recent.All(v => v.Target == status.Running && v.Running == status.Running && v.Ready == status.Running))
            {
                Assert.True(metric == status.Running && containers == status.Running,
                    $"/api/status says {status.Running} running pods, /metrics {metric?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, the Docker API {containers} running containers ({status})");
                return status.Running;
            }

            Assert.False(deadline.IsCancellationRequested, $"no quiet moment within 45 s to compare /api/status, /metrics and Docker (last: {after})");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    private static async Task UntilAsync(AgentObserver agent, Func<PipelineView, bool> condition, TimeSpan timeout, string what)
    {
        PipelineView? last = null;
        await Eventually.HoldsAsync(async () => (last = await agent.StatusAsync()) is { } v && condition(v), timeout,
            () => $"{what}. Ticks:\n{Describe(agent.HistoryAsync().GetAwaiter().GetResult())}");
    }

    private static string Describe(IEnumerable<PipelineView> ticks) => string.Join('\n', ticks);

    private async Task<WebApplication> BuildAgentAsync(string bootstrapServers, int port)
    {
        var path = Path.Combine(_folder, "agent.yaml");
        await File.WriteAllTextAsync(path, string.Create(CultureInfo.InvariantCulture, $"""
            pollInterval: 1s
            http:
              address: 127.0.0.1:{port}
            capacity:
              podSlots: {MaxPods + 2}
            pipelines:
              {_pipeline}:
                sla: {Sla.TotalSeconds}s
                minPods: 1
                maxPods: {MaxPods}
                perPodThroughput: {PerPodThroughput}
                scaleDownStabilisation: {Stabilisation.TotalSeconds}s
                source:
                  kind: kafka
                  bootstrapServers: {bootstrapServers}
                  group: {_pipeline}
                  topics: [{_pipeline}]
                orchestrator: docker
                pod:
                  network: host
                  stopGracePeriod: {StopGracePeriod.TotalSeconds}s
                  containers:
                    - name: processor
                      image: {BulbsImageFixture.Image}
                      args: [processor]
                      env:
                        BULBS_KAFKA: {bootstrapServers}
                        BULBS_TOPIC: {_pipeline}
                        BULBS_GROUP: {_pipeline}
                        BULBS_STATE_CACHE: none
                        BULBS_WORK_MS: "5"
            """));
        var build = await AgentHost.BuildAsync(services => AgentConfigurationCheck.Run(path, services), new AgentRunOptions { StopPodsOnExit = true }, services => services.AddShippedPlugins(),
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        Assert.True(build.App is not null, "the test's configuration is invalid: " + string.Join("; ", build.Errors));
        return build.App;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
