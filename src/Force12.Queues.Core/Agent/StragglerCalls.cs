using System.Collections.Concurrent;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// Plugin calls the control loop stopped waiting for (they ignored the timeout's cancellation), by pipeline and call.
/// While one still runs, the loop does not start another for the same pipeline, so a plugin that never returns costs
/// one call, not one per tick. A straggler's eventual exception is observed here and dropped (its tick already failed).
/// </summary>
internal sealed class StragglerCalls(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Pipeline, string Call), (Task Task, long StartedAt)> _calls = new();

    /// <summary>How long the abandoned <paramref name="call"/> of <paramref name="pipeline"/> has run, or null when none runs.</summary>
    public TimeSpan? Running(string pipeline, string call)
    {
        if (!_calls.TryGetValue((pipeline, call), out var straggler))
        {
            return null;
        }

        if (straggler.Task.IsCompleted)
        {
            _calls.TryRemove((pipeline, call), out _);
            return null;
        }

        return time.GetElapsedTime(straggler.StartedAt);
    }

    /// <summary>Records <paramref name="task"/>, started at timestamp <paramref name="startedAt"/>, as abandoned until it completes.</summary>
    public void Abandon(string pipeline, string call, Task task, long startedAt)
    {
        ArgumentNullException.ThrowIfNull(task);
        _calls[(pipeline, call)] = (task, startedAt);
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
