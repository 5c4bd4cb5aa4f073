using System.Globalization;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kafka;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests;

/// <summary>
/// The bulbs processor as a warm pod (docs/pod-contract.md), a real process against the embedded Kafka cluster, beside
/// a cold processor started at the same moment: the cold one's first commit is the point at which the warm one, had it
/// ignored the contract, would have committed too.
/// </summary>
[Collection(KafkaGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class WarmBulbsPodTests(KafkaFixture kafka, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _control = Directory.CreateTempSubdirectory("f12-control-").FullName;

    [Fact]
    public async Task WarmProcessor_ConsumesNothingBeforePromotion_AndCommitsEverythingAfterIt()
    {
        var (warmTopic, coldTopic) = (kafka.NewTopic(partitions: 2), kafka.NewTopic(partitions: 2));
        kafka.Produce(warmTopic, first: 0, count: 1000);
        kafka.Produce(coldTopic, first: 0, count: 1000);
        var started = TimeProvider.System.GetTimestamp();
        using var warm = SampleProcess.Start("processor", Processor(warmTopic, warmStart: true));
        using var cold = SampleProcess.Start("processor", Processor(coldTopic, warmStart: false));

        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(coldTopic, "g-" + coldTopic, 2) > 0 || cold.HasExited),
            Deadline, () => $"the cold processor's first commit. Output:\n{cold.Output}");
        var coldFirstCommit = TimeProvider.System.GetElapsedTime(started);
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Path.Combine(_control, "warm")) || warm.HasExited),
            Deadline, () => $"the warm processor's 'warm' file. Output:\n{warm.Output}");

        Assert.Equal(0, kafka.CommittedTotal(warmTopic, "g-" + warmTopic, 2));
        Assert.Contains("waiting for 'consume'", warm.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Processor consuming", warm.Output, StringComparison.Ordinal);

        var promoted = TimeProvider.System.GetTimestamp();
        File.WriteAllText(Path.Combine(_control, "consume.tmp"), "now");
        File.Move(Path.Combine(_control, "consume.tmp"), Path.Combine(_control, "consume"));
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(warmTopic, "g-" + warmTopic, 2) > 0 || warm.HasExited),
            Deadline, () => $"the promoted processor's first commit. Output:\n{warm.Output}");
        var warmFirstCommit = TimeProvider.System.GetElapsedTime(promoted);
        await Eventually.HoldsAsync(() => Task.FromResult(kafka.CommittedTotal(warmTopic, "g-" + warmTopic, 2) == 1000 || warm.HasExited),
            Deadline, () => $"the promoted processor to commit all 1000 events. Output:\n{warm.Output}");

        output.WriteLine(FormattableString.Invariant(
            $"cold start to first commit: {coldFirstCommit.TotalMilliseconds:0} ms; warm promotion to first commit: {warmFirstCommit.TotalMilliseconds:0} ms"));
        warm.Signal(Signals.SigTerm);
        cold.Signal(Signals.SigTerm);
        Assert.Equal(0, await warm.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await cold.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task WarmProcessor_StoppedWhileWarm_ExitsZeroWithoutJoiningTheGroup()
    {
        var topic = kafka.NewTopic(partitions: 1);
        kafka.Produce(topic, first: 0, count: 10);
        using var warm = SampleProcess.Start("processor", Processor(topic, warmStart: true));
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Path.Combine(_control, "warm")) || warm.HasExited),
            Deadline, () => $"the warm processor's 'warm' file. Output:\n{warm.Output}");

        warm.Signal(Signals.SigTerm);

        Assert.Equal(0, await warm.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, kafka.CommittedTotal(topic, "g-" + topic, 1));
        Assert.DoesNotContain("Processor consuming", warm.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_control, recursive: true);

    private Dictionary<string, string> Processor(string topic, bool warmStart)
    {
        var settings = new Dictionary<string, string>
        {
            ["BULBS_KAFKA"] = kafka.BootstrapServers,
            ["BULBS_TOPIC"] = topic,
            ["BULBS_GROUP"] = "g-" + topic,
            ["BULBS_WORK_MS"] = "0",
            ["BULBS_BATCH"] = 100.ToString(CultureInfo.InvariantCulture),
            ["BULBS_STATE_CACHE"] = "none",
            ["FORCE12_POD"] = warmStart ? "warm-pod" : "cold-pod",
        };
        if (warmStart)
        {
            settings["FORCE12_WARM"] = "1";
            settings["FORCE12_CONTROL_DIR"] = _control;
        }

        return settings;
    }
}
