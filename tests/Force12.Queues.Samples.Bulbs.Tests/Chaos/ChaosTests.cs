using Force12.Queues.Chaos;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kafka;
using Xunit.Abstractions;

namespace Force12.Queues.Samples.Bulbs.Tests.Chaos;

/// <summary>
/// The product's promise on the real stack (embedded Kafka, dockerd, RabbitMQ): the agent (<c>force12 run</c>, a real
/// process) scales the bulbs processor pods (Docker containers: state cache + processor) on the Kafka lag and the
/// downstream bulb-state pods on the RabbitMQ queue depth, while 100,000 uniquely numbered events arrive in a
/// day-shaped pattern, a chaos driver SIGKILLs a random pod's container every few seconds, and the agent itself is
/// SIGKILLed and restarted once. Every Kafka broker goes down for 30 s under load (a quarter of the events sent): the
/// agent must hold the processors' pods, reach its fallback and recover by itself. The two pipelines share a pool of 9
/// pod slots (the processors may use 8, bulb-state 4): the processors (priority 1) must get every pod they need,
/// bulb-state (priority 2) yields and gets what is left.
/// Every acknowledged event must be in the processors' audit, and every state change RabbitMQ accepted must be in the
/// bulb-state audit. The 1,000,000-event version is the benchmark command
/// <c>Force12.Queues.Benchmarks chaos --events 1000000</c> (same <see cref="ChaosRun"/>).
/// </summary>
[Collection(KafkaGroup.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ChaosTests(KafkaFixture kafka, ITestOutputHelper output)
{
    [Fact]
    public async Task Pipeline_PodsKilledBrokersDownAndAgentRestartedWhileScalingOnASharedPool_LosesNoEventAndNoStateChange()
    {
        using var log = new TestOutputWriter(output);
        // About 4 minutes here; the budget is generous for slower or busier machines.
        var options = new ChaosOptions { Budget = TimeSpan.FromMinutes(15), PodSlots = 9, OutageLength = TimeSpan.FromSeconds(30) };

        var result = await new ChaosRun(options, kafka.Cluster, log).RunAsync(CancellationToken.None);

        var summary = result.Summary();
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(result.Failure is null, summary);
        Assert.Equal(options.Events, result.Processed.Expected);
        Assert.True(result.Processed.Lost == 0, $"{result.Processed.Lost} events lost, for example {string.Join(", ", result.Processed.LostSample)}\n{summary}");
        Assert.True(result.Processed.Unexpected == 0, summary);
        Assert.True(result.Downstream.Expected > options.Events / 4, $"only {result.Downstream.Expected} distinct state changes were published\n{summary}");
        Assert.True(result.Downstream.Lost == 0, $"{result.Downstream.Lost} published state changes never reached bulb-state, for example {string.Join(", ", result.Downstream.LostSample)}\n{summary}");
        Assert.True(result.Downstream.Unexpected == 0, $"bulb-state audited changes the tap never saw\n{summary}");
        Assert.True(result.Kills >= 5, $"only {result.Kills} containers were killed\n{summary}");
        Assert.Equal(1, result.AgentRestarts);
        Assert.True(result.Adoption.Adopted >= 1, $"the new agent adopted none of the {result.Adoption.Before} running pods\n{summary}");
        Assert.True(result.RequiredPods.Max() >= 3, $"the agent never asked for more than {result.RequiredPods.Max()} processor pods\n{summary}");
        Assert.True(ChaosResult.ScaledDownAfterPeak(result.RequiredPods), $"the agent never scaled the processors down after their peak\n{summary}");
        Assert.True(result.StateRequiredPods.Max() >= 2, $"the agent never scaled bulb-state on the queue depth (at most {result.StateRequiredPods.Max()} pods)\n{summary}");
        Assert.True(result.StatePods.Max() >= 2, $"bulb-state never ran on more than {result.StatePods.Max()} pods\n{summary}");
        var sharing = PriorityShareCheck.Problems(result.Shares, options.EffectivePodSlots, options.MaxPods, options.MaxStatePods);
        var outage = OutageCheck.Problems(result.Outage);
        Assert.True(outage.Count == 0, $"the broker outage was not ridden out:\n{string.Join("\n", outage)}\n{summary}");
        Assert.True(sharing.Count == 0, $"the pool was not shared by priority:\n{string.Join("\n", sharing.Take(10))}\n{summary}");
    }
}
