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
    /// <summary>What <see cref="StragglerCalls"/> calls a collection.</summary>
    public const string Collection = "collection";

    /// <summary>What <see cref="StragglerCalls"/> calls a pod listing.</summary>
    public const string Listing = "pod listing";

    /// <summary>The shortest bound on a pod listing: an engine's listing is slower than a lag query under load, and a late one only delays the tick.</summary>
    public static readonly TimeSpan MinListingTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The bound on a pod listing: <paramref name="collectTimeout"/>, or <see cref="MinListingTimeout"/> when that is longer.</summary>
    public static TimeSpan ListingTimeout(TimeSpan collectTimeout) => collectTimeout > MinListingTimeout ? collectTimeout : MinListingTimeout;

    /// <summary>
    /// Collects within <paramref name="timeout"/>. A collector that throws (a source's answer its parser could not read,
    /// a bug) or gives no result fails with <see cref="LagErrorKind.Other"/> and the exception's type and message, built
    /// with the collector's own <see cref="ILagCollector.Failure"/>; the exception comes back too, for the log. A collector
    /// that ignores the timeout's cancellation is left running in <paramref name="stragglers"/> and not called again for
    /// <paramref name="pipeline"/> until it returns.
    /// </summary>
    public static async Task<(LagCollectionResult Result, Exception? Exception)> CollectAsync(
        ILagCollector collector, string pipeline, TimeSpan timeout, TimeProvider time, StragglerCalls stragglers, CancellationToken stopping)
    {
        if (stragglers.Running(pipeline, Collection) is { } running)
        {
            return (LagCollectionResult.Failure(collector.Failure(LagErrorKind.Unreachable, StillRunning(Collection, running))), null);
        }

        var (result, exception) = await CallAsync(pipeline, Collection, collector.CollectAsync, timeout, time, stragglers, stopping).ConfigureAwait(false);
        return exception switch
        {
            null when result is not null => (result, null),
            null => (LagCollectionResult.Failure(collector.Failure(LagErrorKind.Other, $"the {collector.Kind} collector returned no result")), null),
            TimeoutException => (LagCollectionResult.Failure(collector.Failure(LagErrorKind.Unreachable, exception.Message)), null),
            _ => (LagCollectionResult.Failure(collector.Failure(LagErrorKind.Other, $"the collector failed: {Describe(exception)}")), exception),
        };
    }

    /// <summary>
    /// Lists the pipeline's pods within <paramref name="timeout"/>; a listing that throws, gives nothing or runs past the
    /// timeout comes back as its exception (a <see cref="TimeoutException"/> for the timeout). A listing that ignores the
    /// cancellation is left running in <paramref name="stragglers"/>, and no other starts for the pipeline until it returns.
    /// </summary>
    public static async Task<(IReadOnlyList<PodInfo>? Pods, Exception? Exception)> ListPodsAsync(
        IPodOrchestrator orchestrator, string pipeline, TimeSpan timeout, TimeProvider time, StragglerCalls stragglers, CancellationToken stopping)
    {
        if (stragglers.Running(pipeline, Listing) is { } running)
        {
            return (null, new TimeoutException(StillRunning(Listing, running)));
        }

        var (pods, exception) = await CallAsync(pipeline, Listing, ct => orchestrator.ListPodsAsync(pipeline, ct), timeout, time, stragglers, stopping)
            .ConfigureAwait(false);
        return pods is null && exception is null
            ? (null, new InvalidOperationException($"The {orchestrator.Kind} orchestrator returned no pod list."))
            : (pods, exception);
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

    /// <summary>
    /// Runs <paramref name="call"/> until it answers, <paramref name="timeout"/> passes (a <see cref="TimeoutException"/>
    /// naming the call) or the agent stops (rethrown). Stops waiting even when the plugin ignores the cancellation, and then
    /// leaves the call running in <paramref name="stragglers"/>.
    /// </summary>
    private static async Task<(T? Result, Exception? Exception)> CallAsync<T>(
        string pipeline, string what, Func<CancellationToken, Task<T>> call, TimeSpan timeout, TimeProvider time, StragglerCalls stragglers,
        CancellationToken stopping)
        where T : class
    {
        var startedAt = time.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeoutSource.Token);
        Task<T>? task = null;
        try
        {
            task = call(linked.Token);
            return (await task.WaitAsync(linked.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            if (task is { IsCompleted: false })
            {
                stragglers.Abandon(pipeline, what, task, startedAt);
            }

            var seconds = timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            return (null, new TimeoutException(what == Collection ? $"no answer within the collect timeout ({seconds} s)" : $"no answer within {seconds} s"));
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    private static string StillRunning(string what, TimeSpan running) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the previous {what} has not returned after {running.TotalSeconds:0.#} s (it ignored its timeout); not starting another");

    /// <summary>The exception as the status and logs show it: its type and message, and the first inner exception's.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return exception.InnerException is { } inner ? $"{text} ({inner.GetType().Name}: {inner.Message})" : text;
    }
}
