using System.Collections.Concurrent;

namespace Force12.Queues.Core.Pods;

/// <summary>One asynchronous lock per pipeline, so calls for one pipeline never interleave.</summary>
internal sealed class PipelineLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string pipeline, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(pipeline, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
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
