using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;
using Microsoft.Extensions.Time.Testing;

namespace Force12.Queues.Lightbulbs.Tests.Load;

public sealed class LoadGeneratorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_Constant500For2Seconds_SendsExactly1000UniqueEventsPacedByTheClock()
    {
        var sink = new RecordingSink(_time);
        var generator = Generator(new ConstantRate(500, TimeSpan.FromSeconds(2)), sink, firstSequence: 1_000);

        var report = await DriveAsync(generator.RunAsync(null, CancellationToken.None));

        Assert.Equal(1000, report.Sent);
        Assert.Equal(1000, report.Acknowledged);
        Assert.Equal(0, report.Failed);
        Assert.Equal(Enumerable.Range(1000, 1000).Select(i => (long)i), sink.Messages.Select(m => m.Sequence));
        var start = _time.Start;
        var firstSecond = sink.Messages.Count(m => m.At - start <= TimeSpan.FromSeconds(1));
        Assert.InRange(firstSecond, 495, 505);
    }

    [Fact]
    public async Task RunAsync_EveryMessage_IsKeyedByBulbAndDecodes()
    {
        var sink = new RecordingSink(_time);
        var generator = Generator(new ConstantRate(100, TimeSpan.FromSeconds(1)), sink, firstSequence: 0, BinaryLightbulbCodec.Instance);

        _ = await DriveAsync(generator.RunAsync(null, CancellationToken.None));

        Assert.Equal(100, sink.Messages.Count);
        Assert.All(sink.Messages, m =>
        {
            var decoded = LightbulbCodecs.Decode(m.Value);
            Assert.Equal(m.Sequence, decoded.Sequence);
            Assert.Equal(decoded.BulbId, LightbulbKey.Decode(m.Key));
            Assert.InRange(decoded.BulbId, 0, 49);
        });
    }

    [Fact]
    public async Task RunAsync_MaxEvents_StopsThere()
    {
        var sink = new RecordingSink(_time);
        var options = new LoadGeneratorOptions { Rate = new ConstantRate(1000, duration: null), MaxEvents = 250 };
        var generator = new LoadGenerator(options, Factory(0), sink, _time);

        var report = await DriveAsync(generator.RunAsync(null, CancellationToken.None));

        Assert.Equal(250, report.Sent);
        Assert.False(report.Stopped);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReportsStoppedWithWhatWasSent()
    {
        var sink = new RecordingSink(_time);
        using var stop = new CancellationTokenSource();
        var generator = Generator(new ConstantRate(100, duration: null), sink, 0);
        var run = generator.RunAsync(null, stop.Token);

        await AdvanceUntilAsync(() => sink.Count >= 50);
        await stop.CancelAsync();
        var report = await run;

        Assert.True(report.Stopped);
        Assert.Equal(sink.Count, report.Sent);
    }

    private LoadGenerator Generator(IDemandTrace rate, ILoadSink sink, long firstSequence, ILightbulbEventCodec? codec = null) =>
        new(new LoadGeneratorOptions { Rate = rate, Codec = codec ?? JsonLightbulbCodec.Instance }, Factory(firstSequence), sink, _time);

    private LightbulbEventFactory Factory(long firstSequence) => new(50, 5, firstSequence, new SplitMixRandomSource(1), _time);

    private async Task<T> DriveAsync<T>(Task<T> run)
    {
        await AdvanceUntilAsync(() => run.IsCompleted);
        return await run;
    }

    /// <summary>Moves the fake clock 1 ms at a time, letting the generator run in between, until the condition holds.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100_000 && !condition(); i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
            await Task.Delay(TimeSpan.FromTicks(1), TimeProvider.System);
        }

        Assert.True(condition(), "the generator did not get there within 100 s of fake time");
    }
}
