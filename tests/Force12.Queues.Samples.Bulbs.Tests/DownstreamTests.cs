using System.Globalization;
using Force12.Queues.Core.Lag;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.RabbitMQ.Lag;
using Force12.Queues.Testing.Kafka;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>The processor sends state changes with MassTransit over the real RabbitMQ to the bulb-state stage.</summary>
[Collection(KafkaGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DownstreamTests(KafkaFixture kafka) : IDisposable
{
    private static readonly string RabbitUrl = Environment.GetEnvironmentVariable("FORCE12_RABBITMQ_URL") ?? "amqp://guest:guest@127.0.0.1:5672/";
    private static readonly Uri ManagementUrl = new(Environment.GetEnvironmentVariable("FORCE12_RABBITMQ_MANAGEMENT_URL") ?? "http://127.0.0.1:15672/");
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-downstream-").FullName;

    [Fact]
    public async Task Pipeline_StateChanges_QueueUpInRabbitMqAndTheBulbStateStageDrainsThem()
    {
        await RequireRabbitMqAsync();
        var topic = kafka.NewTopic(partitions: 2);
        var queue = $"bulb-state-{Guid.NewGuid():N}";
        const int Events = 400; // KafkaFixture.Produce flips each of 64 bulbs on and off: every event is a state change
        kafka.Produce(topic, first: 0, count: Events);
        var cache = $"tcp:127.0.0.1:{FreePort.Next()}";
        var processorAudit = Path.Combine(_folder, "processor");
        var downstreamAudit = Path.Combine(_folder, "bulb-state");
        using var stateCache = SampleProcess.Start("state-cache", new Dictionary<string, string> { ["BULBS_STATE_CACHE"] = cache });
        using var processor = SampleProcess.Start("processor", new Dictionary<string, string>
        {
            ["BULBS_KAFKA"] = kafka.BootstrapServers, ["BULBS_TOPIC"] = topic, ["BULBS_GROUP"] = "g-" + topic, ["BULBS_WORK_MS"] = "0",
            ["BULBS_STATE_CACHE"] = cache, ["BULBS_RABBITMQ"] = RabbitUrl, ["BULBS_STATE_QUEUE"] = queue, ["BULBS_AUDIT_DIR"] = processorAudit,
        });
        using var collector = new RabbitMqLagCollector(
            new RabbitMqLagCollectorOptions { ManagementUrl = ManagementUrl, Queues = [queue] }, TimeProvider.System, NullLogger<RabbitMqLagCollector>.Instance);
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(Audited(processorAudit, Events) == 0 || processor.HasExited), TimeSpan.FromSeconds(60),
                () => $"the processor to process every event. Output:\n{processor.Output}");
            LagCollectionResult? depth = null;
            await Eventually.HoldsAsync(async () =>
            {
                depth = await collector.CollectAsync(default);
                return depth.Snapshot?.Totals.Lag == Events;
            }, TimeSpan.FromSeconds(30), () => $"the collector to see {Events} waiting in {queue} (last: {depth?.Snapshot?.Totals.Lag.ToString(CultureInfo.InvariantCulture) ?? depth?.Error?.ToString()})");

            using var bulbState = SampleProcess.Start("bulb-state", new Dictionary<string, string>
            {
                ["BULBS_RABBITMQ"] = RabbitUrl, ["BULBS_STATE_QUEUE"] = queue, ["BULBS_WORK_MS"] = "1", ["BULBS_PREFETCH"] = "32",
                ["BULBS_CONCURRENCY"] = "4", ["BULBS_AUDIT_DIR"] = downstreamAudit,
            });
            await Eventually.HoldsAsync(() => Task.FromResult(Audited(downstreamAudit, Events) == 0 || bulbState.HasExited), TimeSpan.FromSeconds(60),
                () => $"bulb-state to consume every change. Output:\n{bulbState.Output}");
            bulbState.Signal(Signals.SigTerm);
            Assert.Equal(0, await bulbState.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            processor.Signal(Signals.SigTerm);
            await processor.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await DeleteQueueAsync(queue);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Lost count of an audit folder (all when it has no files yet).</summary>
    private static long Audited(string folder, int events) =>
        Directory.Exists(folder) ? AuditReader.AuditRange(folder, 0, events).Lost : events;

    private static async Task RequireRabbitMqAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(RabbitUrl) }.CreateConnectionAsync();
        }
        catch (global::RabbitMQ.Client.Exceptions.BrokerUnreachableException e)
        {
            Assert.Fail($"RabbitMQ is not reachable at {RabbitUrl} ({e.Message}). Run scripts/setup.sh to start the test services.");
        }
    }

    private static async Task DeleteQueueAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(queue);
    }
}
