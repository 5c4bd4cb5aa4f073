using Force12.Queues.Kinesis.Model;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Kinesis;

namespace Force12.Queues.Tools.Tests.Commands;

/// <summary><c>force12 loadgen --sink kinesis</c> against kinesalite (started by scripts/setup.sh).</summary>
public sealed class KinesisLoadgenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-kinesis-loadgen-").FullName;

    public KinesisLoadgenCommandTests()
    {
        // The CLI takes credentials from the SDK's default chain; kinesalite accepts any.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "force12-test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "force12-test-secret");
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task Loadgen_KinesisSink_WritesEveryEventExactlyOnceWithItsSequence()
    {
        await using var stream = await TemporaryStream.CreateAsync(3, "f12-loadgen");
        var ackLog = Path.Combine(_folder, "produced" + AuditLogWriter.Extension);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "loadgen", "--sink", "kinesis", "--stream", stream.Name, "--kinesis-endpoint", AwsTestServices.KinesisUrl.ToString(),
            "--region", "us-east-1", "-n", "2600", "--rate", "5000", "--bulbs", "40", "--first-sequence", "100", "--ack-log", ackLog);

        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains($"stream {stream.Name}", output, StringComparison.Ordinal);
        Assert.Contains("sent 2600, acknowledged 2600, failed 0, unconfirmed 0", output, StringComparison.Ordinal);
        var records = await ReadAllAsync(stream);
        var events = records.Select(r => (r.Shard, r.Record, Event: LightbulbCodecs.Decode(r.Record.Data.Span))).ToArray();
        Assert.Equal(Enumerable.Range(100, 2600).Select(i => (long)i), events.Select(e => e.Event.Sequence).Order());
        Assert.All(events, e => Assert.Equal(e.Event.BulbId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Record.PartitionKey));
        foreach (var bulb in events.GroupBy(e => e.Event.BulbId))
        {
            Assert.Single(bulb.Select(e => e.Shard).Distinct());
            var sequences = bulb.Select(e => e.Event.Sequence).ToArray(); // read in shard order
            Assert.True(sequences.SequenceEqual(sequences.Order()), $"bulb {bulb.Key}'s events are out of order: {string.Join(",", sequences)}");
        }

        Assert.True(events.Select(e => e.Shard).Distinct().Count() > 1, "every event went to one shard");
        Assert.Equal(Enumerable.Range(100, 2600).Select(i => (long)i), AuditReader.ReadAll([ackLog], out _).Order());
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task Loadgen_KinesisStreamMissing_ExitsOneNamingTheStream()
    {
        await AwsTestServices.EnsureReachableAsync(AwsTestServices.KinesisUrl, "kinesalite");
        var stream = AwsTestServices.UniqueName("missing");

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "loadgen", "--sink", "kinesis", "--stream", stream, "--kinesis-endpoint", AwsTestServices.KinesisUrl.ToString(), "-n", "10");

        Assert.True(exitCode == ExitCodes.Failure, $"exit {exitCode}: {error}{output}");
        Assert.Contains("failed 10", output, StringComparison.Ordinal);
        Assert.Contains("StreamNotFound", error, StringComparison.Ordinal);
        Assert.Contains(stream, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_KinesisWithoutStream_ExitsTwoNamingTheFlag()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("loadgen", "--sink", "kinesis", "-n", "10");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--stream is required with --sink kinesis", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_KinesisWithBadEndpointAndKafkaFlags_ExitsTwoNamingEachFlag()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "loadgen", "--sink", "kinesis", "--stream", "s", "--kinesis-endpoint", "kinesalite:4567", "-t", "bulbs", "-n", "10");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--kinesis-endpoint must be an http or https URL (was 'kinesalite:4567')", error, StringComparison.Ordinal);
        Assert.Contains("--topic applies only to --sink kafka", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_KafkaWithKinesisFlags_ExitsTwoNamingEachFlag()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("loadgen", "--stream", "s", "-n", "10");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--stream applies only to --sink kinesis", error, StringComparison.Ordinal);
        Assert.Contains("--bootstrap-servers is required with --sink kafka", error, StringComparison.Ordinal);
        Assert.Contains("--topic is required with --sink kafka", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_UnknownSink_ExitsTwoNamingTheFlag()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("loadgen", "--sink", "sqs", "-n", "10");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("sqs", error, StringComparison.Ordinal);
        Assert.Contains("--sink", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_Help_DescribesBothSinksAndTheKinesisFlags()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("loadgen", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Kinesis stream (--sink kinesis)", output, StringComparison.Ordinal);
        foreach (var flag in new[] { "--sink", "--stream", "--kinesis-endpoint", "--region", "--bootstrap-servers", "--topic" })
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("(REQUIRED)", output, StringComparison.Ordinal);
    }

    private static async Task<List<(string Shard, KinesisRecord Record)>> ReadAllAsync(TemporaryStream stream)
    {
        var all = new List<(string, KinesisRecord)>();
        foreach (var shard in await stream.Client.ListShardsAsync(stream.Name))
        {
            var iterator = await stream.Client.GetShardIteratorAsync(stream.Name, shard.ShardId, ShardIteratorType.TrimHorizon);
            while (true)
            {
                var batch = await stream.Client.GetRecordsAsync(iterator);
                all.AddRange(batch.Records.Select(r => (shard.ShardId, r)));
                if (batch.Records.Count == 0 || batch.IsShardEnd)
                {
                    break;
                }

                iterator = batch.NextShardIterator!;
            }
        }

        return all;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        Directory.Delete(_folder, recursive: true);
    }
}
