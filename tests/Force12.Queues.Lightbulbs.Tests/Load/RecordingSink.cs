using Force12.Queues.Lightbulbs.Load;

namespace Force12.Queues.Lightbulbs.Tests.Load;

/// <summary>A sink that acknowledges every message at once and keeps them, with the fake clock's time of each send.</summary>
internal sealed class RecordingSink(TimeProvider time) : ILoadSink
{
    public List<(long Sequence, byte[] Key, byte[] Value, DateTimeOffset At)> Messages { get; } = [];

    public string Kind => "recording";

    public string Description => "recording sink";

    public LoadSinkCounters Counters { get; } = new();

    public ValueTask SendAsync(long sequence, byte[] key, byte[] value, CancellationToken cancellationToken)
    {
        lock (Messages)
        {
            Messages.Add((sequence, key, value, time.GetUtcNow()));
        }

        Counters.Acknowledge();
        return ValueTask.CompletedTask;
    }

    public Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public int Count
    {
        get
        {
            lock (Messages)
            {
                return Messages.Count;
            }
        }
    }
}
