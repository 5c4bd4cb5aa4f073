using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.Processing;
using Force12.Queues.Lightbulbs.State;
using Force12.Queues.Testing.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Lightbulbs.Tests.Processing;

/// <summary>
/// In-process rehearsal of the chaos test: several consumers in one group, killed mid-stream again and again
/// (abandoning their batch, or crashing when their state cache fails before the commit) and replaced, while
/// the audit must show every event processed at least once.
/// </summary>
[Collection(KafkaGroup.Name)]
public sealed class AtLeastOnceTests(KafkaFixture kafka) : IDisposable
{
    private const int Events = 20_000;
    private readonly string _auditFolder = Directory.CreateTempSubdirectory("f12-alo-").FullName;

    [Fact]
    public async Task Processors_KilledMidStream_LoseNothingAndReportDuplicates()
    {
        var topic = kafka.NewTopic(partitions: 6);
        kafka.Produce(topic, first: 1_000_000, count: Events);
        var group = "g-" + topic;
        var generation = 0;
        var running = new List<(BulbProcessor Processor, CancellationTokenSource Stop, Task Run, AuditLogWriter Audit)>();
        var crashes = 0;
        var random = new Random(6);

        (BulbProcessor, CancellationTokenSource, Task, AuditLogWriter) Start()
        {
            var audit = AuditLogWriter.InFolder(_auditFolder, $"p{generation++}");
            var crashAfter = generation % 2 == 0 ? random.Next(1, 10) : int.MaxValue; // every other one crashes on a failing cache
            var processor = new BulbProcessor(
                new BulbProcessorOptions
                {
                    BootstrapServers = kafka.BootstrapServers, Topic = topic, GroupId = group,
                    WorkPerMessage = TimeSpan.FromMilliseconds(0.2), MaxBatch = 50, StopMode = StopMode.Abandon,
                    SessionTimeout = TimeSpan.FromSeconds(2), // the mock coordinator waits session - 1 s for members to rejoin
                },
                TimeProvider.System,
                NullLogger<BulbProcessor>.Instance,
                new FailingStore(crashAfter),
                audit: audit);
            var stop = new CancellationTokenSource();
            return (processor, stop, processor.RunAsync(stop.Token), audit);
        }

        for (var i = 0; i < 3; i++)
        {
            running.Add(Start());
        }

        var started = TimeProvider.System.GetTimestamp();
        var ticks = 0;
        while (kafka.CommittedTotal(topic, group, 6) < Events)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(150), "the processors did not finish within 150 s");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var victim = ++ticks % 6 == 0 ? random.Next(running.Count) : -1; // one kill every 3 s
            for (var i = 0; i < running.Count; i++)
            {
                var (_, stop, run, audit) = running[i];
                var kill = i == victim;
                if (run.IsCompleted || kill)
                {
                    await stop.CancelAsync();
                    try
                    {
                        await run;
                    }
                    catch (IOException)
                    {
                        crashes++;
                    }


                    audit.Dispose();
                    stop.Dispose();
                    running[i] = Start();
                }
            }
        }

        foreach (var (_, stop, run, audit) in running)
        {
            await stop.CancelAsync();
            await run.ContinueWith(_ => { }, TaskScheduler.Default);
            audit.Dispose();
        }

        var report = AuditReader.AuditRange(_auditFolder, 1_000_000, Events);
        Assert.True(generation > 4, $"only {generation} processors ran: the test killed too few");
        Assert.True(crashes > 0, "no processor crashed before its commit");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Unexpected);
        Console.WriteLine($"at-least-once: {Events} events, {generation} processors, {crashes} crashes, {report.Duplicates} duplicates");
    }

    public void Dispose() => Directory.Delete(_auditFolder, recursive: true);

    /// <summary>A state cache that fails for good after some batches, as a crashed sidecar would.</summary>
    private sealed class FailingStore(int batchesBeforeFailure) : IBulbStateStore
    {
        private int _batches;

        public Task<bool[]> ApplyAsync(IReadOnlyList<LightbulbEvent> events, CancellationToken cancellationToken) =>
            ++_batches > batchesBeforeFailure
                ? throw new IOException("state cache crashed")
                : Task.FromResult(new bool[events.Count]);
    }
}
