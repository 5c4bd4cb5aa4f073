using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// What <c>force12 demo</c> runs: the pipelines, their load and the shared pool. <c>single</c> (the default) is
/// the bulbs pipeline alone with a slot per partition; <c>priorities</c> is the seed's demo, bulbs at priority 1
/// and a background job at priority 2 on a fixed pool of 9 pod slots.
/// </summary>
internal sealed record DemoScenario
{
    /// <summary>The bulbs pipeline alone.</summary>
    public const string Single = "single";

    /// <summary>Bulbs (priority 1) and a background job (priority 2) sharing 9 pod slots.</summary>
    public const string Priorities = "priorities";

    /// <summary>Pod slots of the <c>priorities</c> pool.</summary>
    public const int PrioritiesPodSlots = 9;

    /// <summary>Name of the background pipeline (and its topic) in <c>priorities</c>.</summary>
    public const string Background = "backfill";

    /// <summary><see cref="Single"/> or <see cref="Priorities"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Most pods that may exist at once over all pipelines.</summary>
    public required int PodSlots { get; init; }

    /// <summary>The pipelines, priority 1 first.</summary>
    public required IReadOnlyList<DemoPipeline> Pipelines { get; init; }

    /// <summary>The scenario <paramref name="options"/> name, with its load drawn from <paramref name="random"/>.</summary>
    public static DemoScenario For(DemoOptions options, SplitMixRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenario == Single)
        {
            return new DemoScenario { Name = Single, PodSlots = options.Partitions, Pipelines = [Bulbs(options, options.Partitions, random)] };
        }

        // Bulbs may take 8 of the 9 slots: the background job keeps its minimum of one. The background job asks
        // for more than is left (400 messages/s at 50 per pod, and a backlog it drains when it gets slots back),
        // so every slot bulbs leaves is used.
        var bulbs = Bulbs(options, PrioritiesPodSlots - 1, random);
        var background = new DemoPipeline
        {
            Name = Background,
            Priority = 2,
            Sla = TimeSpan.FromSeconds(60),
            Partitions = PrioritiesPodSlots,
            WorkMilliseconds = 20,
            Rate = new ConstantRate(400, null),
        };
        return new DemoScenario { Name = Priorities, PodSlots = PrioritiesPodSlots, Pipelines = [bulbs, background] };
    }

    private static DemoPipeline Bulbs(DemoOptions options, int partitions, SplitMixRandomSource random) => new()
    {
        Name = "bulbs",
        Priority = 1,
        Sla = options.Sla,
        Partitions = partitions,
        WorkMilliseconds = options.WorkMilliseconds,
        Rate = new SumRate(
            null,
            new RandomWalkRate(100, 20, 250, TimeSpan.FromSeconds(3), 0.5, random.NextDouble, null),
            DuskSpikeTrace.Burst(0, options.Bulbs, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), null)),
    };
}
