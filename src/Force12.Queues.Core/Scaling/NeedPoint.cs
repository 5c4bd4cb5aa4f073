namespace Force12.Queues.Core.Scaling;

/// <summary>One pod need remembered by <see cref="StabilisationHistory"/>.</summary>
/// <param name="At">When the need was computed.</param>
/// <param name="Pods">The need in pods.</param>
public readonly record struct NeedPoint(DateTimeOffset At, int Pods);
