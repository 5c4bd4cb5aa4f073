using Force12.Queues.Core.Lag;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// The control loop's calls into plugins (collectors, orchestrators), with every failure turned into a value: a plugin
/// that throws, answers nothing or runs past its timeout fails its own pipeline for the tick and nothing else. Only the
/// agent's own cancellation passes through as <see cref="OperationCanceledException"/>.
/// </summary>
internal static class PluginCalls
{
    /// <summary>
    /// Collects within <paramref name="timeout"/>. A collector that throws (a source's answer its parser could not read,
    /// a bug) or gives no result fails with <see cref="LagErrorKind.Other"/> and the exception's type and message, built
    /// with the collector's own <see cref="ILagCollector.Failure"/>; the exception comes back too, for the log.
    /// </summary>
    public static async Task<(LagCollectionResult Result, Exception? Exception)> CollectAsync(
        ILagCollector collector, TimeSpan timeout, TimeProvider time, CancellationToken stopping)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeoutSource.Token);
        try
        {
            var result = await collector.CollectAsync(linked.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The {collector.Kind} collector returned no result.");
            return (result, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return (LagCollectionResult.Failure(collector.Failure(
                LagErrorKind.Unreachable, $"no answer within the collect timeout ({timeout.TotalSeconds:0.###} s)")), null);
        }
        catch (Exception e)
        {
            return (LagCollectionResult.Failure(collector.Failure(LagErrorKind.Other, $"the collector failed: {Describe(e)}")), e);
        }
    }

    /// <summary>Lists the pipeline's pods; a listing that throws or gives nothing comes back as its exception.</summary>
    public static async Task<(IReadOnlyList<PodInfo>? Pods, Exception? Exception)> ListPodsAsync(
        IPodOrchestrator orchestrator, string pipeline, CancellationToken stopping)
    {
        try
        {
            var pods = await orchestrator.ListPodsAsync(pipeline, stopping).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The {orchestrator.Kind} orchestrator returned no pod list.");
            return (pods, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    /// <summary>Scales the pipeline's pods; the exception when the call throws, else null.</summary>
    public static async Task<(PodOperationResult? Result, Exception? Exception)> ScaleAsync(IPodOrchestrator orchestrator, PodTemplate pod, int replicas)
    {
        // Not tied to the tick's token: a scale operation, once begun, finishes (a half-done stop would strand pods).
        try
        {
            var result = await orchestrator.ScaleAsync(pod, replicas, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The {orchestrator.Kind} orchestrator returned no scale result.");
            return (result, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    /// <summary>The exception as the status and logs show it: its type and message, and the first inner exception's.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return exception.InnerException is { } inner ? $"{text} ({inner.GetType().Name}: {inner.Message})" : text;
    }
}
