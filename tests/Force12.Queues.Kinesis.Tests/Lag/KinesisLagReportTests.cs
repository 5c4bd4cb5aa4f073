using System.Text.Json.Nodes;
using Force12.Queues.Kinesis.Lag;
using Force12.Queues.Kinesis.Leases;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Kinesis.Tests.Lag;

/// <summary>The entry point behind <c>force12 lag --source kinesis</c>.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KinesisLagReportTests
{
    [Fact]
    public async Task WriteJson_PartiallyConsumedStream_MirrorsKafkaShapeWithShard()
    {
        await using var stream = await TemporaryStream.CreateAsync(2);
        await using var leases = await TemporaryLeaseTable.CreateAsync();
        var written = await stream.PutAsync("shardId-000000000000", 12);
        await leases.PutAsync("shardId-000000000000", KclCheckpoint.At(written[1]));

        var report = await KinesisLagReport.CollectAsync(AwsTestServices.SourceOptions(stream.Name, leases.Name), TimeProvider.System, NullLoggerFactory.Instance);
        using var text = new StringWriter();
        report.WriteJson(text);

        Assert.True(report.Succeeded, report.ErrorMessage);
        var json = JsonNode.Parse(text.ToString())!;
        var shard = json["shards"]![0]!;
        Assert.Equal(stream.Name, shard["stream"]!.GetValue<string>());
        Assert.Equal("shardId-000000000000", shard["shard"]!.GetValue<string>());
        Assert.Equal(10, shard["lag"]!.GetValue<long>());
        Assert.Equal("exact", shard["lagMethod"]!.GetValue<string>());
        Assert.Equal("ok", shard["status"]!.GetValue<string>());
        Assert.Null(json["shards"]![1]!["checkpoint"]);
        Assert.Equal("no_commit", json["shards"]![1]!["status"]!.GetValue<string>());
        Assert.Equal("nothingwaiting", json["shards"]![1]!["lagSecondsMethod"]!.GetValue<string>());
        Assert.Equal(leases.Name, json["group"]!.GetValue<string>());
        Assert.Equal(10, json["totals"]!["lag"]!.GetValue<long>());
        Assert.NotNull(json["totals"]!["maxLagSeconds"]);
        Assert.Equal(2, json["reads"]!["getRecords"]!.GetValue<int>());
        using var table = new StringWriter();
        report.WriteTable(table);
        var lines = table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SHARD", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^shardId-000000000000\s+yes\s+\.\.\d{12}\s+10\s+exact\s+[\d.]+\s+ok\s+1\s*$", lines[1]);
        Assert.Matches(@"^shardId-000000000001\s+yes\s+-\s+0\s+exact\s+0\.0\s+no_commit\s+1\s*$", lines[2]);
        Assert.StartsWith("total lag 10, max ", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteJson_MissingStream_WritesErrorAndFails()
    {
        await using var leases = await TemporaryLeaseTable.CreateAsync();

        var report = await KinesisLagReport.CollectAsync(AwsTestServices.SourceOptions("f12-absent", leases.Name), TimeProvider.System, NullLoggerFactory.Instance);
        using var text = new StringWriter();
        report.WriteJson(text);

        Assert.False(report.Succeeded);
        Assert.Equal("StreamNotFound", JsonNode.Parse(text.ToString())!["errorKind"]!.GetValue<string>());
        Assert.Contains("f12-absent", report.ErrorMessage, StringComparison.Ordinal);
    }
}
