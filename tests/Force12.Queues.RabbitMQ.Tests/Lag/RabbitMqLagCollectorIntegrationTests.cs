using Force12.Queues.Core.Lag;
using Force12.Queues.RabbitMQ.Lag;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Force12.Queues.RabbitMQ.Tests.Lag;

[Collection(RabbitMqGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class RabbitMqLagCollectorIntegrationTests(RabbitMqBroker broker)
{
    // The broker refreshes queue statistics every 5 s by default: allow a few refreshes.
    private static readonly TimeSpan StatsDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CollectAsync_ReadyAndUnacknowledged_LagIsTheirSum()
    {
        await using var channel = await broker.Connection.CreateChannelAsync();
        var queue = await RabbitMqBroker.CreateQueueAsync(channel);
        try
        {
            await RabbitMqBroker.PublishAsync(channel, queue, 10);
            await using var consumerChannel = await broker.Connection.CreateChannelAsync();
            await consumerChannel.BasicQosAsync(0, prefetchCount: 3, global: false);
            var held = 0;
            var consumer = new global::RabbitMQ.Client.Events.AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += (_, _) =>
            {
                Interlocked.Increment(ref held);
                return Task.CompletedTask; // never acknowledged: stays unacknowledged
            };
            _ = await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
            using var api = new RabbitMqManagementApi(Options(queue));
            // A new queue's answer has no message counts until the broker's first statistics emission: an error, not 0.
            await Eventually.HoldsAsync(async () => (await StatsOrNullAsync(api, queue))?.Unacknowledged == 3, StatsDeadline, () => "3 unacknowledged in the stats");
            using var collector = Collector(queue);

            var result = await collector.CollectAsync(default);

            Assert.True(result.Succeeded, result.Error?.ToString());
            var unit = Assert.Single(result.Snapshot.Units);
            Assert.Equal(new LagUnitId(queue, ""), unit.Id);
            Assert.Equal(10, unit.Lag);
            Assert.Equal(10, result.Snapshot.Totals.Lag);
            Assert.Equal("rabbitmq", result.Snapshot.SourceKind);
            Assert.Equal("/", result.Snapshot.Group);
            Assert.Null(unit.CommittedOffset);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    [Fact]
    public async Task CollectAsync_MessagesFlowing_ReportsPublishAndDeliverRatesAndAnEstimatedAge()
    {
        await using var channel = await broker.Connection.CreateChannelAsync();
        var queue = await RabbitMqBroker.CreateQueueAsync(channel);
        try
        {
            await using var consumerChannel = await broker.Connection.CreateChannelAsync();
            await consumerChannel.BasicQosAsync(0, prefetchCount: 1, global: false);
            var consumer = new global::RabbitMQ.Client.Events.AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5));
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            };
            _ = await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
            using var collector = Collector(queue);
            using var publishing = new CancellationTokenSource();
            var publisher = Task.Run(async () =>
            {
                while (!publishing.IsCancellationRequested)
                {
                    await RabbitMqBroker.PublishAsync(channel, queue, 20);
                    await Task.Delay(TimeSpan.FromMilliseconds(50));
                }
            });
            LagUnitSnapshot? unit = null;
            await Eventually.HoldsAsync(async () =>
            {
                var result = await collector.CollectAsync(default);
                unit = result.Snapshot?.Units.Single();
                return unit is { ArrivalRate: > 0, ProcessingRate: > 0, Lag: > 0 };
            }, StatsDeadline, () => "publish and deliver rates with a backlog");
            await publishing.CancelAsync();
            await publisher;

            Assert.Equal(TimeLagMethod.Estimated, unit!.LagSecondsMethod);
            Assert.Equal(unit.Lag / unit.ProcessingRate!.Value, unit.LagSeconds!.Value, precision: 9);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    [Fact]
    public async Task CollectAsync_QueueMissing_FailsWithStreamNotFoundNamingTheQueue()
    {
        using var collector = Collector("f12-no-such-queue");

        var result = await collector.CollectAsync(default);

        Assert.False(result.Succeeded);
        Assert.Equal(LagErrorKind.StreamNotFound, result.Error.Kind);
        Assert.Contains("f12-no-such-queue", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_WrongPassword_FailsWithAuthenticationFailed()
    {
        using var collector = new RabbitMqLagCollector(Options("any") with { Password = "wrong" }, TimeProvider.System, NullLogger<RabbitMqLagCollector>.Instance);

        var result = await collector.CollectAsync(default);

        Assert.Equal(LagErrorKind.AuthenticationFailed, result.Error?.Kind);
    }

    [Fact]
    public async Task CollectAsync_NothingListening_FailsWithUnreachable()
    {
        var options = Options("any") with { ManagementUrl = new Uri("http://127.0.0.1:1/"), RequestTimeout = TimeSpan.FromSeconds(2) };
        using var collector = new RabbitMqLagCollector(options, TimeProvider.System, NullLogger<RabbitMqLagCollector>.Instance);

        var result = await collector.CollectAsync(default);

        Assert.Equal(LagErrorKind.Unreachable, result.Error?.Kind);
        Assert.Contains("127.0.0.1:1", result.Error?.Message, StringComparison.Ordinal);
    }

    private RabbitMqLagCollectorOptions Options(string queue) => new() { ManagementUrl = broker.ManagementUrl, Queues = [queue] };

    private RabbitMqLagCollector Collector(string queue) =>
        new(Options(queue), TimeProvider.System, NullLogger<RabbitMqLagCollector>.Instance);

    private static async Task<RabbitMqQueueStats?> StatsOrNullAsync(RabbitMqManagementApi api, string queue)
    {
        try
        {
            return await api.GetQueueAsync(queue, default);
        }
        catch (RabbitMqManagementException e) when (e.Message.Contains("messages_ready is missing", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
