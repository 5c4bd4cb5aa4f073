using Amazon.Runtime;
using Force12.Queues.Kinesis.Client;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Kinesis.Tests.Leases;

/// <summary>
/// Scan answers found by the agent's hostile Kinesis suite (issue 17), served to the real DynamoDB SDK client by an
/// in-process <see cref="HostileHttpServer"/>: each must fail the listing with a <see cref="KinesisException"/> naming the
/// table, never read as fewer leases (a lost lease would count its shard from the initial position).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)] // starts a server on a socket
public sealed class KclLeaseTableMalformedAnswerTests
{
    private const string Lease = """{"leaseKey":{"S":"shardId-000000000000"},"checkpoint":{"S":"1"},"leaseCounter":{"N":"7"}}""";

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"Count":0,"ScannedCount":0}""", "unreadable Scan answer: the Scan answer has no Items" },
        { "{\"Items\":[" + Lease.Replace("{\"S\":\"1\"}", "{\"S\":\"soon\"}", StringComparison.Ordinal) + "]}", "lease row 'shardId-000000000000': 'soon' is not a Kinesis sequence number" },
        { "{\"Items\":[" + Lease.Replace("{\"S\":\"1\"}", "{\"N\":\"1\"}", StringComparison.Ordinal) + "]}", "the checkpoint attribute is not a non-empty string (S)" },
        { "{\"LastEvaluatedKey\":{\"leaseKey\":{\"S\":\"again\"}},\"Items\":[" + Lease + "]}", "LastEvaluatedKey came back a second time (endless pagination)" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task ListAsync_MalformedScanAnswer_FailsNamingTheTable(string body, string expected)
    {
        await using var server = HostileHttpServer.Start(HostileAnswer.Respond("scan", 200, body, "application/x-amz-json-1.0"));
        using var table = Table(server);

        var error = await Assert.ThrowsAsync<KinesisException>(() => table.ListAsync());

        Assert.Equal(KinesisErrorKind.Other, error.Kind);
        Assert.StartsWith("Lease table 'bulbs-app': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ConnectionReset_IsUnreachableNotAnIOException()
    {
        await using var server = HostileHttpServer.Start(HostileAnswer.Reset("reset"));
        using var table = Table(server);

        var error = await Assert.ThrowsAsync<KinesisException>(() => table.ListAsync());

        Assert.Equal(KinesisErrorKind.Unreachable, error.Kind);
    }

    private static KclLeaseTable Table(HostileHttpServer server) => new(new KclLeaseTableOptions
    {
        TableName = "bulbs-app",
        ServiceUrl = server.Address,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("force12-test", "force12-test"),
    });
}
