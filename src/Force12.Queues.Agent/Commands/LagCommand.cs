using System.CommandLine;
using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Kafka.Lag;
using Force12.Queues.Kinesis.Configuration;

namespace Force12.Queues.Agent.Commands;

/// <summary><c>force12 lag</c>: per-partition lag of a Kafka consumer group (or per-shard lag of a KCL application), once or every interval.</summary>
internal static class LagCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "kafka, or kinesis (a KCL application's lag behind its lease-table checkpoints).", DefaultValueFactory = _ => "kafka" };
        source.AcceptOnlyFromAmong("kafka", "kinesis");
        var bootstrap = new Option<string>("--bootstrap-servers") { Description = "Kafka: bootstrap servers (host:port[,host:port...]). Required for kafka." };
        var group = new Option<string>("--group") { Description = "Kafka: consumer group id. Required for kafka." };
        var stream = new Option<string>("--stream") { Description = "Kinesis: stream name. Required for kinesis." };
        var leaseTable = new Option<string>("--lease-table") { Description = "Kinesis: the KCL application's DynamoDB lease table. Required for kinesis." };
        var region = new Option<string?>("--region") { Description = "Kinesis: AWS region (default: the SDK's region chain)." };
        var kinesisEndpoint = new Option<string?>("--kinesis-endpoint") { Description = "Kinesis: endpoint URL (default: the region's)." };
        var dynamoEndpoint = new Option<string?>("--dynamodb-endpoint") { Description = "Kinesis: DynamoDB endpoint URL (default: the region's)." };
        var topics = new Option<string[]>("--topic") { Description = "Topic to watch (repeatable). Default: every topic the group committed on." };
        var pattern = new Option<string?>("--topic-pattern") { Description = "Regular expression (full match) selecting topics to watch." };
        var watch = new Option<bool>("--watch") { Description = "Collect every --interval until Ctrl-C (rates, estimates and stall detection need repeated polls)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls with --watch.", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--output") { Description = "table or json (one object per poll).", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var reset = new Option<string>("--reset-policy") { Description = "The group's auto.offset.reset: what partitions without a commit count.", DefaultValueFactory = _ => "earliest" };
        reset.AcceptOnlyFromAmong("earliest", "latest");
        var timeLag = new Option<string>("--time-lag") { Description = "estimated (interpolated, cheap; exact reads only where needed) or exact (one read per lagging partition).", DefaultValueFactory = _ => "estimated" };
        timeLag.AcceptOnlyFromAmong("estimated", "exact");
        var unknownGroup = new Option<string>("--unknown-group")
        {
            Description = "What a group with no commits that the cluster does not know shows: error (exit 1) or backlog (every message of --topic/--topic-pattern counts as lag under --reset-policy).",
            DefaultValueFactory = _ => "error",
        };
        unknownGroup.AcceptOnlyFromAmong("error", "backlog");
        var timeout = new Option<double>("--timeout") { Description = "Seconds each Kafka request may take.", DefaultValueFactory = _ => 10 };
        var sla = new Option<double?>("--sla") { Description = "SLA in seconds: partitions one consumer cannot keep within it (backlog / SLA + arrivals > --consumer-rate, the policy's rule) show as 'hot'." };
        var consumerRate = new Option<double?>("--consumer-rate") { Description = "One consumer's messages per second for 'hot' (with --sla).", DefaultValueFactory = _ => SlaPolicyDefaults.PerPodThroughputPrior };
        var config = new Option<string[]>("--config", "-X") { Description = "librdkafka property KEY=VALUE passed to the client (repeatable), e.g. -X security.protocol=SASL_SSL." };

        var command = new Command("lag", "Show a Kafka consumer group's lag per partition (or, with --source kinesis, a KCL application's lag per shard): offsets or checkpoints, lag in messages and seconds, rates and status.")
        {
            source, bootstrap, group, stream, leaseTable, region, kinesisEndpoint, dynamoEndpoint, topics, pattern, watch, interval, output, reset, timeLag, unknownGroup, timeout, sla, consumerRate, config,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            var errors = new List<string>();
            if (parseResult.GetValue(source) == "kinesis")
            {
                return await RunKinesisAsync(parseResult, cancellationToken).ConfigureAwait(false);
            }

            var required = Require(parseResult, bootstrap, "kafka", errors) & Require(parseResult, group, "kafka", errors);
            var clientConfig = ParseConfig(parseResult.GetValue(config) ?? [], errors);
            var options = new KafkaLagCollectorOptions
            {
                BootstrapServers = parseResult.GetValue(bootstrap) ?? string.Empty,
                GroupId = parseResult.GetValue(group) ?? string.Empty,
                Topics = parseResult.GetValue(topics) ?? [],
                TopicPattern = parseResult.GetValue(pattern),
                ClientConfig = clientConfig,
                ResetPolicy = parseResult.GetValue(reset) == "latest" ? OffsetResetPolicy.Latest : OffsetResetPolicy.Earliest,
                TimeLag = parseResult.GetValue(timeLag) == "exact" ? KafkaTimeLagMode.Exact : KafkaTimeLagMode.Estimated,
                UnknownGroup = parseResult.GetValue(unknownGroup) == "backlog" ? KafkaUnknownGroupMode.Backlog : KafkaUnknownGroupMode.Error,
                RequestTimeout = Seconds(parseResult.GetValue(timeout), "--timeout", errors),
            };
            var every = Seconds(parseResult.GetValue(interval), "--interval", errors);
            var hot = HotRule(parseResult, sla, consumerRate, errors);
            if (required)
            {
                // A missing flag is reported above by its name; the options' own rules name their settings by key.
                errors.AddRange(options.Validate());
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await io.Error.WriteLineAsync(error).ConfigureAwait(false);
                }

                return ExitCodes.BadArguments;
            }

            var run = new LagRun(options, hot, parseResult.GetValue(output) == "json", io.Output, io.Error);
            return parseResult.GetValue(watch)
                ? await run.WatchAsync(every, cancellationToken).ConfigureAwait(false)
                : await run.OnceAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;

        async Task<int> RunKinesisAsync(ParseResult parseResult, CancellationToken cancellationToken)
        {
            var io = parseResult.InvocationConfiguration;
            var errors = new List<string>();
            Require(parseResult, stream, "kinesis", errors);
            Require(parseResult, leaseTable, "kinesis", errors);
            var every = Seconds(parseResult.GetValue(interval), "--interval", errors);
            var hot = HotRule(parseResult, sla, consumerRate, errors);
            var kinesisUrl = Url(parseResult, kinesisEndpoint, errors);
            var dynamoUrl = Url(parseResult, dynamoEndpoint, errors);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await io.Error.WriteLineAsync(error).ConfigureAwait(false);
                }

                return ExitCodes.BadArguments;
            }

            var options = new KinesisSourceOptions
            {
                StreamName = parseResult.GetValue(stream)!,
                LeaseTable = parseResult.GetValue(leaseTable)!,
                Region = parseResult.GetValue(region),
                KinesisEndpoint = kinesisUrl,
                DynamoDbEndpoint = dynamoUrl,
                Collector = new() { StreamName = parseResult.GetValue(stream)! },
            };
            var run = new KinesisLagRun(options, hot, parseResult.GetValue(output) == "json", io.Output, io.Error);
            return parseResult.GetValue(watch)
                ? await run.WatchAsync(every, cancellationToken).ConfigureAwait(false)
                : await run.OnceAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The policy's hot-partition rule for labelling units, or null without --sla.</summary>
    private static HotUnitRule? HotRule(ParseResult parseResult, Option<double?> sla, Option<double?> consumerRate, List<string> errors)
    {
        var rate = parseResult.GetValue(consumerRate) ?? SlaPolicyDefaults.PerPodThroughputPrior;
        if (!(rate > 0 && double.IsFinite(rate)))
        {
            errors.Add($"--consumer-rate must be a positive number of messages per second, was {rate}.");
        }

        if (parseResult.GetValue(sla) is not { } slaSeconds)
        {
            return null;
        }

        return new HotUnitRule(Seconds(slaSeconds, "--sla", errors), rate);
    }

    private static Uri? Url(ParseResult parseResult, Option<string?> option, List<string> errors)
    {
        var text = parseResult.GetValue(option);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        errors.Add($"{option.Name} must be an http or https URL, was '{text}'.");
        return null;
    }

    private static bool Require(ParseResult parseResult, Option<string> option, string sourceKind, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(parseResult.GetValue(option)))
        {
            errors.Add($"{option.Name} is required with --source {sourceKind}.");
            return false;
        }

        return true;
    }

    private static Dictionary<string, string> ParseConfig(string[] pairs, List<string> errors)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                errors.Add($"--config '{pair}' must be KEY=VALUE.");
                continue;
            }

            config[pair[..split].Trim()] = pair[(split + 1)..];
        }

        return config;
    }

    private static TimeSpan Seconds(double value, string option, List<string> errors)
    {
        if (!double.IsFinite(value) || value <= 0 || value > 86_400)
        {
            errors.Add($"{option} must be a number of seconds above 0 (at most 86400), was {value}.");
            return TimeSpan.FromSeconds(1);
        }

        return TimeSpan.FromSeconds(value);
    }
}
