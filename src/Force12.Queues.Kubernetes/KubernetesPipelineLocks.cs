namespace Force12.Queues.Kubernetes;

/// <summary>One gate per pipeline, so calls for one pipeline are serialized (a scale never races a stop of the same workload).</summary>
internal sealed class KubernetesPipelineLocks
{
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the pipeline's gate; disposing the result releases it (once).</summary>
    public async Task<IDisposable> AcquireAsync(string pipeline, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            gate = _gates.TryGetValue(pipeline, out var existing) ? existing : _gates[pipeline] = new SemaphoreSlim(1, 1);
        }

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
