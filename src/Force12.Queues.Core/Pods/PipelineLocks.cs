using System.Collections.Concurrent;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// One asynchronous lock per pipeline, so an orchestrator's calls for one pipeline never interleave (the contract of
/// <see cref="IPodOrchestrator"/>) while other pipelines go on. Shared by every orchestrator kind. Nothing to dispose:
/// the semaphores never create a wait handle.
/// </summary>
public sealed class PipelineLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the pipeline's lock; disposing the result releases it (once, however often it is disposed).</summary>
    public async Task<IDisposable> AcquireAsync(string pipeline, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(pipeline, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }


    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
