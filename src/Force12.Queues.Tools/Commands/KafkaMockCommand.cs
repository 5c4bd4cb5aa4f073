using System.Runtime.InteropServices;
using System.CommandLine;
using Force12.Queues.Agent;
using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Tools.Commands;

/// <summary><c>force12 kafka-mock</c>: runs the embedded Kafka (librdkafka's mock cluster) until Ctrl-C / SIGTERM.</summary>
internal static class KafkaMockCommand
{
    /// <summary>The line prefix other processes read the bootstrap address from.</summary>
    public const string BootstrapPrefix = "bootstrap: ";

    public static Command Create()
    {
        var brokers = new Option<int>("--brokers") { Description = "Number of brokers (1-32).", DefaultValueFactory = _ => 1 };
        var topics = new Option<string[]>("--topic")
        {
            Description = "Topic to create as NAME[:PARTITIONS[:REPLICATION]] (repeatable), e.g. bulbs:12.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("kafka-mock", "Run an in-memory Kafka cluster (librdkafka's mock brokers on 127.0.0.1) for demos and tests; prints the bootstrap address; Ctrl-C stops it.")
        {
            brokers,
            topics,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(brokers), parseResult.GetValue(topics) ?? [], parseResult.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int brokers, string[] topicSpecs, InvocationConfiguration io, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (brokers is < 1 or > 32)
        {
            errors.Add($"--brokers must be between 1 and 32, was {brokers}.");
        }

        var topics = new List<KafkaTopicSpec>();
        foreach (var spec in topicSpecs)
        {
            if (KafkaTopicSpec.TryParse(spec, out var topic, out var error))
            {
                topics.Add(topic);
            }
            else
            {
                errors.Add(error);
            }
        }

        errors.AddRange(topics.Where(t => t.ReplicationFactor > brokers)
            .Select(t => $"--topic {t.Name}: replication factor {t.ReplicationFactor} exceeds --brokers {brokers}."));
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await io.Error.WriteLineAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.BadArguments;
        }

        using var cluster = EmbeddedKafkaCluster.Start(brokers);
        foreach (var topic in topics)
        {
            cluster.CreateTopic(topic.Name, topic.Partitions, topic.ReplicationFactor);
        }

        await io.Output.WriteLineAsync($"Embedded Kafka (librdkafka mock cluster), {brokers} broker(s), in memory.").ConfigureAwait(false);
        await io.Output.WriteLineAsync(BootstrapPrefix + cluster.BootstrapServers).ConfigureAwait(false);
        foreach (var topic in topics)
        {
            await io.Output.WriteLineAsync($"topic {topic.Name}: {topic.Partitions} partition(s), replication {topic.ReplicationFactor}").ConfigureAwait(false);
        }

        await io.Output.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
        await io.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);

        // SIGTERM (docker stop, kill, CI teardown) must shut down as cleanly as Ctrl-C and exit 0.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stop));
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stop));
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: fall through to a clean shutdown.
        }

        await io.Output.WriteLineAsync("Stopped.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        signal.Cancel = true; // keep the process alive until the cluster is disposed
        stop.Cancel();
    }
}
