using System.Globalization;
using System.Text;
using Force12.Queues.Agent.Tests.Faults;
using Force12.Queues.Core.Forecasting;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests.Forecasts;

/// <summary>
/// Issue 18: the real agent (<c>force12-agent run</c>, a child process) with a forecast history recorded from a trace
/// (three days with a daily spike of 600 msg/s starting a minute from now's time of day) starts pods before the spike
/// arrives: the demand it measures stays 0 (a <c>prometheus</c> source on <c>vector(0)</c>, against the real
/// Prometheus), yet the forecast at now + lead raises the pods with the reason <c>Forecast</c>, while the same pipeline
/// without a forecast stays at zero pods.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ForecastAgentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("force12-forecast-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Agent_HistoryWithADailySpikeAboutToCome_StartsPodsBeforeTheSpikeArrives()
    {
        var prometheus = Environment.GetEnvironmentVariable("FORCE12_PROMETHEUS_URL")
            ?? throw new InvalidOperationException("FORCE12_PROMETHEUS_URL is not set: run scripts/setup.sh and source .force12/services.env");
        var history = Path.Combine(_folder, "lights.history");
        ForecastHistoryFile.Save(history, RecordedTrace(DateTimeOffset.UtcNow));
        var port = AgentUnderTest.FreePort();

        await using var agent = await AgentUnderTest.StartAsync(_folder, Config(port, new Uri(prometheus), history));
        var ahead = await agent.AwaitAsync(
            s => s.Pipeline("lights") is { ReasonCode: "Forecast", TargetPods: 6, RunningPods: 6 },
            TimeSpan.FromSeconds(90),
            "the forecast pipeline to run 6 pods for the coming spike (600 msg/s at 100 msg/s per pod) with reason Forecast");

        var plain = ahead.Pipeline("lights-reactive");
        Assert.Equal((0, 0), (plain.TargetPods, plain.RunningPods));
        Assert.Null(ahead.Pipeline("lights").CollectorError);
    }

    /// <summary>Three days of 1-minute buckets up to <paramref name="now"/>: 10 msg/s, and 600 msg/s from 1 to 20 minutes after now's time of day.</summary>
    private static List<CompletedBucket> RecordedTrace(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddDays(-3);
        var buckets = new List<CompletedBucket>();
        for (var at = start; at < now.AddMinutes(-1); at = at.AddMinutes(1))
        {
            var sinceNowsTimeOfDay = TimeSpan.FromMinutes((((at - now).TotalMinutes % 1440) + 1440) % 1440);
            var spike = sinceNowsTimeOfDay >= TimeSpan.FromMinutes(1) && sinceNowsTimeOfDay < TimeSpan.FromMinutes(20);
            buckets.Add(new CompletedBucket(at, spike ? 600 : 10));
        }

        return buckets;
    }

    private string Config(int port, Uri prometheus, string history)
    {
        var yaml = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            http:
              address: 127.0.0.1:{port}
            pollInterval: 500ms
            capacity:
              podSlots: 20
            orchestrators:
              process:
                stateDirectory: {Path.Combine(_folder, "pods")}
            pipelines:

            """));
        foreach (var (name, forecast) in new[] { ("lights", true), ("lights-reactive", false) })
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  {name}:
                    sla: 10s
                    minPods: 0
                    maxPods: 6
                    source:
                      kind: prometheus
                      url: {prometheus}
                      demandQuery: vector(0)
                      perPodRate: 100

                """);
            if (forecast)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"""
                        forecast:
                          mode: on
                          season: daily
                          lead: 5m
                          historyFile: {history}

                    """);
            }

            yaml.Append("""
                    orchestrator: process
                    pod:
                      containers:
                        - name: main
                          command: sleep
                          args: ["600"]

                """);
        }

        return yaml.ToString();
    }
}
