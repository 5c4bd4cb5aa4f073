using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// Each pipeline's orchestrator calls that threw, kept as streaks per operation (listing pods, scaling): a streak is
/// logged when it starts, with the exception, and when the operation works again, not on every tick, and its error
/// shows in the pipeline's status while it lasts. Used on the loop's thread only.
/// </summary>
internal sealed class OrchestratorFaults(ILogger logger)
{
    /// <summary>The operation that lists a pipeline's pods.</summary>
    public const string Listing = "listing pods";

    /// <summary>The operation that scales a pipeline's pods.</summary>
    public const string Scaling = "scaling";

    private readonly Dictionary<(string Pipeline, string Operation), Streak> _streaks = new();

    /// <summary>Records the outcome of one call: <paramref name="exception"/> when it threw, null when it worked.</summary>
    public void Record(string pipeline, string operation, Exception? exception)
    {
        var key = (pipeline, operation);
        var ongoing = _streaks.TryGetValue(key, out var streak);
        if (exception is null)
        {
            if (ongoing)
            {
                _streaks.Remove(key);
                ControlLoopLog.OrchestratorRecovered(logger, pipeline, operation, streak!.Failures);
            }

            return;
        }

        if (!ongoing)
        {
            ControlLoopLog.OrchestratorException(logger, pipeline, operation, exception);
        }

        _streaks[key] = new Streak($"{operation} failed: {PluginCalls.Describe(exception)}", (streak?.Failures ?? 0) + 1);
    }

    /// <summary>The pipeline's orchestrator error as the status shows it (listing first), or null when its calls work.</summary>
    public string? ErrorOf(string pipeline) =>
        _streaks.TryGetValue((pipeline, Listing), out var listing) ? listing.Error
        : _streaks.TryGetValue((pipeline, Scaling), out var scaling) ? scaling.Error
        : null;

    private sealed record Streak(string Error, int Failures);
}
