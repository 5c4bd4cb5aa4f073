namespace Force12.Queues.Simulation.Engine;

/// <summary>Message delays weighted by count, in fixed bins, for the p99 and the share within the SLA.</summary>
internal sealed class DelayHistogram(double slaSeconds)
{
    private const double BinSeconds = 0.02;
    private readonly double[] _bins = new double[60_000];
    private readonly double _slaSeconds = slaSeconds;

    public double Total { get; private set; }

    public double WithinSla { get; private set; }

    public void Add(double delaySeconds, double count)
    {
        if (count <= 0)
        {
            return;
        }

        Total += count;
        if (delaySeconds <= _slaSeconds + 1e-9)
        {
            WithinSla += count;
        }

        var bin = (int)Math.Min(_bins.Length - 1, Math.Max(0, delaySeconds / BinSeconds));
        _bins[bin] += count;
    }

    /// <summary>The delay (upper edge of its bin) below which <paramref name="quantile"/> of messages fall.</summary>
    public double Quantile(double quantile)
    {
        var target = Total * quantile;
        var seen = 0.0;
        for (var i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= target && seen > 0)
            {
                return (i + 1) * BinSeconds;
            }
        }

        return 0;
    }
}
