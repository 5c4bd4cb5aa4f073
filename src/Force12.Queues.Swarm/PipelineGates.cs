using System.Collections.Concurrent;

namespace Force12.Queues.Swarm;

/// <summary>One asynchronous lock per pipeline, so an orchestrator's calls for one pipeline never interleave.</summary>
internal sealed class PipelineGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the pipeline's lock; disposing the result releases it.</summary>
    public async Task<IDisposable> AcquireAsync(string pipeline, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(pipeline, _ => new SemaphoreSlim(1, 1));
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
