using System.Globalization;
using System.Text.Json;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Faults;

namespace Force12.Queues.Prometheus.Tests;

/// <summary>
/// A <c>/metrics</c> endpoint served in process for the real Prometheus that scripts/setup.sh runs
/// (<c>FORCE12_PROMETHEUS_URL</c>), registered through a file_sd JSON in <c>FORCE12_PROMETHEUS_TARGETS_DIR</c> and removed
/// on dispose. It exposes a counter <c>force12_test_requests_total</c> that grows at <see cref="RequestsPerSecond"/> (its
/// value is computed at each scrape from the time since start) and a gauge <c>force12_test_queue_depth</c>, both labelled
/// with a <see cref="Run"/> id unique to the test, so queries see this target's series only.
/// </summary>
internal sealed class ScrapedTarget : IAsyncDisposable
{
    public static readonly Uri PrometheusUrl = new(Environment.GetEnvironmentVariable("FORCE12_PROMETHEUS_URL") ?? "http://127.0.0.1:9090");

    private static readonly string TargetsDirectory = Environment.GetEnvironmentVariable("FORCE12_PROMETHEUS_TARGETS_DIR")
        ?? Path.Combine(RepositoryPaths.Root, ".force12", "prometheus", "targets");

    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly HostileHttpServer _server;
    private readonly string _file;

    private ScrapedTarget(double requestsPerSecond, long queueDepth)
    {
        RequestsPerSecond = requestsPerSecond;
        QueueDepth = queueDepth;
        _server = HostileHttpServer.Start(new HostileAnswer("metrics", (socket, stream, ct) =>
            HostileAnswer.Respond("metrics", 200, Exposition(), "text/plain; version=0.0.4").Act(socket, stream, ct)));
        _file = Path.Combine(TargetsDirectory, $"test-{Run}.json");
        var target = new[] { new { targets = new[] { _server.Address.Authority }, labels = new Dictionary<string, string> { ["source"] = "prometheus-source-test" } } };
        File.WriteAllText(_file + ".tmp", JsonSerializer.Serialize(target));
        File.Move(_file + ".tmp", _file);
    }

    /// <summary>The label value that marks this target's series.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>How fast the request counter grows.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>The queue depth gauge's value.</summary>
    public long QueueDepth { get; }

    /// <summary>The demand query over this target: its request rate.</summary>
    public string DemandQuery => $"sum(rate(force12_test_requests_total{{run=\"{Run}\"}}[5s]))";

    /// <summary>The backlog query over this target: its queue depth.</summary>
    public string BacklogQuery => $"sum(force12_test_queue_depth{{run=\"{Run}\"}})";

    /// <summary>Checks that Prometheus answers and the target folder exists (else fails naming what to run), then starts the target.</summary>
    public static async Task<ScrapedTarget> StartAsync(double requestsPerSecond, long queueDepth = 0)
    {
        using var http = new HttpClient { BaseAddress = PrometheusUrl, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var ready = await http.GetAsync(new Uri("/-/ready", UriKind.Relative));
            Assert.True(ready.IsSuccessStatusCode, $"Prometheus at {PrometheusUrl} is not ready ({(int)ready.StatusCode}): run scripts/setup.sh");
        }
        catch (HttpRequestException e)
        {
            Assert.Fail($"Prometheus at {PrometheusUrl} is not reachable ({e.Message}): run scripts/setup.sh, which starts it, and source .force12/services.env");
        }

        Assert.True(Directory.Exists(TargetsDirectory), $"Prometheus target folder {TargetsDirectory} does not exist: run scripts/setup.sh first");
        return new ScrapedTarget(requestsPerSecond, queueDepth);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        File.Delete(_file);
        await _server.DisposeAsync();
    }

    private string Exposition()
    {
        var seconds = TimeProvider.System.GetElapsedTime(_started).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # TYPE force12_test_requests_total counter
            force12_test_requests_total{run="{{Run}}"} {{Math.Floor(seconds * RequestsPerSecond)}}
            # TYPE force12_test_queue_depth gauge
            force12_test_queue_depth{run="{{Run}}"} {{QueueDepth}}

            """);
    }
}
