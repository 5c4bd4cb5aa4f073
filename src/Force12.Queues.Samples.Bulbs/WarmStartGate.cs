using Microsoft.Extensions.Logging;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>
/// The pod's side of the warm pod contract (docs/pod-contract.md), self-contained so it can be copied into any pod:
/// with <c>FORCE12_WARM=1</c> and <c>FORCE12_CONTROL_DIR</c> set, <see cref="WaitForPromotionAsync"/> creates the
/// <c>warm</c> file (atomically) and returns once the agent has created <c>consume</c>, watched with a
/// <see cref="FileSystemWatcher"/> plus a slow poll (watchers miss events on some file systems).
/// </summary>
internal sealed class WarmStartGate
{
    /// <summary>How often the folder is polled in case the watcher missed <c>consume</c>: 500 ms.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _controlDirectory;
    private readonly string _podName;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private WarmStartGate(string controlDirectory, string podName, TimeProvider time, ILogger logger)
    {
        (_controlDirectory, _podName, _time, _logger) = (controlDirectory, podName, time, logger);
    }

    /// <summary>The gate when the pod was started warm (<c>FORCE12_WARM=1</c> and a control folder); otherwise <c>null</c>: a cold start.</summary>
    public static WarmStartGate? FromEnvironment(TimeProvider time, ILogger logger)
    {
        var folder = Environment.GetEnvironmentVariable("FORCE12_CONTROL_DIR");
        return Environment.GetEnvironmentVariable("FORCE12_WARM") == "1" && !string.IsNullOrEmpty(folder)
            ? new WarmStartGate(folder, Environment.GetEnvironmentVariable("FORCE12_POD") ?? "pod", time, logger)
            : null;
    }

    /// <summary>Says "warm" and waits until told to consume; throws <see cref="OperationCanceledException"/> when stopped first.</summary>
    public async Task WaitForPromotionAsync(CancellationToken stopping)
    {
        var consume = Path.Combine(_controlDirectory, "consume");
        var promoted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Directory.CreateDirectory(_controlDirectory);
        using var watcher = new FileSystemWatcher(_controlDirectory, "consume");
        watcher.Created += (_, _) => promoted.TrySetResult();
        watcher.Renamed += (_, _) => promoted.TrySetResult();
        watcher.EnableRaisingEvents = true;

        // Watch first, then say warm: a promotion right after "warm" cannot be missed.
        var temp = Path.Combine(_controlDirectory, "warm.tmp");
        await File.WriteAllTextAsync(temp, _podName, stopping).ConfigureAwait(false);
        File.Move(temp, Path.Combine(_controlDirectory, "warm"), overwrite: true);
        var since = _time.GetTimestamp();
        SampleLog.WaitingForPromotion(_logger, _controlDirectory);
        while (!File.Exists(consume))
        {
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var delay = Task.Delay(PollInterval, _time, poll.Token);
            await Task.WhenAny(promoted.Task, delay).ConfigureAwait(false);
            await poll.CancelAsync().ConfigureAwait(false);
            stopping.ThrowIfCancellationRequested();
        }

        var waitedMs = _time.GetElapsedTime(since).TotalMilliseconds;
        SampleLog.Promoted(_logger, waitedMs);
    }
}
