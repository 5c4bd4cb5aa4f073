using System.Globalization;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Samples.Bulbs.Tests.Kinesis;

/// <summary>kinesalite/dynalite settings for force12-bulbs processes and a producer of numbered events.</summary>
internal static class KinesisTestStack
{
    /// <summary>kinesalite and dynalite accept any keys; the SDK's default chain finds these in the environment.</summary>
    public static Dictionary<string, string> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "force12-test",
        ["AWS_SECRET_ACCESS_KEY"] = "force12-test-secret",
    };

    public static Dictionary<string, string> Processor(string stream, string table, string cache, string auditDir, double workMs, int batch)
    {
        var environment = Credentials();
        environment["BULBS_SOURCE"] = "kinesis";
        environment["BULBS_STREAM"] = stream;
        environment["BULBS_LEASE_TABLE"] = table;
        environment["BULBS_KINESIS_ENDPOINT"] = AwsTestServices.KinesisUrl.ToString();
        environment["BULBS_DYNAMODB_ENDPOINT"] = AwsTestServices.DynamoDbUrl.ToString();
        environment["BULBS_WORK_MS"] = workMs.ToString(CultureInfo.InvariantCulture);
        environment["BULBS_BATCH"] = batch.ToString(CultureInfo.InvariantCulture);
        environment["BULBS_FAILOVER_MS"] = "3000";
        environment["BULBS_STATE_CACHE"] = cache;
        environment["BULBS_AUDIT_DIR"] = auditDir;
        return environment;
    }

    /// <summary>A Kinesis load sink on kinesalite with the test credentials.</summary>
    public static KinesisLoadSink Sink(string stream, Action<long>? onAcknowledged = null) => new(new KinesisLoadSinkOptions
    {
        StreamName = stream,
        Endpoint = AwsTestServices.KinesisUrl,
        Region = "us-east-1",
        Credentials = AwsTestServices.Credentials,
    }, TimeProvider.System, onAcknowledged);

    /// <summary>Writes events numbered [0, count) as fast as kinesalite takes them; fails unless every one was acknowledged.</summary>
    public static async Task ProduceAsync(string stream, int count)
    {
        await using var sink = Sink(stream);
        var generator = new LoadGenerator(
            new LoadGeneratorOptions { Rate = new ConstantRate(50_000, null), MaxEvents = count },
            new LightbulbEventFactory(200, 4, 0, new SplitMixRandomSource(7), TimeProvider.System),
            sink,
            TimeProvider.System);
        var report = await generator.RunAsync(null, CancellationToken.None);
        Assert.True(report.Acknowledged == count, $"{report.Acknowledged} of {count} written; first error: {report.FirstError}");
    }
}
