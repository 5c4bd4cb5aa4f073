using Force12.Queues.Core.Lag;
using Force12.Queues.Prometheus.Lag;
using Force12.Queues.Testing;
using Force12.Queues.Testing.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Prometheus.Tests.Lag;

/// <summary>
/// The collector over real HTTP against a <see cref="HostileHttpServer"/>: broken transport and broken answers each come
/// back as the collection's error with a reason, never as an exception out of the collector and never as a reading.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)] // starts a server on a socket
public sealed class PrometheusQueryApiHostileTests
{
    private const string Query = "sum(rate(http_requests_total[1m]))";
    // Room for a loaded 2-core machine (a 0.5 s limit turned a quick 502 into a timeout there); silence and the slow body wait it out.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const string Valid = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"42"]}]}}""";

    public static TheoryData<string, LagErrorKind, string> Answers => new()
    {
        { "silence", LagErrorKind.Unreachable, "timed out after 2s" },
        { "slow body", LagErrorKind.Unreachable, "timed out after 2s" },
        { "reset", LagErrorKind.Unreachable, "did not answer query" },
        { "reset after half a head", LagErrorKind.Unreachable, "did not answer query" },
        { "truncated", LagErrorKind.Unreachable, "Prometheus at http://127.0.0.1:" }, // an early close, or a wait for the rest until the timeout
        { "garbage status line", LagErrorKind.Unreachable, "did not answer query" },
        { "body over 1 MB", LagErrorKind.Unreachable, "did not answer query" },
        { "html 200", LagErrorKind.Other, "unreadable Prometheus answer: not JSON" },
        { "empty 200", LagErrorKind.Other, "unreadable Prometheus answer: not JSON" },
        { "html 502", LagErrorKind.Unreachable, "failed: Prometheus answered 502 <html>" },
        { "json 500 without errorType", LagErrorKind.Other, "failed: Prometheus answered 500 (no errorType): {\"oops\":1}" },
        { "422 execution", LagErrorKind.Other, "failed: Prometheus answered 422 (execution): many-to-many matching not allowed" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task CollectAsync_HostileAnswer_IsTheCollectionsErrorWithTheReason(string answer, LagErrorKind kind, string expected)
    {
        await using var server = HostileHttpServer.Start(Answer(answer));
        var options = new PrometheusSourceOptions { Url = server.Address, DemandQuery = Query, PerPodRate = 10, Timeout = Timeout };
        using var collector = new PrometheusLagCollector(options, new PrometheusQueryApi(options), TimeProvider.System, NullLogger.Instance);

        var result = await collector.CollectAsync(default);

        Assert.False(result.Succeeded, $"{answer} was read as {result.Snapshot?.Totals.ArrivalRate}/s");
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(Query, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ValidAnswerOnAPathPrefix_ReadsIt()
    {
        await using var server = HostileHttpServer.Start(HostileAnswer.Json("valid", Valid));
        var options = new PrometheusSourceOptions { Url = new Uri(server.Address, "prometheus"), DemandQuery = Query, PerPodRate = 10, Timeout = Timeout };
        using var collector = new PrometheusLagCollector(options, new PrometheusQueryApi(options), TimeProvider.System, NullLogger.Instance);

        var result = await collector.CollectAsync(default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(42, result.Snapshot.Totals.ArrivalRate);
    }

    private static HostileAnswer Answer(string name) => name switch
    {
        "silence" => HostileAnswer.Silence(name),
        "slow body" => HostileAnswer.SlowBody(name, Valid, TimeSpan.FromMilliseconds(100)),
        "reset" => HostileAnswer.Reset(name),
        "reset after half a head" => HostileAnswer.Reset(name, "HTTP/1.1 200 OK\r\nContent-Ty"),
        "truncated" => HostileAnswer.Truncated(name, Valid),
        "garbage status line" => HostileAnswer.Raw(name, "SPLORK 200 maybe\r\n\r\n{}"),
        "body over 1 MB" => HostileAnswer.Huge(name, 2 * 1024 * 1024, Valid),
        "html 200" => HostileAnswer.Respond(name, 200, "<html>hello</html>", "text/html"),
        "empty 200" => HostileAnswer.Json(name, ""),
        "html 502" => HostileAnswer.Respond(name, 502, "<html>Bad Gateway</html>", "text/html"),
        "json 500 without errorType" => HostileAnswer.Respond(name, 500, """{"oops":1}"""),
        "422 execution" => HostileAnswer.Respond(name, 422, """{"status":"error","errorType":"execution","error":"many-to-many matching not allowed"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown answer"),
    };
}
