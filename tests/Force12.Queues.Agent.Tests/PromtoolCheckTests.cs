using System.Diagnostics;
using Force12.Queues.Agent.Instrumentation;
using Force12.Queues.Testing;
using Prometheus;

namespace Force12.Queues.Agent.Tests;

/// <summary>The agent's exposition, served over HTTP, passes Prometheus's own linter.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class PromtoolCheckTests
{
    [Fact]
    public async Task Metrics_EveryInstrumentPopulated_PassesPromtoolCheckMetrics()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new AgentMetrics(Metrics.WithCustomRegistry(registry));
        metrics.Observe(SampleStatus.At(1, SampleStatus.Bulbs(), SampleStatus.BulbState()));
        metrics.RecordScale("bulbs", ScaleDirection.Up, 2);
        metrics.RecordCollectorError("bulb-state", "rabbitmq");
        metrics.RecordTick(TimeSpan.FromMilliseconds(12));
        metrics.RecordPodStart("bulbs", TimeSpan.FromMilliseconds(420));
        await using var host = await AgentTestHost.StartAsync(registry);
        var exposition = await host.Client.GetStringAsync(new Uri("metrics", UriKind.Relative));

        var (exitCode, output) = await RunPromtoolAsync(exposition);

        Assert.True(exitCode == 0 && output.Length == 0, $"promtool check metrics exited {exitCode}:\n{output}\n--- exposition ---\n{exposition}");
        Assert.Contains("force12_tick_duration_seconds_bucket", exposition, StringComparison.Ordinal);
        Assert.Contains("force12_pod_start_latency_seconds_count{pipeline=\"bulbs\"} 1", exposition, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("promtool is not installed: run scripts/setup.sh (it installs Debian's prometheus package).", e);
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(exposition);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await stdout + await stderr).Trim());
        }
    }
}
