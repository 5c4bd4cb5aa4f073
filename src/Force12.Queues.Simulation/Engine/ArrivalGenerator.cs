using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Simulation.Engine;

/// <summary>
/// Producers of one pipeline: per tick, a Poisson-like count per partition around the trace's rate.
/// Seeded per pipeline so every strategy (and the oracle) sees exactly the same messages.
/// </summary>
internal sealed class ArrivalGenerator
{
    private readonly IRandomSource _random;
    private readonly SimulatedPipeline _pipeline;
    private readonly double _tickSeconds;

    public ArrivalGenerator(SimulatedPipeline pipeline, ulong seed, int pipelineIndex, double tickSeconds)
    {
        _pipeline = pipeline;
        _tickSeconds = tickSeconds;
        _random = new SplitMixRandomSource(unchecked((seed * 0x9E3779B97F4A7C15UL) + (ulong)pipelineIndex + 1));
    }

    /// <summary>Fills <paramref name="perPartition"/> with the messages that arrive in the tick starting at <paramref name="seconds"/>.</summary>
    public void Next(double seconds, Span<double> perPartition)
    {
        var mean = _pipeline.Trace.RateAt(seconds) * _tickSeconds / perPartition.Length;
        for (var p = 0; p < perPartition.Length; p++)
        {
            perPartition[p] = _random.NextCount(mean);
        }
    }
}
