using System.Globalization;
using System.Text;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Testing.Kinesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kinesis.Tests.Consumer;

/// <summary>Runs several in-process workers on one stream and lease table; stops what it started.</summary>
internal sealed class ConsumerHarness(TemporaryStream stream, TemporaryLeaseTable table, RecordingHandler handler) : IAsyncDisposable
{
    private readonly List<(KinesisConsumer Consumer, CancellationTokenSource Stop, Task Run)> _workers = [];

    public KinesisConsumer Start(string workerId, IKinesisRecordHandler? handlerOverride = null, int maxRecordsPerRead = 100)
    {
        var consumer = new KinesisConsumer(stream.Client, table.Table, handlerOverride ?? handler, new KinesisConsumerOptions
        {
            StreamName = stream.Name,
            WorkerId = workerId,
            FailoverTime = TimeSpan.FromSeconds(2),
            LeaseRefreshInterval = TimeSpan.FromMilliseconds(400),
            IdleTimeBetweenReads = TimeSpan.FromMilliseconds(100),
            MinTimeBetweenReads = TimeSpan.FromMilliseconds(20),
            MaxRecordsPerRead = maxRecordsPerRead,
            ShutdownGrace = TimeSpan.FromSeconds(2),
        }, TimeProvider.System, NullLogger<KinesisConsumer>.Instance);
        var stop = new CancellationTokenSource();
        _workers.Add((consumer, stop, consumer.RunAsync(stop.Token)));
        return consumer;
    }

    public async Task StopAsync(KinesisConsumer consumer)
    {
        var worker = _workers.Single(w => w.Consumer == consumer);
        await worker.Stop.CancelAsync();
        await worker.Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task KillAsync(KinesisConsumer consumer)
    {
        consumer.Kill();
        await _workers.Single(w => w.Consumer == consumer).Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Writes events numbered [first, first + count) with partition keys k0..k{keys-1} (event n gets key n % keys).</summary>
    public async Task PutEventsAsync(int first, int count, int keys = 20)
    {
        for (var offset = 0; offset < count; offset += 500)
        {
            var batch = Enumerable.Range(first + offset, Math.Min(500, count - offset))
                .Select(n => new PutRecordsEntry($"k{n % keys}", Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture))))
                .ToArray();
            var outcomes = await stream.Client.PutRecordsAsync(stream.Name, batch);
            Assert.All(outcomes, o => Assert.True(o.Succeeded, o.ErrorCode));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (consumer, stop, run) in _workers)
        {
            await stop.CancelAsync();
            try
            {
                await run.WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
            }

            consumer.Dispose();
            stop.Dispose();
        }
    }
}
