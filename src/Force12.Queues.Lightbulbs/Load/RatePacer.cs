using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>
/// Clock-driven pacing: how many events are due by now is the integral of the rate from the start to
/// the current time on the injected clock, so late wake-ups and slow sends never make the run drift
/// (the sender catches up), and no sleep length decides the rate. Not thread-safe: one sender.
/// </summary>
public sealed class RatePacer
{
    /// <summary>Largest integration step; rates are sampled at least this often (1 ms).</summary>
    public static readonly TimeSpan IntegrationStep = TimeSpan.FromMilliseconds(1);

    /// <summary>Shortest wait returned by <see cref="UntilNext"/> (1 ms: timer resolution).</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    /// <summary>Longest wait returned by <see cref="UntilNext"/> (50 ms, so a rising rate is noticed quickly).</summary>
    public static readonly TimeSpan MaximumWait = TimeSpan.FromMilliseconds(50);

    private readonly IDemandTrace _rate;
    private readonly TimeProvider _time;
    private long _startTimestamp;
    private TimeSpan _integratedTo;
    private double _integral;

    /// <summary>Creates a pacer; call <see cref="Start"/> when sending begins.</summary>
    public RatePacer(IDemandTrace rate, TimeProvider time)
    {
        _rate = rate ?? throw new ArgumentNullException(nameof(rate));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Time since <see cref="Start"/>, capped at the pattern's duration.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            var elapsed = _time.GetElapsedTime(_startTimestamp);
            return _rate.Duration is { } d && elapsed > d ? d : elapsed;
        }
    }

    /// <summary>True once the pattern's duration has passed (never for an endless pattern).</summary>
    public bool Finished => _rate.Duration is { } d && _time.GetElapsedTime(_startTimestamp) >= d;

    /// <summary>Starts the clock.</summary>
    public void Start()
    {
        _startTimestamp = _time.GetTimestamp();
        _integratedTo = TimeSpan.Zero;
        _integral = 0;
    }

    /// <summary>The current target rate in events per second.</summary>
    public double CurrentRate => _rate.RateAt(Elapsed);

    /// <summary>Total events due from the start until now (whole events).</summary>
    public long DueNow() => (long)Math.Floor(IntegrateTo(Elapsed) + 1e-6);

    /// <summary>How long to wait before event number <paramref name="sent"/> + 1 is due, within [1 ms, 50 ms].</summary>
    public TimeSpan UntilNext(long sent)
    {
        var missing = sent + 1 - IntegrateTo(Elapsed);
        var rate = CurrentRate;
        if (rate <= 0)
        {
            return MaximumWait;
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0, missing) / rate);
        return wait < MinimumWait ? MinimumWait : wait > MaximumWait ? MaximumWait : wait;
    }

    private double IntegrateTo(TimeSpan until)
    {
        // Midpoint rule in steps of at most 1 ms: exact for constant and linear pieces.
        while (_integratedTo < until)
        {
            var step = until - _integratedTo;
            if (step > IntegrationStep)
            {
                step = IntegrationStep;
            }

            var rate = _rate.RateAt(_integratedTo + (step / 2));
            _integral += (double.IsFinite(rate) && rate > 0 ? rate : 0) * step.TotalSeconds;
            _integratedTo += step;
        }

        return _integral;
    }
}
