namespace Force12.Queues.Core.Agent;

/// <summary>
/// Where the control loop publishes each tick's <see cref="AgentStatus"/> and where the HTTP
/// endpoints and the live page read it. Keeps a bounded history so a page opened late still shows
/// the recent past. Thread-safe: one writer (the loop), many readers.
/// The history keeps each pipeline's totals but not its per-partition snapshots
/// (<see cref="PipelineStatus.Units"/>): those are for the current tick only (per-partition metrics), and keeping
/// them for every tick would hold history length x partitions snapshots (600 x 1,000 is over 100 MB).
/// </summary>
public sealed class AgentStatusBoard
{
    /// <summary>Default number of ticks kept: ten minutes at the default 1 s poll interval.</summary>
    public const int DefaultHistoryLength = 600;

    private readonly Lock _gate = new();
    private readonly Queue<AgentStatus> _history;
    private readonly int _historyLength;
    private AgentStatus _current = AgentStatus.Empty;

    /// <summary>Creates a board that keeps the last <paramref name="historyLength"/> ticks.</summary>
    public AgentStatusBoard(int historyLength = DefaultHistoryLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLength, 1);
        _historyLength = historyLength;
        _history = new Queue<AgentStatus>(historyLength);
    }

    /// <summary>The latest published status; <see cref="AgentStatus.Empty"/> before the first tick.</summary>
    public AgentStatus Current => Volatile.Read(ref _current);

    /// <summary>Publishes the status of a finished tick.</summary>
    public void Publish(AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_gate)
        {
            if (_history.Count == _historyLength)
            {
                _history.Dequeue();
            }

            _history.Enqueue(WithoutUnits(status));
            Volatile.Write(ref _current, status);
        }
    }

    /// <summary>
    /// The published statuses with a tick number greater than <paramref name="afterTick"/>, oldest first, without
    /// per-partition snapshots (<see cref="PipelineStatus.Units"/> is null; <see cref="Current"/> has them).
    /// </summary>
    public IReadOnlyList<AgentStatus> Since(long afterTick)
    {
        lock (_gate)
        {
            return _history.Where(s => s.Tick > afterTick).ToArray();
        }
    }

    private static AgentStatus WithoutUnits(AgentStatus status) =>
        status.Pipelines.All(p => p.Units is null)
            ? status
            : status with { Pipelines = status.Pipelines.Select(p => p.Units is null ? p : p with { Units = null }).ToArray() };
}
