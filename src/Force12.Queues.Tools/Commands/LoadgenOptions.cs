using System.CommandLine;
using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Tools.Commands;

/// <summary>The options of <c>force12 loadgen</c>.</summary>
internal sealed class LoadgenOptions
{
    public Option<string> Sink { get; } = CreateSink();

    public Option<string?> BootstrapServers { get; } = new("--bootstrap-servers", "-b") { Description = "Kafka: bootstrap servers (host:port[,host:port...]). Required with --sink kafka." };

    public Option<string?> Topic { get; } = new("--topic", "-t") { Description = "Kafka: topic to produce to (it must exist). Required with --sink kafka." };

    public Option<string?> Stream { get; } = new("--stream") { Description = "Kinesis: stream to write to (it must exist). Required with --sink kinesis." };

    public Option<string?> Region { get; } = new("--region") { Description = "Kinesis: AWS region (default: the SDK's region chain, us-east-1 with --kinesis-endpoint)." };

    public Option<string?> KinesisEndpoint { get; } = new("--kinesis-endpoint") { Description = "Kinesis: endpoint URL, e.g. http://127.0.0.1:4567 for kinesalite (default: the region's). Credentials come from the SDK's default chain." };

    public Option<string> Pattern { get; } = new("--pattern", "-p") { Description = $"Demand pattern: {string.Join(", ", RatePatternSpec.Patterns)} (the simulator traces: sim:dusk, sim:steps, sim:diurnal, sim:random).", DefaultValueFactory = _ => "constant" };

    public Option<double> Rate { get; } = new("--rate", "-r") { Description = "Events per second: the constant rate, the step's low rate, the dusk baseline, the random walk's start.", DefaultValueFactory = _ => 1000 };

    public Option<string?> Duration { get; } = new("--duration", "-d") { Description = "Length of the run, for example 60s or 5m." };

    public Option<long?> MaxEvents { get; } = new("--max-events", "-n") { Description = "Stop after this many events." };

    public Option<bool> Endless { get; } = new("--endless") { Description = "Run until Ctrl-C when the pattern has no end." };

    public Option<double?> StepTo { get; } = new("--step-to") { Description = "step: events per second after the step." };

    public Option<string?> StepAt { get; } = new("--step-at") { Description = "step: when the step happens (default 30s)." };

    public Option<string?> StepHold { get; } = new("--step-hold") { Description = "step: how long the high rate lasts before the cycle repeats (default: step once)." };

    public Option<int> Bulbs { get; } = new("--bulbs") { Description = "Number of bulbs (dusk: bulbs that switch on in the spike).", DefaultValueFactory = _ => 10_000 };

    public Option<int> BulbsPerHome { get; } = new("--bulbs-per-home") { Description = "Bulbs per home.", DefaultValueFactory = _ => 4 };

    public Option<string?> SpikeAt { get; } = new("--spike-at") { Description = "dusk: when the spike starts (default 10s)." };

    public Option<string?> SpikeLength { get; } = new("--spike-length") { Description = "dusk: how long the spike lasts (default 10s); switch-ons are normally distributed around its middle, as in the simulator's dusk trace (standard deviation an eighth of it)." };

    public Option<double?> MinRate { get; } = new("--min-rate") { Description = "diurnal, random-walk: lowest events per second." };

    public Option<double?> MaxRate { get; } = new("--max-rate") { Description = "diurnal, random-walk: highest events per second." };

    public Option<string?> Period { get; } = new("--period") { Description = "diurnal: length of one day (default 60s)." };

    public Option<FileInfo?> Trace { get; } = new("--trace") { Description = "trace: CSV file of seconds,rate rows." };

    public Option<double> PodThroughput { get; } = new("--pod-throughput") { Description = "sim:NAME patterns: one pod's events per second (the simulator's random trace is in pods).", DefaultValueFactory = _ => 1000 };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the bulbs chosen and the random walk.", DefaultValueFactory = _ => 1UL };

    public Option<string> Encoding { get; } = new("--encoding") { Description = "Message encoding: json or binary.", DefaultValueFactory = _ => "json" };

    public Option<long> FirstSequence { get; } = new("--first-sequence") { Description = "Sequence number of the first event.", DefaultValueFactory = _ => 0L };

    public Option<FileInfo?> AckLog { get; } = new("--ack-log") { Description = "Append every acknowledged sequence number to this audit file (for force12-bulbs audits)." };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Report format: text or json.", DefaultValueFactory = _ => "text" };

    private static Option<string> CreateSink()
    {
        var sink = new Option<string>("--sink") { Description = "Where events go: kafka (a topic) or kinesis (a stream, PutRecords in batches of up to 500 records / 5 MiB; partition key = bulb id).", DefaultValueFactory = _ => "kafka" };
        sink.CompletionSources.Add("kafka", "kinesis");
        sink.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is not ("kafka" or "kinesis") and var value)
            {
                result.AddError($"--sink must be kafka or kinesis (was '{value}')");
            }
        });
        return sink;
    }

    public IEnumerable<Option> All =>
    [
        Sink, BootstrapServers, Topic, Stream, Region, KinesisEndpoint, Pattern, Rate, Duration, MaxEvents, Endless, StepTo, StepAt, StepHold, Bulbs, BulbsPerHome,
        SpikeAt, SpikeLength, MinRate, MaxRate, Period, Trace, PodThroughput, Seed, Encoding, FirstSequence, AckLog, Output,
    ];
}
