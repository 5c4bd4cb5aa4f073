using Docker.DotNet;

namespace Force12.Queues.Swarm;

/// <summary>Turns the engine's refusals of a read into errors naming the service and the pipeline (for example "not a swarm manager").</summary>
internal static class SwarmErrors
{
    /// <summary>Runs <paramref name="read"/>; an engine refusal becomes an <see cref="InvalidOperationException"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> ReadAsync<T>(string pipeline, string service, string what, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException(
                $"Swarm service '{service}' of pipeline '{pipeline}': the engine refused to {what}: {(int)e.StatusCode} {e.ResponseBody?.Trim()}", e);
        }
    }
}
