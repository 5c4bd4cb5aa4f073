using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

/// <summary>Builders shared by the scaling tests: a steady pipeline that individual tests vary.</summary>
internal static class PolicyInputs
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 18, 0, 0, TimeSpan.Zero);

    /// <summary>SLA 10 s, pods 1..100, prior 100 msg/s, 30 s stabilisation.</summary>
    public static SlaPolicyOptions Options { get; } = new();

    /// <summary>A pipeline whose partition count is unknown (pure SLA formula) unless <paramref name="partitions"/> is given.</summary>
    public static PolicyInput Steady(long backlog = 0, double arrivals = 0, int current = 1, int partitions = int.MaxValue) => new()
    {
        At = Start,
        BacklogMessages = backlog,
        ArrivalRatePerSecond = arrivals,
        ProcessingRatePerSecond = arrivals,
        UsefulParallelism = partitions,
        CurrentPods = current,
        ReadyPods = current,
    };
}
