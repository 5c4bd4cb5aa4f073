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
    public IReadOnlyList<string> Keys => KinesisSourceKeys.All;

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new KinesisLagCollectorOptions { StreamName = "" };
        var stream = settings.Text(KinesisSourceKeys.Stream);
        var table = settings.Text(KinesisSourceKeys.LeaseTable, required: true);
        var kinesisEndpoint = Url(settings, KinesisSourceKeys.KinesisEndpoint);
        var dynamoEndpoint = Url(settings, KinesisSourceKeys.DynamoDbEndpoint);
        var position = settings.Text(KinesisSourceKeys.InitialPosition, fallback: "trimHorizon") switch
        {
            "trimHorizon" or "TRIM_HORIZON" => KclCheckpointKind.TrimHorizon,
            "latest" or "LATEST" => KclCheckpointKind.Latest,
            var other => Invalid(settings, KinesisSourceKeys.InitialPosition, $"'{other}' is not trimHorizon or latest"),
        };
        var collector = defaults with
        {
            StreamName = stream ?? "",
            InitialPosition = position ?? KclCheckpointKind.TrimHorizon,
            MaxReadsPerShardPerPoll = settings.WholeNumber(KinesisSourceKeys.MaxReadsPerShardPerPoll, defaults.MaxReadsPerShardPerPoll),
            RecordsPerRead = settings.WholeNumber(KinesisSourceKeys.RecordsPerRead, defaults.RecordsPerRead),
            MaxConcurrentShards = settings.WholeNumber(KinesisSourceKeys.MaxConcurrentShards, defaults.MaxConcurrentShards),
            StallAfter = settings.Duration(KinesisSourceKeys.StallAfter, defaults.StallAfter, positive: true),
        };

        // Validated once, here, under the keys as written.
        var problems = KinesisLagCollectorOptionsValidator.Validate(collector);
        foreach (var problem in problems)
        {
            settings.Fail(problem);
        }

        if (problems.Count > 0 || stream is null || table is null || position is null
            || (settings.Has(KinesisSourceKeys.KinesisEndpoint) && kinesisEndpoint is null)
            || (settings.Has(KinesisSourceKeys.DynamoDbEndpoint) && dynamoEndpoint is null))
        {
            return null;
        }

        return new KinesisSource(new KinesisSourceOptions
        {
            StreamName = stream,
            LeaseTable = table,
            Region = settings.Text(KinesisSourceKeys.Region),
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
