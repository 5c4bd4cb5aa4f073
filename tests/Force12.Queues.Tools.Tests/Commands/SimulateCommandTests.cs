using System.Text.Json;

namespace Force12.Queues.Tools.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("force12-simulate-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Help_DescribesTracesScenariosSeedsAndOutputs()
    {
        var (exitCode, output, _) = await RunAsync("simulate", "--help");

        Assert.Equal(0, exitCode);
        foreach (var expected in new[]
        {
            "--scenario", "two-priority", "--trace", "dusk (100,000 smart bulbs", "random (original Force12 demo", "steps (", "diurnal (", "CSV file of 'seconds,messagesPerSecond'",
            "--pipeline", "priority (1 = highest", "--pool", "--seed", "Same seed, same numbers", "--output", "\"withinSlaPercent\"", "--csv", "--chart", "SVG", "oracle", "KEDA",
        })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_ShortDusk_HasOneResultPerPolicyWithTheDocumentedFields()
    {
        var (exitCode, output, error) = await RunAsync("simulate", "--duration", "120", "--output", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["force12", "keda-default", "static-peak", "oracle"], results.Select(r => r.GetProperty("policy").GetString()));
        foreach (var result in results)
        {
            Assert.InRange(result.GetProperty("withinSlaPercent").GetDouble(), 0, 100);
            Assert.True(result.GetProperty("p99DelaySeconds").GetDouble() > 0);
            Assert.True(result.GetProperty("podSeconds").GetDouble() > 0);
            Assert.True(result.GetProperty("scaleActions").GetInt32() >= 0);
        }
    }

    [Fact]
    public async Task Seed_SameSeedTwice_PrintsTheSameNumbers()
    {
        var first = await RunAsync("simulate", "--trace", "random", "--duration", "60", "--seed", "3", "--output", "json");
        var second = await RunAsync("simulate", "--trace", "random", "--duration", "60", "--seed", "3", "--output", "json");
        var other = await RunAsync("simulate", "--trace", "random", "--duration", "60", "--seed", "4", "--output", "json");

        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, other.Output);
    }

    [Fact]
    public async Task Pipelines_CsvTraceAndPool_PrintsPerPipelineTableAndWritesFiles()
    {
        var trace = Path.Combine(_temp.FullName, "burst.csv");
        await File.WriteAllTextAsync(trace, "seconds,messagesPerSecond\n0,500\n30,3000\n60,500\n");
        var csv = Path.Combine(_temp.FullName, "series.csv");
        var chart = Path.Combine(_temp.FullName, "chart.svg");

        var (exitCode, output, error) = await RunAsync("simulate",
            "--pipeline", "name=alerts,trace=" + trace + ",priority=1,partitions=20",
            "--pipeline", "name=batch,trace=steps,remainder=true,partitions=20",
            "--pool", "25", "--duration", "60", "--csv", csv, "--chart", chart, "--chart-pipeline", "batch");

        Assert.True(exitCode == 0, error);
        Assert.Contains("| policy | pipeline | priority |", output, StringComparison.Ordinal);
        Assert.Contains("| force12 | alerts | 1 |", output, StringComparison.Ordinal);
        Assert.Contains("pool 25", output, StringComparison.Ordinal);
        Assert.StartsWith("policy,pipeline,seconds,arrivalRate,backlog,pods", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.Contains("pipeline batch</text>", await File.ReadAllTextAsync(chart), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelines_BadSpecs_ReportEveryErrorAndReturnBadArguments()
    {
        var (exitCode, _, error) = await RunAsync("simulate",
            "--pipeline", "name=a,sla=0,colour=red",
            "--pipeline", "name=b,trace=sunrise,partitions=x",
            "--pipeline", "trace=dusk");

        Assert.Equal(2, exitCode);
        Assert.Contains("pipeline 'a': unknown key 'colour'", error, StringComparison.Ordinal);
        Assert.Contains("pipeline 'a'.sla: must be positive (was 0s)", error, StringComparison.Ordinal);
        Assert.Contains("pipeline 'b': partitions must be a number (was 'x').", error, StringComparison.Ordinal);
        Assert.Contains("pipeline 'b': trace: Unknown trace 'sunrise'.", error, StringComparison.Ordinal);
        Assert.Contains("--pipeline 'trace=dusk': name is required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartPipeline_Unknown_ReturnsBadArgumentsListingPipelines()
    {
        var (exitCode, _, error) = await RunAsync("simulate", "--scenario", "two-priority", "--chart", Path.Combine(_temp.FullName, "c.svg"), "--chart-pipeline", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("--chart-pipeline 'nope' is not one of the pipelines: lights, billing.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scenario", "sunset")]
    [InlineData("--output", "xml")]
    public async Task Options_UnknownValue_ReturnsBadArguments(string option, string value)
    {
        var (exitCode, _, error) = await RunAsync("simulate", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_MissingCsvFile_ReturnsBadArgumentsNamingTheFile()
    {
        var (exitCode, _, error) = await RunAsync("simulate", "--trace", Path.Combine(_temp.FullName, "missing.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("missing.csv", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Force12Cli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
