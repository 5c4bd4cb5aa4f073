namespace Force12.Queues.Nomad;

/// <summary>The retry of a scale that Nomad refuses during an active deployment.</summary>
public sealed partial class NomadPodOrchestrator
{
    /// <summary>Sets the count, retrying while Nomad answers 400 for an active deployment; the failure line when that outlasts the tries, else null.</summary>
    private async Task<string?> ScaleWhileDeployingAsync(string pipeline, NomadPipelineSettings target, int replicas, CancellationToken cancellationToken)
    {
        var message = $"force12: scale pipeline '{pipeline}' to {replicas}";
        var delay = Options.DeploymentRetryBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.ScaleAsync(target.Job, target.Group, replicas, message, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (NomadApiException e) when (e.IsBlockedByDeployment)
            {
                if (attempt >= Options.DeploymentRetries)
                {
                    return $"{target.Target} at {Options.Address}: scale to {replicas} refused {attempt} times during an active deployment ({e.Body}); the next tick tries again";
                }

                NomadLog.BlockedByDeployment(_logger, pipeline, target.Target, replicas, delay, attempt, Options.DeploymentRetries);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }
}
