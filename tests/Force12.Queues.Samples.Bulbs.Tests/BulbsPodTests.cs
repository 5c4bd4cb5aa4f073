using System.Globalization;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Testing.Kafka;
using Force12.Queues.Testing;

namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>The sample pod's two containers as real processes against the embedded Kafka cluster.</summary>
[Collection(KafkaGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class BulbsPodTests(KafkaFixture kafka) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-bulbs-").FullName;

    [Fact]
    public async Task Processor_Sigterm_ExitsZeroAndEveryCommittedEventIsAudited()
    {
        var topic = kafka.NewTopic(partitions: 1);
        var group = "g-" + topic;
        kafka.Produce(topic, first: 0, count: 3000);
        var cache = $"tcp:127.0.0.1:{FreePort.Next()}";
        using var stateCache = SampleProcess.Start("state-cache", new Dictionary<string, string> { ["BULBS_STATE_CACHE"] = cache });
        using var processor = SampleProcess.Start("processor", Processor(topic, group, cache, workMs: 2, batch: 50));

        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(topic, group, 1) >= 200 || processor.HasExited), TimeSpan.FromSeconds(60),
            () => $"the processor to commit 200 events. Output:\n{processor.Output}");
        processor.Signal(Signals.SigTerm);
        var exitCode = await processor.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"exit code {exitCode}. Output:\n{processor.Output}");
        var committed = kafka.CommittedTotal(topic, group, 1);
        Assert.InRange(committed, 200, 2999); // stopped part-way
        var audit = AuditReader.AuditRange(_folder, 0, committed);
        Assert.Equal(0, audit.Lost);
        // Finish mode: the batch in hand was finished and committed, so the audit holds exactly the committed events
        // (batches are not always full: a batch ends when the fetched messages run out).
        Assert.Equal(3000 - committed, AuditReader.AuditRange(_folder, 0, 3000).Lost);
        Assert.Contains("Processor stopped", processor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processor_Sigkilled_ItsUncommittedBatchIsRedeliveredToTheNextProcessor()
    {
        var topic = kafka.NewTopic(partitions: 2);
        var group = "g-" + topic;
        kafka.Produce(topic, first: 0, count: 2000);
        var cache = $"tcp:127.0.0.1:{FreePort.Next()}";
        using var stateCache = SampleProcess.Start("state-cache", new Dictionary<string, string> { ["BULBS_STATE_CACHE"] = cache });
        using (var first = SampleProcess.Start("processor", Processor(topic, group, cache, workMs: 2, batch: 100)))
        {
            await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(topic, group, 2) >= 300 || first.HasExited), TimeSpan.FromSeconds(60),
                () => $"the first processor to commit 300 events. Output:\n{first.Output}");
            first.Signal(Signals.SigKill);
            Assert.Equal(137, await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        using var second = SampleProcess.Start("processor", Processor(topic, group, cache, workMs: 0, batch: 100));
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(topic, group, 2) == 2000 || second.HasExited), TimeSpan.FromSeconds(90),
            () => $"the second processor to commit everything. Output:\n{second.Output}");
        second.Signal(Signals.SigTerm);
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        var audit = AuditReader.AuditRange(_folder, 0, 2000);
        Assert.Equal(0, audit.Lost);
        Assert.Equal(2, audit.Files);
    }

    [Fact]
    public async Task Processor_BadSettings_ExitsTwoNamingEveryVariable()
    {
        using var processor = SampleProcess.Start("processor", new Dictionary<string, string> { ["BULBS_WORK_MS"] = "-1", ["BULBS_ON_STOP"] = "later" });

        Assert.Equal(2, await processor.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("BULBS_KAFKA is required", processor.Output, StringComparison.Ordinal);
        Assert.Contains("BULBS_WORK_MS must be a number of milliseconds >= 0 (was '-1')", processor.Output, StringComparison.Ordinal);
        Assert.Contains("BULBS_ON_STOP: must be finish or abandon (was 'later')", processor.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Processor(string topic, string group, string cache, double workMs, int batch) => new()
    {
        ["BULBS_KAFKA"] = kafka.BootstrapServers,
        ["BULBS_TOPIC"] = topic,
        ["BULBS_GROUP"] = group,
        ["BULBS_WORK_MS"] = workMs.ToString(CultureInfo.InvariantCulture),
        ["BULBS_BATCH"] = batch.ToString(CultureInfo.InvariantCulture),
        ["BULBS_STATE_CACHE"] = cache,
        ["BULBS_AUDIT_DIR"] = _folder,
        ["BULBS_SESSION_TIMEOUT_MS"] = "3000",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
