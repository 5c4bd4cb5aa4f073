using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>The processor role with BULBS_SOURCE=kinesis as a real process against kinesalite and dynalite.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisProcessorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-bulbs-kinesis-").FullName;

    [Fact]
    public async Task Processor_KinesisSigterm_CheckpointsOnlyAuditedEventsAndReleasesItsLeases()
    {
        await using var stream = await TemporaryStream.CreateAsync(2, "f12-bulbs");
        await using var leases = await TemporaryLeaseTable.CreateAsync("f12-bulbs-leases");
        await KinesisTestStack.ProduceAsync(stream.Name, 3000);
        var cache = $"tcp:127.0.0.1:{FreePort.Next()}";
        using var stateCache = SampleProcess.Start("state-cache", new Dictionary<string, string> { ["BULBS_STATE_CACHE"] = cache });

        using (var first = SampleProcess.Start("processor", KinesisTestStack.Processor(stream.Name, leases.Name, cache, _folder, workMs: 2, batch: 100)))
        {
            await Eventually.HoldsAsync(() => Task.FromResult(AuditReader.AuditRange(_folder, 0, 3000).Processed >= 400 || first.HasExited), TimeSpan.FromSeconds(90),
                () => $"the processor to audit 400 events. Output:\n{first.Output}");
            first.Signal(Signals.SigTerm);
            var exitCode = await first.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.True(exitCode == 0, $"exit code {exitCode}. Output:\n{first.Output}");
            Assert.Contains("leases released", first.Output, StringComparison.Ordinal);
        }

        var afterStop = (await leases.Table.ListAsync()).Where(l => l.Key.BelongsTo(stream.Name)).ToArray();
        Assert.Equal(2, afterStop.Length);
        Assert.All(afterStop, l => Assert.Null(l.Owner));
        var audited = AuditReader.ReadAll(AuditReader.FilesIn(_folder), out _).ToHashSet();
        var checkpointed = await EventsUpToCheckpointsAsync(stream, afterStop);
        Assert.InRange(checkpointed.Count, 1, 2999); // stopped part-way
        Assert.All(checkpointed, sequence => Assert.Contains(sequence, audited)); // never a checkpoint ahead of the audit

        using var second = SampleProcess.Start("processor", KinesisTestStack.Processor(stream.Name, leases.Name, cache, _folder, workMs: 0, batch: 500));
        await Eventually.HoldsAsync(() => Task.FromResult(AuditReader.AuditRange(_folder, 0, 3000).Lost == 0 || second.HasExited), TimeSpan.FromSeconds(90),
            () => $"the second processor to finish the stream. Output:\n{second.Output}");
        second.Signal(Signals.SigTerm);
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var audit = AuditReader.AuditRange(_folder, 0, 3000);
        Assert.Equal((0L, 0L), (audit.Lost, audit.Unexpected));
        Assert.Equal(2, audit.Files);
    }

    [Fact]
    public async Task Processor_KinesisBadSettings_ExitsTwoNamingEveryVariable()
    {
        var environment = KinesisTestStack.Credentials();
        environment["BULBS_SOURCE"] = "kinesis";
        environment["BULBS_KINESIS_ENDPOINT"] = "kinesalite";
        environment["BULBS_FAILOVER_MS"] = "10";
        using var processor = SampleProcess.Start("processor", environment);

        Assert.Equal(2, await processor.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("BULBS_STREAM is required", processor.Output, StringComparison.Ordinal);
        Assert.Contains("BULBS_KINESIS_ENDPOINT must be an http or https URL (was 'kinesalite')", processor.Output, StringComparison.Ordinal);
        Assert.Contains("BULBS_FAILOVER_MS must be a whole number >= 1000 (was '10')", processor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processor_UnknownSource_ExitsTwoNamingTheVariable()
    {
        using var processor = SampleProcess.Start("processor", new Dictionary<string, string> { ["BULBS_SOURCE"] = "sqs" });

        Assert.Equal(2, await processor.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("BULBS_SOURCE must be kafka or kinesis (was 'sqs')", processor.Output, StringComparison.Ordinal);
    }

    /// <summary>The event numbers of every record at or before each lease's checkpoint.</summary>
    private static async Task<List<long>> EventsUpToCheckpointsAsync(TemporaryStream stream, IEnumerable<KclLease> leases)
    {
        var events = new List<long>();
        foreach (var lease in leases.Where(l => l.Checkpoint?.Kind == KclCheckpointKind.SequenceNumber))
        {
            var last = lease.Checkpoint!.Value.SequenceNumber!.Value;
            var iterator = await stream.Client.GetShardIteratorAsync(stream.Name, lease.ShardId, ShardIteratorType.TrimHorizon);
            while (true)
            {
                var batch = await stream.Client.GetRecordsAsync(iterator);
                events.AddRange(batch.Records.Where(r => r.SequenceNumber <= last).Select(r => LightbulbCodecs.Decode(r.Data.Span).Sequence));
                if (batch.Records.Count == 0 || batch.Records[^1].SequenceNumber >= last || batch.IsShardEnd)
                {
                    break;
                }

                iterator = batch.NextShardIterator!;
            }
        }

        return events;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
