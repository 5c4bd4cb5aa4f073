using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Agent;

/// <summary>
/// Reports a pipeline's collection outcome: a streak of failures is logged once when it starts (1002) and once when it
/// ends (1007), while the observer (metrics) hears of every failed poll.
/// </summary>
internal static class CollectionStreaks
{
    /// <summary>Logs the start or end of a streak, given the pipeline's state before this tick, and tells the observer of a failure.</summary>
    public static void Report(ILogger logger, IControlLoopObserver observer, PipelineConfiguration pipeline,
        (LagCollectionResult Result, Exception? Exception) collection, PipelineState previous)
    {
        if (collection.Result.Succeeded)
        {
            if (previous.ConsecutiveFailedPolls > 0)
            {
                ControlLoopLog.CollectionRecovered(logger, pipeline.Name, previous.ConsecutiveFailedPolls);
            }

            return;
        }

        if (previous.ConsecutiveFailedPolls == 0)
        {
            ControlLoopLog.CollectionFailed(logger, pipeline.Name, collection.Result.Error.ToString(), pipeline.Policy.FallbackAfterFailedPolls, collection.Exception);
        }

        observer.CollectionFailed(pipeline.Name, collection.Result.Error);
    }
}
