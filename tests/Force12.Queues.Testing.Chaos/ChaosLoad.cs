using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Chaos;

/// <summary>
/// The load of a chaos run: the load generator sends <see cref="ChaosOptions.Events"/> uniquely numbered lightbulb
/// events in a day-shaped pattern to Kafka and records each acknowledged sequence number in an audit file, so the
/// audit compares the processors' work with what the broker accepted.
/// </summary>
internal sealed class ChaosLoad : IDisposable
{
    private readonly AuditLogWriter _acknowledged;
    private long _sent;

    private ChaosLoad(AuditLogWriter acknowledged, Task<LoadReport> run)
    {
        _acknowledged = acknowledged;
        Run = run;
    }

    public Task<LoadReport> Run { get; }

    public string AcknowledgedFile => _acknowledged.Path;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events acknowledged by the end of the load; unknown (long.MaxValue) while it runs.</summary>
    public long AcknowledgedWhenDone => Run.IsCompletedSuccessfully ? Run.Result.Acknowledged : long.MaxValue;

    public static ChaosLoad Start(ChaosOptions options, string bootstrapServers, string topic, string acknowledgedFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = TimeProvider.System;
        var acknowledged = new AuditLogWriter(acknowledgedFile);
        var sink = new KafkaLoadSink(new KafkaLoadSinkOptions { BootstrapServers = bootstrapServers, Topic = topic }, time, acknowledged.Append);
        var generator = new LoadGenerator(
            new LoadGeneratorOptions
            {
                Rate = new DiurnalTrace { NightRate = options.MinRate, PeakRate = options.MaxRate, Period = options.Period, Duration = null },
                MaxEvents = options.Events,
                ProgressInterval = TimeSpan.FromSeconds(1),
            },
            new LightbulbEventFactory(10_000, 4, 0, new SplitMixRandomSource((ulong)options.Seed), time),
            sink,
            time);
        ChaosLoad? load = null;
        var progress = new Progress<LoadProgress>(p => Interlocked.Exchange(ref load!._sent, p.Sent));
        load = new ChaosLoad(acknowledged, Task.Run(async () =>
        {
            await using (sink)
            {
                var report = await generator.RunAsync(progress, cancellationToken);
                acknowledged.Flush();
                return report;
            }
        }, CancellationToken.None));
        return load;
    }

    public void Dispose()
    {
        _acknowledged.Flush();
        _acknowledged.Dispose();
    }
}
