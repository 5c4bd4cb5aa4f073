using Force12.Queues.Keda.Protocol;
using Grpc.Core;

namespace Force12.Queues.Keda;

/// <summary>
/// KEDA's <c>externalscaler.ExternalScaler</c> served from the agent's decisions: the metric is the pods the agent
/// wants for the pipeline (<see cref="KedaMetric"/>), with a per-pod <c>AverageValue</c> target of 1, so the HPA lands
/// on the agent's count; activity is "at least one pod wanted", pushed by <c>StreamIsActive</c> in the tick it changes.
/// </summary>
internal sealed class ExternalScalerService(KedaPipelineLookup pipelines) : ExternalScaler.ExternalScalerBase
{
    /// <inheritdoc />
    public override Task<IsActiveResponse> IsActive(ScaledObjectRef request, ServerCallContext context)
    {
        var status = pipelines.StatusOf(pipelines.PipelineOf(request));
        return Task.FromResult(new IsActiveResponse { Result = KedaMetric.IsActive(status) });
    }

    /// <summary>Sends the activity once the pipeline is decided, then each time a tick changes it, until KEDA hangs up.</summary>
    public override async Task StreamIsActive(ScaledObjectRef request, IServerStreamWriter<IsActiveResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var pipeline = pipelines.PipelineOf(request);
        bool? sent = null;
        var tick = 0L;
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var status = await pipelines.Board.NextAsync(tick, context.CancellationToken).ConfigureAwait(false);
                tick = status.Tick;
                if (KedaPipelineLookup.Decided(status, pipeline) is not { } decided || KedaMetric.IsActive(decided) == sent)
                {
                    continue;
                }

                sent = KedaMetric.IsActive(decided);
                await responseStream.WriteAsync(new IsActiveResponse { Result = sent.Value }, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // KEDA closed the stream (or the agent stops).
        }
    }

    /// <inheritdoc />
    public override Task<GetMetricSpecResponse> GetMetricSpec(ScaledObjectRef request, ServerCallContext context)
    {
        var pipeline = pipelines.PipelineOf(request);
        var spec = new MetricSpec
        {
            MetricName = KedaMetric.NameOf(pipeline),
            TargetSize = (long)KedaMetric.TargetPerPod,
            TargetSizeFloat = KedaMetric.TargetPerPod,
        };
        return Task.FromResult(new GetMetricSpecResponse { MetricSpecs = { spec } });
    }

    /// <inheritdoc />
    public override Task<GetMetricsResponse> GetMetrics(GetMetricsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = pipelines.PipelineOf(request.ScaledObjectRef);
        var value = KedaMetric.ValueOf(pipelines.StatusOf(pipeline));
        var metric = new MetricValue { MetricName = KedaMetric.NameOf(pipeline), MetricValue_ = (long)Math.Ceiling(value), MetricValueFloat = value };
        return Task.FromResult(new GetMetricsResponse { MetricValues = { metric } });
    }
}
