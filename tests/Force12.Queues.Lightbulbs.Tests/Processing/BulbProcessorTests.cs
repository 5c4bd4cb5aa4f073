using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Processing;
using Force12.Queues.Testing.Kafka;
using Force12.Queues.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Lightbulbs.Tests.Processing;

[Collection(KafkaGroup.Name)]
public sealed class BulbProcessorTests(KafkaFixture kafka) : IDisposable
{
    private readonly string _auditFolder = Directory.CreateTempSubdirectory("f12-processor-").FullName;

    [Fact]
    public async Task RunAsync_EveryBatch_IsAuditedOnDiskBeforeItsOffsetsAreCommitted()
    {
        var topic = kafka.NewTopic(partitions: 4);
        kafka.Produce(topic, first: 0, count: 500);
        using var audit = AuditLogWriter.InFolder(_auditFolder, "p1");
        var processor = Processor(topic, "g-" + topic, audit, TimeSpan.Zero, batch: 50);
        var violations = new List<string>();
        processor.Committed += offsets =>
        {
            var committedNow = processor.Counters.Committed;
            var onDisk = new FileInfo(audit.Path).Length / 8;
            if (onDisk < committedNow)
            {
                violations.Add($"{committedNow} committed but {onDisk} audited");
            }
        };
        using var stop = new CancellationTokenSource();
        var run = processor.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => Task.FromResult(processor.Counters.Committed == 500 || run.IsCompleted), TimeSpan.FromSeconds(60), () => $"500 commits (have {processor.Counters.Committed})");
        await stop.CancelAsync();
        await run;

        Assert.Empty(violations);
        Assert.Equal(500, kafka.CommittedTotal(topic, "g-" + topic, 4));
        var report = AuditReader.AuditRange(_auditFolder, 0, 500);
        Assert.Equal((0L, 0L), (report.Lost, report.Duplicates));
    }

    [Fact]
    public async Task RunAsync_StopInFinishMode_CommitsTheWholeBatchInHand()
    {
        var topic = kafka.NewTopic(partitions: 1);
        kafka.Produce(topic, first: 0, count: 300);
        using var audit = AuditLogWriter.InFolder(_auditFolder, "p1");
        var processor = Processor(topic, "g-" + topic, audit, TimeSpan.FromMilliseconds(10), batch: 40);
        using var stop = new CancellationTokenSource();
        long committedBeforeStop = -1;
        processor.Committed += _ =>
        {
            if (committedBeforeStop < 0)
            {
                committedBeforeStop = processor.Counters.Committed;
                stop.CancelAfter(TimeSpan.FromMilliseconds(100)); // while the next batch (up to 400 ms of work) is in hand
            }
        };
        var run = processor.RunAsync(stop.Token);

        await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, processor.Counters.Abandoned);
        Assert.True(processor.Counters.Committed > committedBeforeStop,
            $"the batch in hand when the stop came should have been finished and committed (committed {processor.Counters.Committed}, {committedBeforeStop} before the stop)");
        Assert.Equal(processor.Counters.Processed, processor.Counters.Committed);
        Assert.Equal(processor.Counters.Committed, kafka.CommittedTotal(topic, "g-" + topic, 1));
        var report = AuditReader.AuditRange(_auditFolder, 0, processor.Counters.Committed);
        Assert.Equal((0L, 0L), (report.Lost, report.Duplicates)); // the audit holds exactly the committed prefix
    }

    [Fact]
    public async Task RunAsync_StopInAbandonMode_CommitsOnlyFinishedWorkAndTheNextConsumerGetsTheRest()
    {
        var topic = kafka.NewTopic(partitions: 1);
        var group = "g-" + topic;
        kafka.Produce(topic, first: 0, count: 200);
        using var firstAudit = AuditLogWriter.InFolder(_auditFolder, "p1");
        var first = Processor(topic, group, firstAudit, TimeSpan.FromMilliseconds(20), batch: 100, StopMode.Abandon);
        using var stop = new CancellationTokenSource();
        long committedBeforeStop = 0;
        first.Committed += _ =>
        {
            // Stop part-way through the next batch (a batch is what one fetch brought, up to 100: not always 100). The
            // commit of the interrupted batch's finished part comes after the stop and does not count as before it.
            if (!stop.IsCancellationRequested)
            {
                committedBeforeStop = first.Counters.Committed;
                stop.CancelAfter(TimeSpan.FromMilliseconds(300));
            }
        };

        await first.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(first.Counters.Abandoned > 0, "the stop should have interrupted the batch");
        var committedByFirst = kafka.CommittedTotal(topic, group, 1);
        Assert.Equal(first.Counters.Committed, committedByFirst);
        // The batches committed before the stop and the finished part of the interrupted one, not all 200.
        Assert.InRange(committedByFirst, committedBeforeStop + 1, 199);
        using var secondAudit = AuditLogWriter.InFolder(_auditFolder, "p2");
        var second = Processor(topic, group, secondAudit, TimeSpan.Zero, batch: 100);
        using var stopSecond = new CancellationTokenSource();
        var run = second.RunAsync(stopSecond.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(topic, group, 1) == 200), TimeSpan.FromSeconds(60), () => "the second consumer to commit the rest");
        await stopSecond.CancelAsync();
        await run;
        Assert.Equal(200 - committedByFirst, second.Counters.Processed);
        Assert.Equal(0, AuditReader.AuditRange(_auditFolder, 0, 200).Lost);
    }

    private BulbProcessor Processor(string topic, string group, AuditLogWriter audit, TimeSpan work, int batch, StopMode mode = StopMode.Finish) =>
        new(
            new BulbProcessorOptions
            {
                BootstrapServers = kafka.BootstrapServers, Topic = topic, GroupId = group, WorkPerMessage = work, MaxBatch = batch, StopMode = mode,
            },
            TimeProvider.System,
            NullLogger<BulbProcessor>.Instance,
            audit: audit);

    public void Dispose() => Directory.Delete(_auditFolder, recursive: true);
}
