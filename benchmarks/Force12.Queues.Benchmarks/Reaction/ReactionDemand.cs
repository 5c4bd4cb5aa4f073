using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Benchmarks.Reaction;

/// <summary>A demand the benchmark switches by hand: the rate in messages per second until changed; never ends.</summary>
internal sealed class ReactionDemand(double initialRate) : IDemandTrace
{
    private double _rate = initialRate;

    public string Name => "reaction";

    public TimeSpan? Duration => null;

    public double Rate
    {
        get => Volatile.Read(ref _rate);
        set => Volatile.Write(ref _rate, value);
    }

    public double RateAt(double seconds) => Rate;

    public string Describe() => $"switched by hand, now {Rate:0} msg/s";
}
