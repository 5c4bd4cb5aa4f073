using System.Collections.Concurrent;
using System.Diagnostics;

namespace Force12.Queues.Benchmarks.Pods;

/// <summary>The calls recorded by <see cref="TimedDockerClient"/>, and which pod each container id belongs to.</summary>
public sealed class DockerCallLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ConcurrentQueue<DockerCall> Calls { get; } = new();

    public ConcurrentDictionary<string, (string Pod, int Index)> Containers { get; } = new(StringComparer.Ordinal);

    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public void Clear() => Calls.Clear();
}
