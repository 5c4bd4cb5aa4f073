using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kinesis.Leases;

namespace Force12.Queues.Testing.Kinesis;

/// <summary>Endpoints of kinesalite and dynalite (FORCE12_KINESIS_URL, FORCE12_DYNAMODB_URL) and clients for them with dummy credentials.</summary>
public static class AwsTestServices
{
    /// <summary>kinesalite's endpoint (FORCE12_KINESIS_URL, default <c>http://127.0.0.1:4567</c>).</summary>
    public static Uri KinesisUrl { get; } = new(Environment.GetEnvironmentVariable("FORCE12_KINESIS_URL") is { Length: > 0 } k ? k : "http://127.0.0.1:4567");

    /// <summary>dynalite's endpoint (FORCE12_DYNAMODB_URL, default <c>http://127.0.0.1:4568</c>).</summary>
    public static Uri DynamoDbUrl { get; } = new(Environment.GetEnvironmentVariable("FORCE12_DYNAMODB_URL") is { Length: > 0 } d ? d : "http://127.0.0.1:4568");

    /// <summary>Dummy credentials both emulators accept.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("force12-test", "force12-test-secret");

    /// <summary>Options of a Kinesis client for kinesalite, with a short retry backoff.</summary>
    public static KinesisClientOptions ClientOptions => new()
    {
        ServiceUrl = KinesisUrl,
        Region = "us-east-1",
        Credentials = Credentials,
        BaseBackoff = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>A Kinesis client for kinesalite.</summary>
    public static KinesisClient CreateKinesis() => new(ClientOptions);

    /// <summary>A DynamoDB client for dynalite.</summary>
    public static AmazonDynamoDBClient CreateDynamo() => new(Credentials, new AmazonDynamoDBConfig
    {
        ServiceURL = DynamoDbUrl.ToString(),
        AuthenticationRegion = "us-east-1",
    });

    /// <summary>Source options reading <paramref name="stream"/> with leases in <paramref name="table"/>, on the emulators.</summary>
    public static KinesisSourceOptions SourceOptions(string stream, string table) => new()
    {
        StreamName = stream,
        LeaseTable = table,
        Region = "us-east-1",
        KinesisEndpoint = KinesisUrl,
        DynamoDbEndpoint = DynamoDbUrl,
        Credentials = Credentials,
    };

    /// <summary>The KCL lease table <paramref name="table"/> on dynalite.</summary>
    public static KclLeaseTable LeaseTable(string table) => new(new KclLeaseTableOptions
    {
        TableName = table,
        Region = "us-east-1",
        ServiceUrl = DynamoDbUrl,
        Credentials = Credentials,
    });

    /// <summary>A name no other test uses: <paramref name="prefix"/>, a dash and 12 hex digits (at most 60 characters).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    /// <summary>Fails (never skips) with a clear message when a service does not answer.</summary>
    public static async Task EnsureReachableAsync(Uri url, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Assert.Fail($"{name} does not answer at {url} ({e.Message}): run scripts/setup.sh (or set FORCE12_KINESIS_URL / FORCE12_DYNAMODB_URL)");
        }
    }
}
