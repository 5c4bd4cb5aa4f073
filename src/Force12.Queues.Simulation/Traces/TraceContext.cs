using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Simulation.Traces;

/// <summary>What a trace factory may use.</summary>
/// <param name="Random">Seeded randomness for traces that draw their shape.</param>
/// <param name="PodThroughput">Messages per second of one pod (traces expressed in pods use it).</param>
/// <param name="Duration">Run length, or <c>null</c> for the trace's own default.</param>
public sealed record TraceContext(IRandomSource Random, double PodThroughput, TimeSpan? Duration);
