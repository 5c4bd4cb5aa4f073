using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Kinesis.Configuration;

/// <summary>
/// Reads <c>source: {kind: kinesis, stream: S, leaseTable: T, region, kinesisEndpoint, dynamoDbEndpoint,
/// initialPosition: trimHorizon|latest, maxReadsPerShardPerPoll: 1..5, recordsPerRead: 1..10000, maxConcurrentShards, stallAfter}</c>.
/// </summary>
public sealed class KinesisSourceProvider : ILagSourceProvider
{
    /// <summary>The kind name configuration uses.</summary>
    public const string SourceKind = "kinesis";

    /// <inheritdoc />
    public string Kind => SourceKind;

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("kind", "stream", "leaseTable", "region", "kinesisEndpoint", "dynamoDbEndpoint",
            "initialPosition", "maxReadsPerShardPerPoll", "recordsPerRead", "maxConcurrentShards", "stallAfter");
        var defaults = new KinesisLagCollectorOptions { StreamName = "" };
        var stream = settings.Text("stream", required: true);
        var table = settings.Text("leaseTable", required: true);
        var kinesisEndpoint = Url(settings, "kinesisEndpoint");
        var dynamoEndpoint = Url(settings, "dynamoDbEndpoint");
        var position = settings.Text("initialPosition", fallback: "trimHorizon") switch
        {
            "trimHorizon" or "TRIM_HORIZON" => KclCheckpointKind.TrimHorizon,
            "latest" or "LATEST" => KclCheckpointKind.Latest,
            var other => Invalid(settings, "initialPosition", $"'{other}' is not trimHorizon or latest"),
        };
        var collector = defaults with
        {
            InitialPosition = position ?? KclCheckpointKind.TrimHorizon,
            MaxReadsPerShardPerPoll = settings.WholeNumber("maxReadsPerShardPerPoll", defaults.MaxReadsPerShardPerPoll, 1, KinesisLagCollectorOptions.ShardReadsPerSecondLimit),
            RecordsPerRead = settings.WholeNumber("recordsPerRead", defaults.RecordsPerRead, 1, 10_000),
            MaxConcurrentShards = settings.WholeNumber("maxConcurrentShards", defaults.MaxConcurrentShards, 1, 256),
            StallAfter = settings.Duration("stallAfter", defaults.StallAfter, positive: true),
        };
        if (stream is null || table is null || position is null || (settings.Has("kinesisEndpoint") && kinesisEndpoint is null)
            || (settings.Has("dynamoDbEndpoint") && dynamoEndpoint is null))
        {
            return null;
        }

        return new KinesisSource(new KinesisSourceOptions
        {
            StreamName = stream,
            LeaseTable = table,
            Region = settings.Text("region"),
            KinesisEndpoint = kinesisEndpoint,
            DynamoDbEndpoint = dynamoEndpoint,
            Collector = collector,
        });
    }

    private static Uri? Url(SectionReader settings, string key)
    {
        var text = settings.Text(key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        settings.Fail(key, $"'{text}' is not an http(s) URL, for example http://127.0.0.1:4567");
        return null;
    }

    private static KclCheckpointKind? Invalid(SectionReader settings, string key, string problem)
    {
        settings.Fail(key, problem);
        return null;
    }
}
