using Force12.Queues.Keda.Protocol;
using Force12.Queues.Testing;
using Grpc.Core;

namespace Force12.Queues.Keda.Tests;

/// <summary>
/// KEDA's four RPCs over real gRPC (h2c, a client generated from the same .proto) against the scaler served from the
/// agent's own control loop: the metric is the agent's pod count, activity follows it, the stream pushes a change in
/// the tick that made it, and a pipeline the agent does not serve is refused with a status naming it.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ExternalScalerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private KedaScalerHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await KedaScalerHarness.StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task GetMetricSpec_Pipeline_NamesTheMetricWithATargetOfOnePerPod()
    {
        var spec = Assert.Single((await _harness.Client.GetMetricSpecAsync(KedaScalerHarness.ScaledObject("bulbs"))).MetricSpecs);

        Assert.Equal("force12-bulbs-pods", spec.MetricName);
        Assert.Equal(1.0, spec.TargetSizeFloat);
        Assert.Equal(1, spec.TargetSize);
    }

    [Fact]
    public async Task GetMetricsAndIsActive_Backlog_AreTheAgentsTargetPods()
    {
        _harness.Bulbs.Backlog(3_000);
        var status = await _harness.TickAsync();

        var metric = Assert.Single((await _harness.Client.GetMetricsAsync(new GetMetricsRequest
        {
            ScaledObjectRef = KedaScalerHarness.ScaledObject("bulbs"), MetricName = "force12-bulbs-pods",
        })).MetricValues);
        Assert.True(status.TargetPods > 1, $"the backlog needs pods ({status.ReasonCode}: {status.Reason})");
        Assert.Equal("force12-bulbs-pods", metric.MetricName);
        Assert.Equal(status.TargetPods, metric.MetricValueFloat);
        Assert.Equal(status.TargetPods, metric.MetricValue_);
        Assert.True((await _harness.Client.IsActiveAsync(KedaScalerHarness.ScaledObject("bulbs"))).Result);

        _harness.Bulbs.Backlog(0);
        status = await _harness.TickAsync();

        Assert.Equal(0, status.TargetPods);
        Assert.False((await _harness.Client.IsActiveAsync(KedaScalerHarness.ScaledObject("bulbs"))).Result);
        Assert.Equal(0.0, Assert.Single((await _harness.Client.GetMetricsAsync(new GetMetricsRequest
        {
            ScaledObjectRef = KedaScalerHarness.ScaledObject("bulbs"), MetricName = "force12-bulbs-pods",
        })).MetricValues).MetricValueFloat);
    }

    [Fact]
    public async Task GetMetrics_CollectionFailsAfterADecision_HoldsTheCountServed()
    {
        _harness.Bulbs.Backlog(5_000);
        var decided = await _harness.TickAsync();
        _harness.Bulbs.Fail();
        var status = await _harness.TickAsync();

        Assert.NotNull(status.CollectorError);
        var metric = Assert.Single((await _harness.Client.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = KedaScalerHarness.ScaledObject("bulbs") })).MetricValues);
        Assert.True(decided.TargetPods > 1, $"the backlog needs pods ({decided.ReasonCode}: {decided.Reason})");
        Assert.Equal(decided.TargetPods, metric.MetricValueFloat);
        Assert.True((await _harness.Client.IsActiveAsync(KedaScalerHarness.ScaledObject("bulbs"))).Result);
    }

    [Fact]
    public async Task StreamIsActive_ActivityChanges_ArrivesWithinTheTickThatChangedIt()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        using var stream = _harness.Client.StreamIsActive(KedaScalerHarness.ScaledObject("bulbs"), cancellationToken: cancel.Token);
        _harness.Bulbs.Backlog(0);
        await _harness.TickAsync();
        Assert.False(await NextAsync(stream, "the first activity (inactive) after tick 1", cancel.Token));

        _harness.Bulbs.Backlog(2_000);
        await _harness.TickAsync();
        Assert.True(await NextAsync(stream, "activity after tick 2 found a backlog", cancel.Token));

        _harness.Bulbs.Backlog(4_000); // still active: nothing is pushed for this tick
        await _harness.TickAsync();
        _harness.Bulbs.Backlog(0);
        await _harness.TickAsync();
        Assert.False(await NextAsync(stream, "inactivity after tick 4 found no backlog (tick 3 changed nothing)", cancel.Token));
    }

    [Theory]
    [InlineData("nope", StatusCode.NotFound, "ScaledObject lights/bulbs-consumer: pipeline 'nope' is not configured in this agent (pipelines of orchestrator kind keda: bulbs, lamps)")]
    [InlineData(null, StatusCode.InvalidArgument, "ScaledObject lights/bulbs-consumer: the trigger's metadata must name the Force12 pipeline (metadata.pipeline)")]
    [InlineData("meters", StatusCode.FailedPrecondition, "ScaledObject lights/bulbs-consumer: pipeline 'meters' is actuated by the agent (orchestrator kind memory), not by KEDA; set its orchestrator to keda")]
    [InlineData("lamps", StatusCode.Unavailable, "pipeline 'lamps' has no successful collection yet, so the agent has not decided its pods")]
    public async Task EveryRpc_PipelineNotServed_IsRefusedNamingIt(string? pipeline, StatusCode code, string message)
    {
        _harness.Bulbs.Backlog(0);
        await _harness.TickAsync();
        var scaledObject = KedaScalerHarness.ScaledObject(pipeline);
        var calls = new List<Func<Task>>
        {
            async () => await _harness.Client.IsActiveAsync(scaledObject),
            async () => await _harness.Client.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = scaledObject }),
        };
        if (code != StatusCode.Unavailable)
        {
            // The spec and the stream need no decision yet: only the metric and the activity do.
            calls.Add(async () => await _harness.Client.GetMetricSpecAsync(scaledObject));
            calls.Add(async () =>
            {
                using var stream = _harness.Client.StreamIsActive(scaledObject);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            });
        }

        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(code, refused.StatusCode);
            Assert.Equal(message, refused.Status.Detail);
        }
    }

    private static async Task<bool> NextAsync(AsyncServerStreamingCall<IsActiveResponse> stream, string what, CancellationToken cancellationToken)
    {
        Assert.True(await stream.ResponseStream.MoveNext(cancellationToken), $"the stream ended before {what}");
        return stream.ResponseStream.Current.Result;
    }
}
