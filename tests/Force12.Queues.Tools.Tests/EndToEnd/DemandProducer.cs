using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Tests.EndToEnd;

/// <summary>
/// Produces lightbulb events at a constant rate that the test changes (a demand step), with the project's load
/// generator and one Kafka producer; sequence numbers continue across rate changes.
/// </summary>
internal sealed class DemandProducer(string bootstrapServers, string topic) : IAsyncDisposable
{
    private readonly KafkaLoadSink _sink = new(new KafkaLoadSinkOptions { BootstrapServers = bootstrapServers, Topic = topic }, TimeProvider.System);
    private readonly LightbulbEventFactory _events = new(1000, 4, 0, new SplitMixRandomSource(7), TimeProvider.System);
    private CancellationTokenSource? _stop;
    private Task<LoadReport>? _run;

    /// <summary>Events acknowledged by the cluster so far.</summary>
    public long Acknowledged => _sink.Counters.Acknowledged;

    /// <summary>Stops the current rate (its events are flushed) and starts producing <paramref name="perSecond"/> events per second.</summary>
    public async Task SetRateAsync(double perSecond)
    {
        await StopAsync();
        _stop = new CancellationTokenSource();
        var generator = new LoadGenerator(new LoadGeneratorOptions { Rate = new ConstantRate(perSecond, null) }, _events, _sink, TimeProvider.System);
        _run = Task.Run(() => generator.RunAsync(null, _stop.Token));
    }

    /// <summary>Stops producing; throws when the cluster failed any event.</summary>
    public async Task StopAsync()
    {
        if (_run is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        var report = await _run;
        _stop.Dispose();
        _run = null;
        if (report.Failed > 0)
        {
            throw new InvalidOperationException($"The embedded cluster failed {report.Failed} test events: {report.FirstError}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _sink.DisposeAsync();
    }
}
