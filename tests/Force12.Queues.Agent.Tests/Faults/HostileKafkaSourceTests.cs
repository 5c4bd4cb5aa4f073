using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Agent.Tests.Faults;

/// <summary>
/// Issue 17's broker faults for the Kafka source, against the real agent (<c>force12-agent run</c>, a child process)
/// with real pods (local processes): the faulty pipeline reads a three-broker embedded cluster (librdkafka's mock, real
/// Kafka protocol on TCP) through which go refused requests, leaderless partitions, every broker down and the topic
/// deleted; a steady pipeline reads a RabbitMQ answer that never changes. For every fault the faulty pipeline keeps its
/// pods and reports an error or the true backlog, the steady one keeps deciding, and once the fault is undone the
/// faulty pipeline recovers by itself to the true backlog.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)] // starts a real agent process and real pods
public sealed class HostileKafkaSourceTests : IAsyncLifetime
{
    private const int Partitions = 6, Produced = 500, Committed = 100;
    private const long TrueBacklog = Partitions * (Produced - Committed);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("force12-kafka-faults-").FullName;
    private readonly string _topic = "faults-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _group = "faults-group";
    private EmbeddedKafkaCluster _kafka = null!;
    private HostileHttpServer _steady = null!;
    private AgentUnderTest _agent = null!;

    public async Task InitializeAsync()
    {
        _kafka = EmbeddedKafkaCluster.Start(brokers: 3);
        MakeTopicWithBacklog(_kafka);
        _steady = HostileHttpServer.Start(RabbitMqHostileAnswers.Valid(1_000));
        _agent = await AgentUnderTest.StartAsync(_folder, FaultAgentConfig.Yaml(_folder, AgentUnderTest.FreePort(),
            ("faulty", $"""
                kind: kafka
                bootstrapServers: {_kafka.BootstrapServers}
                group: {_group}
                topics: [{_topic}]
                requestTimeout: 1s
                """),
            ("steady", FaultAgentConfig.RabbitMqSource(_steady.Address, TimeSpan.FromSeconds(2)))));
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _steady.DisposeAsync();
        _kafka.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EveryBrokerFault_HoldsThePodsKeepsTheOtherPipelineAndRecoversByItself()
    {
        var before = await _agent.AwaitAsync(s => IsHealthy(s) && s.Pipeline("faulty").RunningPods >= 2,
            Deadline, $"the faulty pipeline running its pods on the true backlog of {TrueBacklog}");
        var checks = new FaultChecks("faulty", "steady", before.Pipeline("faulty").RunningPods);
        var faults = KafkaBrokerFault.All().Append(KafkaBrokerFault.TopicDeleted(_topic, MakeTopicWithBacklog)).ToArray();

        foreach (var fault in faults)
        {
            var since = (await _agent.StatusAsync()).Tick;
            fault.Apply(_kafka);
            var seen = await _agent.AwaitAsync(s => s.Tick >= since + 5, Deadline, $"five ticks into the fault '{fault}'");
            checks.After(fault.Name, seen, since, fault.MustFail, TrueBacklog);
            fault.Clear(_kafka);
            await _agent.AwaitAsync(IsHealthy, Deadline, $"recovery to the true backlog of {TrueBacklog} after the fault '{fault}'");
        }

        Assert.True(checks.Problems.Count == 0, $"{checks.Problems.Count} problems over {faults.Length} broker faults:\n{string.Join('\n', checks.Problems)}\n{_agent.Output}");
        Assert.False(_agent.HasExited, $"the agent exited\n{_agent.Output}");
    }

    private static bool IsHealthy(AgentSnapshot status)
    {
        var faulty = status.Pipeline("faulty");
        return faulty.CollectorError is null && faulty.BacklogMessages == TrueBacklog && faulty.LastSuccessfulCollectTick == status.Tick;
    }

    /// <summary>Creates the topic, produces <see cref="Produced"/> messages per partition and commits the first <see cref="Committed"/> of each for the group.</summary>
    private void MakeTopicWithBacklog(EmbeddedKafkaCluster kafka)
    {
        kafka.CreateTopic(_topic, Partitions, replicationFactor: 1);
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 5 }).Build())
        {
            for (var partition = 0; partition < Partitions; partition++)
            {
                for (var i = 0; i < Produced; i++)
                {
                    producer.Produce(new TopicPartition(_topic, partition), new Message<Null, string> { Value = $"bulb-{i}" });
                }
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = _group, EnableAutoCommit = false }).Build();
        consumer.Commit(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset(_topic, p, Committed)));
        consumer.Close();
    }
}
