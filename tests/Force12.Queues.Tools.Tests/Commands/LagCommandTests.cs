using System.Text.Json;
using Confluent.Kafka;
using Force12.Queues.Kafka.Embedded;

namespace Force12.Queues.Tools.Tests.Commands;

public sealed class LagCommandTests : IDisposable
{
    private readonly EmbeddedKafkaCluster _kafka = EmbeddedKafkaCluster.Start(brokers: 1);

    public void Dispose() => _kafka.Dispose();

    private async Task<(string Topic, string Group)> GroupWithLagAsync()
    {
        var (topic, group) = ($"bulbs-{Guid.NewGuid():N}", $"lights-{Guid.NewGuid():N}");
        _kafka.CreateTopic(topic, partitions: 2);
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = _kafka.BootstrapServers }).Build())
        {
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<Null, string> { Value = "on" });
            }
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = group }).Build();
        consumer.Commit([new TopicPartitionOffset(topic, 0, 4)]);
        consumer.Close();
        return (topic, group);
    }

    [Fact]
    public async Task Lag_OutputJson_PrintsPartitionsAndTotalsWithTheDocumentedFields()
    {
        var (topic, group) = await GroupWithLagAsync();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", group, "--topic", topic, "--output", "json");

        Assert.True(exitCode == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var partitions = json.RootElement.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(2, partitions.Count);
        var first = partitions[0];
        Assert.Equal(topic, first.GetProperty("topic").GetString());
        Assert.Equal(0, first.GetProperty("partition").GetInt32());
        Assert.Equal(0, first.GetProperty("logStartOffset").GetInt64());
        Assert.Equal(10, first.GetProperty("logEndOffset").GetInt64());
        Assert.Equal(4, first.GetProperty("committedOffset").GetInt64());
        Assert.Equal(6, first.GetProperty("lag").GetInt64());
        Assert.True(first.GetProperty("lagSeconds").GetDouble() >= 0);
        Assert.Equal("ok", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, partitions[1].GetProperty("committedOffset").ValueKind);
        Assert.Equal("no_commit", partitions[1].GetProperty("status").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("totals").GetProperty("lag").GetInt64());
        Assert.True(json.RootElement.GetProperty("totals").TryGetProperty("maxLagSeconds", out _));
    }

    [Fact]
    public async Task Lag_SlaAndConsumerRate_FlagsThePartitionThatCannotDrainAsHot()
    {
        var (topic, group) = await GroupWithLagAsync();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", group, "--topic", topic, "--output", "json",
            "--sla", "2", "--consumer-rate", "1");

        Assert.True(exitCode == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("hot", json.RootElement.GetProperty("partitions")[0].GetProperty("status").GetString()); // 6 messages at 1/s > 2 s
    }

    [Fact]
    public async Task Lag_DefaultOutput_PrintsATableWithHeaderRowsAndTotal()
    {
        var (topic, group) = await GroupWithLagAsync();

        var (exitCode, output, _) = await CliRunner.RunAsync("lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", group, "--topic", topic);

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("TOPIC", StringComparison.Ordinal) && l.Contains("LAG-SECONDS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(topic, StringComparison.Ordinal) && l.TrimEnd().EndsWith("ok", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("TOTAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lag_Watch_PrintsOneJsonObjectPerPollWithRatesUntilCancelled()
    {
        var (topic, group) = await GroupWithLagAsync();
        using var output = new LineWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = Force12Cli.RunAsync(
            ["lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", group, "--topic", topic, "--output", "json", "--watch", "--interval", "0.2"],
            output, error, stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (output.Lines.Count < 2 && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var exitCode = await run;

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.True(output.Lines.Count >= 2, $"expected two polls, got: {string.Join('\n', output.Lines)} {error}");
        using var second = JsonDocument.Parse(output.Lines[1]);
        Assert.Equal(0, second.RootElement.GetProperty("partitions")[0].GetProperty("arrivalRate").GetDouble()); // known from the 2nd poll on
    }

    [Fact]
    public async Task Lag_UnknownGroup_ExitsOneWithTheReasonOnStderr()
    {
        var (topic, _) = await GroupWithLagAsync();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", "nobody", "--topic", topic, "--output", "json");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("UnknownGroup", error, StringComparison.Ordinal);
        Assert.Contains("nobody", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lag_UnknownGroupBacklog_CountsEveryMessageOfTheTopicAsLag()
    {
        var (topic, _) = await GroupWithLagAsync();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", "nobody-yet", "--topic", topic, "--output", "json",
            "--unknown-group", "backlog");

        Assert.True(exitCode == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("totals").GetProperty("lag").GetInt64());
        Assert.All(json.RootElement.GetProperty("partitions").EnumerateArray(),
            p => Assert.Equal("no_commit", p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Lag_UnknownGroupBacklogWithoutTopics_ExitsTwoNamingWhatIsMissing()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", _kafka.BootstrapServers, "--group", "g", "--unknown-group", "backlog");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("unknownGroup: 'backlog' needs topics or topicPattern: a group that never committed has no topics of its own to watch", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lag_UnreachableCluster_ExitsOneNamingTheCluster()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "lag", "--bootstrap-servers", "127.0.0.1:1", "--group", "g", "--topic", "t", "--timeout", "2");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
        Assert.Contains("Unreachable", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--group", "g")]                                                             // no --bootstrap-servers
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--output", "xml")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--timeout", "-1")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--config", "no-equals-sign")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--topic-pattern", "([")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--sla", "0")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--consumer-rate", "-5")]
    [InlineData("--bootstrap-servers", "b:1", "--group", "g", "--topic", "t", "--unknown-group", "sometimes")]
    public async Task Lag_BadArguments_ExitsTwo(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["lag", .. args]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.NotEqual(string.Empty, error.Trim());
    }
}
