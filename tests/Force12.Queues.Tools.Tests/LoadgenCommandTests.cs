using System.Text.Json;
using Force12.Queues.Kafka.Embedded;
using Force12.Queues.Lightbulbs.Audit;

namespace Force12.Queues.Tools.Tests;

public sealed class LoadgenCommandTests : IDisposable
{
    private readonly EmbeddedKafkaCluster _kafka = EmbeddedKafkaCluster.Start();
    private readonly string _folder = Directory.CreateTempSubdirectory("f12-loadgen-").FullName;

    [Fact]
    public async Task Loadgen_Constant2000For1Second_SendsAndAcknowledgesEveryEventAndLogsTheirNumbers()
    {
        _kafka.CreateTopic("bulbs", 4);
        var ackLog = Path.Combine(_folder, "produced" + AuditLogWriter.Extension);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "loadgen", "-b", _kafka.BootstrapServers, "-t", "bulbs", "--rate", "2000", "--duration", "1s", "--first-sequence", "500",
            "--ack-log", ackLog, "--encoding", "binary");

        Assert.True(exitCode == ExitCodes.Success, error + output);
        Assert.Contains("constant 2000/s for 1s -> kafka", output, StringComparison.Ordinal);
        Assert.Contains("sent 2000, acknowledged 2000, failed 0, unconfirmed 0", output, StringComparison.Ordinal);
        Assert.Contains("sequence numbers 500..2499", output, StringComparison.Ordinal);
        var produced = AuditReader.ReadAll([ackLog], out _);
        Assert.Equal(Enumerable.Range(500, 2000).Select(i => (long)i), produced.Order());
    }

    [Fact]
    public async Task Loadgen_JsonOutput_ReportsTheNumbers()
    {
        _kafka.CreateTopic("bulbs-json", 1);

        var (exitCode, output, _) = await CliRunner.RunAsync("loadgen", "-b", _kafka.BootstrapServers, "-t", "bulbs-json", "-n", "300", "--rate", "5000", "-o", "json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(300, report.RootElement.GetProperty("acknowledged").GetInt64());
        Assert.True(report.RootElement.GetProperty("achievedRate").GetDouble() > 0);
    }

    [Fact]
    public async Task Loadgen_BadPatternSettings_ExitsTwoListingEveryProblem()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "loadgen", "-b", "127.0.0.1:1", "-t", "x", "--pattern", "step", "--rate", "-5", "--step-at", "soon", "--encoding", "xml", "-d", "10s");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("--rate must be a number of events per second, 0 or more (was -5)", error, StringComparison.Ordinal);
        Assert.Contains("--step-at 'soon' is not a duration", error, StringComparison.Ordinal);
        Assert.Contains("--step-to is required for the step pattern", error, StringComparison.Ordinal);
        Assert.Contains("--encoding must be one of json, binary", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loadgen_NoEnd_ExitsTwoAskingForDurationOrMaxEvents()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("loadgen", "-b", "127.0.0.1:1", "-t", "x");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("give --duration or --max-events", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _kafka.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
