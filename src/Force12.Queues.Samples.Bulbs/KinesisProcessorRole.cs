using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Consumer;
using Force12.Queues.Kinesis.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// Role <c>processor</c> with <c>BULBS_SOURCE=kinesis</c>: a KCL-compatible worker (<see cref="KinesisConsumer"/>) on a
/// Kinesis stream that works each batch, updates the state cache, sends state changes downstream, audits and only then
/// checkpoints; on SIGTERM it finishes the batch in hand and gives up its leases. Settings: <c>BULBS_STREAM</c>
/// (required), <c>BULBS_LEASE_TABLE</c> (bulbs; created when missing, as KCL does), <c>BULBS_REGION</c> (SDK chain;
/// us-east-1 with an endpoint), <c>BULBS_KINESIS_ENDPOINT</c> and <c>BULBS_DYNAMODB_ENDPOINT</c> (the region's),
/// <c>BULBS_WORK_MS</c> (1), <c>BULBS_BATCH</c> (records per GetRecords, 1000), <c>BULBS_FAILOVER_MS</c> (lease
/// failover time, 10000; renewals every third of it), <c>BULBS_STATE_CACHE</c>, <c>BULBS_RABBITMQ</c>,
/// <c>BULBS_STATE_QUEUE</c> and <c>BULBS_AUDIT_DIR</c> as for Kafka. Credentials: the SDK's default chain.
/// </summary>
internal static class KinesisProcessorRole
{
    public static bool Configure(HostApplicationBuilder builder, SampleSettings settings)
    {
        var stream = settings.Text("BULBS_STREAM", required: true) ?? "";
        var region = settings.Text("BULBS_REGION");
        var kinesisEndpoint = Url(settings, "BULBS_KINESIS_ENDPOINT");
        var dynamoEndpoint = Url(settings, "BULBS_DYNAMODB_ENDPOINT");
        var failover = TimeSpan.FromMilliseconds(settings.Whole("BULBS_FAILOVER_MS", 10_000, min: 1000));
        var consumer = new KinesisConsumerOptions
        {
            StreamName = stream,
            WorkerId = SampleSettings.InstanceName("processor"),
            FailoverTime = failover,
            LeaseRefreshInterval = failover / 3,
            MaxRecordsPerRead = settings.Whole("BULBS_BATCH", 1000, min: 1),
        };
        var table = new KclLeaseTableOptions { TableName = settings.Text("BULBS_LEASE_TABLE", "bulbs")!, Region = region, ServiceUrl = dynamoEndpoint };
        var client = new KinesisClientOptions { Region = region, ServiceUrl = kinesisEndpoint };
        var work = settings.Milliseconds("BULBS_WORK_MS", 1);
        var downstream = DownstreamSettings.Read(settings);
        settings.Errors.AddRange(consumer.Validate().Where(_ => stream.Length > 0).Select(e => $"BULBS_* Kinesis consumer: {e}"));
        if (settings.Errors.Count > 0)
        {
            return false;
        }

        downstream.AddTo(builder.Services);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => new KinesisProcessorService(
            new KinesisProcessorSetup(client, table, consumer, work, downstream.StateCache, downstream.AuditDir),
            downstream.Publisher(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return true;
    }

    private static Uri? Url(SampleSettings settings, string name)
    {
        var text = settings.Text(name);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        settings.Errors.Add($"{name} must be an http or https URL (was '{text}')");
        return null;
    }
}
