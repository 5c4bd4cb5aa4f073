using Force12.Queues.Core.Pods;
using Force12.Queues.Processes;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>
/// Warm bulbs pods end to end: the process orchestrator starts them warm, a scale-up promotes them, they commit. A cold
/// scale-up of the same size on another topic runs beside it, so the log shows both times to first commit.
/// </summary>
[Collection(KafkaGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class WarmBulbsPipelineTests(KafkaFixture kafka, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Pods = 2;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly string State = Directory.CreateTempSubdirectory("f12-warm-pods-").FullName;
    private readonly ProcessPodOrchestrator _orchestrator = new(
        new ProcessOrchestratorOptions { StateDirectory = State }, TimeProvider.System, NullLogger<ProcessPodOrchestrator>.Instance);

    private readonly string _warmTopic = kafka.NewTopic(partitions: 4);
    private readonly string _coldTopic = kafka.NewTopic(partitions: 4);

    [Fact]
    public async Task ScaleUp_PromotesWarmBulbsPods_TheyCommitWithoutAProcessStart()
    {
        kafka.Produce(_warmTopic, first: 0, count: 2000);
        kafka.Produce(_coldTopic, first: 0, count: 2000);
        await _orchestrator.ScaleAsync(Template("warm", _warmTopic, warm: Pods), 0);
        await Eventually.HoldsAsync(async () => (await _orchestrator.ListPodsAsync("warm")).Count(p => p.WarmAt is not null) == Pods,
            Deadline, () => $"{Pods} bulbs pods to report warm");
        Assert.Equal(0, kafka.CommittedTotal(_warmTopic, "g-" + _warmTopic, 4));

        var promotedAt = TimeProvider.System.GetTimestamp();
        var promotion = await _orchestrator.ScaleAsync(Template("warm", _warmTopic, warm: Pods), Pods);
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(_warmTopic, "g-" + _warmTopic, 4) > 0),
            Deadline, () => "the first commit by a promoted pod");
        var warmFirstCommit = TimeProvider.System.GetElapsedTime(promotedAt);

        var coldAt = TimeProvider.System.GetTimestamp();
        var coldStart = await _orchestrator.ScaleAsync(Template("cold", _coldTopic, warm: 0), Pods);
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(_coldTopic, "g-" + _coldTopic, 4) > 0),
            Deadline, () => "the first commit by a cold pod");
        var coldFirstCommit = TimeProvider.System.GetElapsedTime(coldAt);

        Assert.Equal(Pods, promotion.Promoted.Count);
        Assert.Empty(promotion.Started);
        Assert.Equal(Pods, coldStart.Started.Count);
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(_warmTopic, "g-" + _warmTopic, 4) == 2000),
            Deadline, () => "the promoted pods to commit all 2000 events");
        output.WriteLine(FormattableString.Invariant(
            $"{Pods} pods: scale call to first commit, promoted warm {warmFirstCommit.TotalMilliseconds:0} ms, cold {coldFirstCommit.TotalMilliseconds:0} ms"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _orchestrator.ScaleAsync(Template("warm", _warmTopic, warm: 0), 0);
        await _orchestrator.WarmRefillAsync("warm");
        await _orchestrator.ScaleAsync(Template("cold", _coldTopic, warm: 0), 0);
        Assert.Empty(await _orchestrator.ListPodsAsync("warm"));
        Assert.Empty(await _orchestrator.ListPodsAsync("cold"));
        Directory.Delete(State, recursive: true);
    }

    private PodTemplate Template(string pipeline, string topic, int warm) => new()
    {
        Pipeline = pipeline,
        WarmPods = warm,
        StopGracePeriod = TimeSpan.FromSeconds(10),
        Containers =
        [
            new ContainerTemplate
            {
                Name = "processor",
                Command = "dotnet",
                Args = [SampleProcess.BuiltDll("force12-bulbs.dll"), "processor"],
                Environment = new Dictionary<string, string>
                {
                    ["BULBS_KAFKA"] = kafka.BootstrapServers,
                    ["BULBS_TOPIC"] = topic,
                    ["BULBS_GROUP"] = "g-" + topic,
                    ["BULBS_WORK_MS"] = "0",
                    ["BULBS_STATE_CACHE"] = "none",
                },
            },
        ],
    };
}
