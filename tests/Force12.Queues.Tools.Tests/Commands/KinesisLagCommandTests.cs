using Force12.Queues.Testing;

namespace Force12.Queues.Tools.Tests.Commands;

/// <summary><c>force12 lag --source kinesis</c> against kinesalite and dynalite (started by scripts/setup.sh).</summary>
public sealed class KinesisLagCommandTests
{
    private static readonly string KinesisUrl = Environment.GetEnvironmentVariable("FORCE12_KINESIS_URL") ?? "http://127.0.0.1:4567";
    private static readonly string DynamoUrl = Environment.GetEnvironmentVariable("FORCE12_DYNAMODB_URL") ?? "http://127.0.0.1:4568";

    [Fact]
    public async Task Lag_KinesisWithoutStreamOrTable_Exits2NamingBoth()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("lag", "--source", "kinesis");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--stream is required with --source kinesis.", error, StringComparison.Ordinal);
        Assert.Contains("--lease-table is required with --source kinesis.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lag_KafkaWithoutBootstrapOrGroup_Exits2NamingBoth()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("lag");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--bootstrap-servers is required with --source kafka.", error, StringComparison.Ordinal);
        Assert.Contains("--group is required with --source kafka.", error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task Lag_KinesisStreamMissing_Exits1WithTheTypedError()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "force12-test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "force12-test");
        try
        {
            var stream = "missing-" + Guid.NewGuid().ToString("N")[..8];
            var (exitCode, output, error) = await CliRunner.RunAsync(
                "lag", "--source", "kinesis", "--stream", stream, "--lease-table", stream, "--region", "us-east-1",
                "--kinesis-endpoint", KinesisUrl, "--dynamodb-endpoint", DynamoUrl, "--output", "json");

            Assert.True(exitCode == ExitCodes.Failure, $"exit {exitCode}; stderr: {error}; stdout: {output}");
            Assert.Contains(stream, error, StringComparison.Ordinal);
            Assert.Contains("\"errorKind\"", output, StringComparison.Ordinal);
            Assert.Contains("StreamNotFound", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        }
    }
}
