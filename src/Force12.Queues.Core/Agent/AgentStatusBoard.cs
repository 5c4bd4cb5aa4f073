namespace Force12.Queues.Core.Agent;

/// <summary>
/// Where the control loop publishes each tick's <see cref="AgentStatus"/> and where the HTTP
/// endpoints and the live page read it. Keeps a bounded history so a page opened late still shows
/// the recent past. Thread-safe: one writer (the loop), many readers.
/// The history keeps each pipeline's figures and reason code for every tick, but two things only for the newest:
/// the per-partition snapshots (<see cref="PipelineStatus.Units"/>; 600 ticks x 1,000 partitions of them is over
/// 100 MB) and the reason sentence (<see cref="PipelineStatus.Reason"/>; a few hundred bytes per pipeline and tick,
/// an estimated 2-4 MB over 600 ticks of 10 pipelines, not separable from the GC's noise in the resource benchmark,
/// for text that only the newest tick shows).
/// </summary>
public sealed class AgentStatusBoard
{
    /// <summary>Default number of ticks kept: ten minutes at the default 1 s poll interval.</summary>
    public const int DefaultHistoryLength = 600;

    private readonly Lock _gate = new();
    private readonly Queue<AgentStatus> _history;
    private readonly int _historyLength;
    private AgentStatus _current = AgentStatus.Empty;
    private AgentStatus _newest = AgentStatus.Empty;
    private TaskCompletionSource<AgentStatus> _next = NewWaiter();

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
        TaskCompletionSource<AgentStatus> published;
        lock (_gate)
        {
            if (_history.Count == _historyLength)
            {
                _history.Dequeue();
            }

            _newest = WithoutUnits(status);
            _history.Enqueue(WithoutReasons(_newest));
            Volatile.Write(ref _current, status);
            published = _next;
            _next = NewWaiter();
        }

        // Outside the lock; continuations run asynchronously, so a reader never runs on the loop's thread.
        published.TrySetResult(status);
    }

    /// <summary>
    /// The first status published with a tick number greater than <paramref name="afterTick"/>: <see cref="Current"/> at
    /// once when it is already newer, else the next one published. Lets readers (the KEDA scaler's activity stream)
    /// react within the tick that changed something, without polling.
    /// </summary>
    public async Task<AgentStatus> NextAsync(long afterTick, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<AgentStatus> next;
            lock (_gate)
            {
                if (_current.Tick > afterTick)
                {
                    return _current;
                }

                next = _next.Task;
            }

            var status = await next.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (status.Tick > afterTick)
            {
                return status;
            }
        }
    }

    private static TaskCompletionSource<AgentStatus> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The published statuses with a tick number greater than <paramref name="afterTick"/>, oldest first, without
    /// per-partition snapshots (<see cref="PipelineStatus.Units"/> is null; <see cref="Current"/> has them). Only the
    /// newest carries the reason sentence (<see cref="PipelineStatus.Reason"/>); older ones have an empty one and
    /// keep their <see cref="PipelineStatus.ReasonCode"/>.
    /// A tick number beyond the newest one this board published can only come from an earlier run of the agent
    /// (ticks count from 1 again after a restart): the whole history is returned then, and its first status has a
    /// tick number not above <paramref name="afterTick"/>, which tells the reader to start over.
    /// </summary>
    public IReadOnlyList<AgentStatus> Since(long afterTick)
    {
        lock (_gate)
        {
            var fromEarlierRun = _history.Count > 0 && afterTick > _newest.Tick;
            var since = _history.Where(s => fromEarlierRun || s.Tick > afterTick).ToArray();
            if (since.Length > 0)
            {
                since[^1] = _newest;
            }

            return since;
        }
    }

    private static AgentStatus WithoutUnits(AgentStatus status) =>
        status.Pipelines.All(p => p.Units is null)
            ? status
            : status with { Pipelines = status.Pipelines.Select(p => p.Units is null ? p : p with { Units = null }).ToArray() };

    private static AgentStatus WithoutReasons(AgentStatus status) =>
        status.Pipelines.All(p => p.Reason.Length == 0)
            ? status
            : status with { Pipelines = status.Pipelines.Select(p => p with { Reason = "" }).ToArray() };
}
