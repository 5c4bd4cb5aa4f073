namespace Force12.Queues.Marathon;

/// <summary>The retry of writes that a deployment lock refuses.</summary>
public sealed partial class MarathonPodOrchestrator
{
    /// <summary>Runs <paramref name="write"/>, retrying while Marathon answers 409; the failure line when the lock outlasts the tries, else null.</summary>
    private async Task<string?> WhileLockedAsync(string pipeline, string app, string action, Func<Task> write, CancellationToken cancellationToken)
    {
        var delay = Options.LockedRetryBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write().ConfigureAwait(false);
                return null;
            }
            catch (MarathonApiException e) when (e.IsLockedByDeployment)
            {
                if (attempt >= Options.LockedRetries)
                {
                    return $"Marathon at {Options.Url}, app '{app}': {action} refused {attempt} times while a deployment locks the app ({e.Body}); the next tick tries again";
                }

                MarathonLog.LockedByDeployment(_logger, pipeline, app, action, delay, attempt, Options.LockedRetries);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }
}
