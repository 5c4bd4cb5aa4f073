using System.Collections.Immutable;

namespace Force12.Queues.Core.Scaling;

/// <summary>
/// Recent pod needs, kept so that a scale-down waits until a lower need has held for the stabilisation
/// window (the highest need seen in the window wins). Immutable: <see cref="Record"/> returns a new history.
/// Only needs that could still be the window's maximum are kept, so the size stays small.
/// </summary>
public sealed record StabilisationHistory
{
    /// <summary>No history: the first decision sees only its own need.</summary>
    public static StabilisationHistory Empty { get; } = new();

    /// <summary>(time, need) points, oldest first, with strictly decreasing needs.</summary>
    public ImmutableArray<NeedPoint> Points { get; init; } = [];

    /// <summary>Adds the need seen at <paramref name="at"/>, dropping points older than <paramref name="window"/>.</summary>
    public StabilisationHistory Record(DateTimeOffset at, int need, TimeSpan window)
    {
        var builder = ImmutableArray.CreateBuilder<NeedPoint>(Points.Length + 1);
        foreach (var point in Points)
        {
            // A point is still useful only while it is inside the window and higher than the new need.
            if (at - point.At < window && point.Pods > need)
            {
                builder.Add(point);
            }
        }

        builder.Add(new NeedPoint(at, need));
        return new StabilisationHistory { Points = builder.ToImmutable() };
    }

    /// <summary>The need recorded last (the previous decision's), or <paramref name="fallback"/> when empty.</summary>
    public int LatestNeed(int fallback) => Points.IsDefaultOrEmpty ? fallback : Points[^1].Pods;

    /// <summary>The highest need in the window (the first point), or <paramref name="fallback"/> when empty.</summary>
    public int HighestNeed(int fallback) => Points.IsDefaultOrEmpty ? fallback : Points[0].Pods;
}
