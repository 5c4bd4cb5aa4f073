using Force12.Queues.Core.Lag;
using Force12.Queues.RabbitMQ.Lag;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.RabbitMQ.Tests.Lag;

public sealed class RabbitMqLagCollectorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedManagementApi _api = new();

    [Fact]
    public async Task CollectAsync_NothingWaiting_IsCaughtUpWithZeroAge()
    {
        _api.Queues["a"] = new(0, 0, 1, 100, 100, 5, 5);

        var unit = (await Collector("a").CollectAsync(default)).Snapshot!.Units.Single();

        Assert.Equal(LagUnitStatus.CaughtUp, unit.Status);
        Assert.Equal(0, unit.LagSeconds);
        Assert.Equal(TimeLagMethod.NothingWaiting, unit.LagSecondsMethod);
    }

    [Fact]
    public async Task CollectAsync_AnyQueue_DoesNotCapPodsAtTheQueueCount()
    {
        _api.Queues["a"] = new(500, 0, 1, 100, 100, 5, 5);

        var snapshot = (await Collector("a").CollectAsync(default)).Snapshot!;

        Assert.False(snapshot.UnitsCapParallelism); // competing consumers: many pods drain one queue
    }

    [Fact]
    public async Task CollectAsync_NoDeliveries_AgeIsUnknownNotZero()
    {
        _api.Queues["a"] = new(50, 0, 0, 50, null, 10, null);

        var unit = (await Collector("a").CollectAsync(default)).Snapshot!.Units.Single();

        Assert.Null(unit.LagSeconds);
        Assert.Equal(TimeLagMethod.None, unit.LagSecondsMethod);
        Assert.Equal(10, unit.ArrivalRate);
        Assert.Null(unit.ProcessingRate);
    }

    [Fact]
    public async Task CollectAsync_DeliveriesStandStillWhileDepthGrows_IsStalledAfterTheWindow()
    {
        var collector = Collector("a");
        _api.Queues["a"] = new(10, 2, 1, 100, 88, 1, 0);
        Assert.Equal(LagUnitStatus.Ok, (await collector.CollectAsync(default)).Snapshot!.Units[0].Status);

        _time.Advance(TimeSpan.FromSeconds(31));
        _api.Queues["a"] = new(40, 2, 1, 130, 88, 1, 0);

        Assert.Equal(LagUnitStatus.Stalled, (await collector.CollectAsync(default)).Snapshot!.Units[0].Status);
    }

    [Fact]
    public async Task CollectAsync_TwoQueues_SumsAndOrdersThem()
    {
        _api.Queues["b"] = new(3, 1, 1, 0, 0, 2, 4);
        _api.Queues["a"] = new(5, 0, 1, 0, 0, 1, 1);

        var snapshot = (await Collector("b", "a").CollectAsync(default)).Snapshot!;

        Assert.Equal(["a", "b"], snapshot.Units.Select(u => u.Id.Stream));
        Assert.Equal(9, snapshot.Totals.Lag);
        Assert.Equal(3, snapshot.Totals.ArrivalRate);
        Assert.Equal(5, snapshot.Totals.MaxLagSeconds);
    }

    [Fact]
    public async Task CollectAsync_OneOfTwoQueuesMissing_FailsWithStreamNotFoundAndNoLag()
    {
        _api.Queues["a"] = new(5, 0, 1, 0, 0, 1, 1);

        var result = await Collector("a", "gone").CollectAsync(default);

        Assert.Null(result.Snapshot);
        Assert.Equal(LagErrorKind.StreamNotFound, result.Error!.Kind);
        Assert.Contains("'gone'", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new RabbitMqLagCollectorOptions { Queues = [], RequestTimeout = TimeSpan.Zero, VirtualHost = "" };

        var error = Assert.Throws<ArgumentException>(() => new RabbitMqLagCollector(options, _time, NullLogger<RabbitMqLagCollector>.Instance));

        Assert.Contains("queues: is required: at least one queue name", error.Message, StringComparison.Ordinal);
        Assert.Contains("requestTimeout: must be positive (was 0s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("virtualHost: is required", error.Message, StringComparison.Ordinal);
    }

    private RabbitMqLagCollector Collector(params string[] queues) =>
        new(new RabbitMqLagCollectorOptions { Queues = queues }, _api, _time, NullLogger.Instance);
}
