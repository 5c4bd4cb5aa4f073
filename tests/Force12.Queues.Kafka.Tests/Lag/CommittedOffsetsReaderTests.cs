using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kafka.Tests.Embedded;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>The committed-offsets reader's handle is never destroyed under a call still running on it.</summary>
public sealed class CommittedOffsetsReaderTests
{
    [Fact]
    public async Task Dispose_WhileACancelledReadStillWaitsOnADownBroker_ClosesTheHandleOnlyAfterThatRead()
    {
        // A librdkafka handle must not be destroyed while a call runs on it (the agent once exited with 134, an assertion
        // in librdkafka's rwlock, on SIGTERM while a source was unreachable; not reproduced since). The reader defers it.
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 1);
        cluster.CreateTopic("committed", 1);
        await KafkaTestClient.ProduceAsync(cluster.BootstrapServers, "committed", 0, 3);
        KafkaTestClient.Commit(cluster.BootstrapServers, "committed-group", new TopicPartitionOffset("committed", 0, 2));
        var options = new KafkaLagCollectorOptions
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = "committed-group", Topics = ["committed"], RequestTimeout = TimeSpan.FromSeconds(3),
        };
        var reader = new CommittedOffsetsReader(options, "committed-group");
        TopicPartition[] partitions = [new("committed", 0)];
        Assert.Equal(2, (await reader.ReadAsync(partitions, CancellationToken.None))[partitions[0]]);

        cluster.SetBrokerDown(1);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAsync(partitions, soon.Token));
        Assert.True(reader.HasCallsRunning, "the cancelled read should still be waiting on the broker");
        reader.Dispose();
        Assert.True(reader.HasOpenHandle, "the handle was closed under the read still running on it");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (reader.HasCallsRunning)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30),
                "the cancelled read did not return within 30 s (it has a 3 s request timeout), so its handle was never closed");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.False(reader.HasOpenHandle, "the handle was not closed after its last read returned");
        cluster.SetBrokerUp(1);
    }
}
