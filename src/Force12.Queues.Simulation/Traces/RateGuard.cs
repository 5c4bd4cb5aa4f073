using System.Globalization;

namespace Force12.Queues.Simulation.Traces;

/// <summary>Argument checks shared by the rate patterns, with messages naming the parameter.</summary>
internal static class RateGuard
{
    public static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of events per second, 0 or more.");
        }
    }

    public static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }

    public static void PositiveOrNull(TimeSpan? value, string name)
    {
        if (value is { } v)
        {
            Positive(v, name);
        }
    }

    public static string For(TimeSpan? duration) =>
        duration is { } d ? string.Create(CultureInfo.InvariantCulture, $" for {d.TotalSeconds}s") : " until stopped";
}
