namespace Force12.Queues.Simulation.Engine;

/// <summary>One partition: a FIFO of arrival cohorts (fluid message counts), its offsets, owner and pause.</summary>
internal sealed class SimPartition
{
    private readonly Queue<(double ArrivedAt, double Count)> _cohorts = new();
    private double _headConsumed;

    public double Backlog { get; private set; }

    /// <summary>Messages ever appended (log-end offset).</summary>
    public double LogEnd { get; private set; }

    /// <summary>Messages ever processed (committed offset).</summary>
    public double Committed { get; private set; }

    /// <summary>Id of the consuming pod, or -1.</summary>
    public int Owner { get; set; } = -1;

    /// <summary>No processing before this time (rebalance pause), seconds.</summary>
    public double PausedUntil { get; set; }

    public double HeadArrivedAt => _cohorts.Count == 0 ? double.PositiveInfinity : _cohorts.Peek().ArrivedAt;

    public void Append(double seconds, double count)
    {
        if (count <= 0)
        {
            return;
        }

        _cohorts.Enqueue((seconds, count));
        Backlog += count;
        LogEnd += count;
    }

    /// <summary>Processes up to <paramref name="budget"/> messages of the head cohort; returns how many and when they arrived.</summary>
    public (double Count, double ArrivedAt) ConsumeHead(double budget)
    {
        var (arrivedAt, count) = _cohorts.Peek();
        var take = Math.Min(budget, count - _headConsumed);
        _headConsumed += take;
        if (count - _headConsumed <= 1e-9)
        {
            _cohorts.Dequeue();
            _headConsumed = 0;
        }

        Backlog = Math.Max(0, Backlog - take);
        Committed += take;
        return (take, arrivedAt);
    }

    /// <summary>Unprocessed messages grouped by arrival time (for scoring what is left at the end).</summary>
    public IEnumerable<(double ArrivedAt, double Count)> Remaining()
    {
        var first = true;
        foreach (var (arrivedAt, count) in _cohorts)
        {
            yield return (arrivedAt, first ? count - _headConsumed : count);
            first = false;
        }
    }
}
