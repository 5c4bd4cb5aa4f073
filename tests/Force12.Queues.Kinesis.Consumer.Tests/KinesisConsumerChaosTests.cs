using System.Globalization;
using System.Text;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Model;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Kinesis.Tests.Consumer;

/// <summary>
/// The in-process version of the chaos test: 50,000 uniquely numbered events written while
/// workers are added, killed (no release, batches in hand lost) and stopped. Real processes and
/// SIGKILL need the sample pipeline's Kinesis variant; see docs/kinesis.md.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisConsumerChaosTests
{
    private const int Events = 50_000;
    private const int Waves = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RunAsync_FiftyThousandEventsWhileScalingAndKilling_LosesNothingAndReportsDuplicates()
    {
        await using var stream = await TemporaryStream.CreateAsync(4);
        await using var table = await TemporaryLeaseTable.CreateAsync();
        var handler = new RecordingHandler();
        await using var harness = new ConsumerHarness(stream, table, handler);
        var publisher = new KinesisRecordPublisher(stream.Client, stream.Name, TimeProvider.System);
        var workers = new List<KinesisConsumer> { harness.Start("w0", maxRecordsPerRead: 500) };

        for (var wave = 0; wave < Waves; wave++)
        {
            var entries = Enumerable.Range(wave * (Events / Waves), Events / Waves)
                .Select(n => new PutRecordsEntry($"bulb-{n % 997}", Encoding.UTF8.GetBytes(n.ToString(CultureInfo.InvariantCulture))))
                .ToArray();
            Assert.Equal((Events / Waves, 0), ((await publisher.PublishAsync(entries)).Written, 0));
            switch (wave)
            {
                case 1 or 2:
                    workers.Add(harness.Start($"w{workers.Count}", maxRecordsPerRead: 500)); // scale up
                    break;
                case 4:
                    await harness.KillAsync(workers[1]);                                      // SIGKILL mid-stream
                    workers.Add(harness.Start($"w{workers.Count}", maxRecordsPerRead: 500));
                    break;
                case 6:
                    await harness.StopAsync(workers[2]);                                      // SIGTERM: scale down
                    break;
                case 8:
                    await harness.KillAsync(workers[0]);
                    break;
            }
        }

        await Eventually.HoldsAsync(() => Task.FromResult(handler.Distinct == Events), Patience,
            () => $"{handler.Missing(Events).Count} missing, {handler.Duplicates} duplicates");
        Assert.Empty(handler.Missing(Events));
        Console.WriteLine($"kinesis in-process chaos: {Events} events, 0 lost, {handler.Duplicates} duplicates");
        var lag = CollectorFactory.Create(stream.Name, table.Name);
        await Eventually.HoldsAsync(async () => (await lag.CollectAsync(default)).Snapshot?.Totals.Lag == 0, Patience,
            () => "checkpoints did not reach the tip");
    }
}
