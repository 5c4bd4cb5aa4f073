using System.CommandLine;
using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Tools.Commands;

/// <summary>Checks the sink flags of <c>force12 loadgen</c> and builds the sink they name (kafka or kinesis).</summary>
internal static class LoadSinkFactory
{
    /// <summary>Adds an error naming the flag for every missing, malformed or misplaced sink flag.</summary>
    public static void Check(ParseResult parseResult, LoadgenOptions o, List<string> errors)
    {
        var kinesis = parseResult.GetValue(o.Sink) == "kinesis";
        Option<string?>[] kafkaOnly = [o.BootstrapServers, o.Topic];
        Option<string?>[] kinesisOnly = [o.Stream, o.Region, o.KinesisEndpoint];
        foreach (var option in kinesis ? kafkaOnly : kinesisOnly)
        {
            if (parseResult.GetValue(option) is not null)
            {
                errors.Add($"{option.Name} applies only to --sink {(kinesis ? "kafka" : "kinesis")}");
            }
        }

        foreach (var option in kinesis ? [o.Stream] : kafkaOnly)
        {
            if (string.IsNullOrWhiteSpace(parseResult.GetValue(option)))
            {
                errors.Add($"{option.Name} is required with --sink {(kinesis ? "kinesis" : "kafka")}");
            }
        }

        if (parseResult.GetValue(o.KinesisEndpoint) is { } url && !IsHttpUrl(url))
        {
            errors.Add($"--kinesis-endpoint must be an http or https URL (was '{url}')");
        }
    }

    /// <summary>The sink the (checked) flags name.</summary>
    public static ILoadSink Create(ParseResult parseResult, LoadgenOptions o, TimeProvider time, Action<long>? onAcknowledged)
    {
        if (parseResult.GetValue(o.Sink) == "kinesis")
        {
            var options = new KinesisLoadSinkOptions
            {
                StreamName = parseResult.GetValue(o.Stream)!,
                Region = parseResult.GetValue(o.Region),
                Endpoint = parseResult.GetValue(o.KinesisEndpoint) is { } url ? new Uri(url) : null,
            };
            return new KinesisLoadSink(options, time, onAcknowledged);
        }

        return new KafkaLoadSink(new KafkaLoadSinkOptions
        {
            BootstrapServers = parseResult.GetValue(o.BootstrapServers)!,
            Topic = parseResult.GetValue(o.Topic)!,
        }, time, onAcknowledged);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
}
