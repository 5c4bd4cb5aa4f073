using Force12.Queues.Core.Forecasting;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Simulation;

/// <summary>The scenarios the acceptance criteria name, shared by <c>force12 simulate</c> and the tests.</summary>
public static class BuiltInScenarios
{
    /// <summary>Names accepted by <c>force12 simulate --scenario</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["dusk", "two-priority", "dusk-week"];

    /// <summary>
    /// One pipeline "lights" on the dusk trace: 100 partitions, pods of 100 msg/s, SLA 10 s, 1..100 pods,
    /// policy defaults otherwise (prior 100 msg/s, 30 s scale-down window).
    /// </summary>
    public static IReadOnlyList<SimulatedPipeline> Dusk() => [Lights()];

    /// <summary>
    /// "lights" (priority 1, dusk) and "billing" (priority 2: 1,000 msg/s with a 4,000 msg/s burst for
    /// 2 minutes from 9 min, during the dusk peak) on a pool of <see cref="TwoPriorityPoolPods"/> pods,
    /// less than their joint peak of 150 (100 + 50 pods whose busiest pod keeps up).
    /// </summary>
    public static IReadOnlyList<SimulatedPipeline> TwoPriority() =>
    [
        Lights(),
        new SimulatedPipeline
        {
            Name = "billing",
            Priority = 2,
            Trace = new StepBurstTrace { BaseRate = 1_000, BurstRate = 4_000, FirstBurstAtSeconds = 540, BurstSeconds = 120, PeriodSeconds = 3_600 },
            Policy = new SlaPolicyOptions { MaxPods = 100 },
        },
    ];

    /// <summary>Pod slots shared in <see cref="TwoPriority"/>.</summary>
    public const int TwoPriorityPoolPods = 110;

    /// <summary>
    /// One pipeline "lights" over 7 days from a Monday (<see cref="DuskWeekTrace"/>: 100,000 bulbs, a dusk spike around
    /// 17:00 every day, moved by up to 20 minutes and sized +-20%, weekends at 60%), seeded by <paramref name="seed"/>.
    /// 20 partitions and pods of 500 msg/s (1..20 pods, prior 500 msg/s) keep a week fast to simulate (see
    /// <see cref="DuskWeekOptions"/>).
    /// </summary>
    public static IReadOnlyList<SimulatedPipeline> DuskWeek(ulong seed) =>
    [
        new SimulatedPipeline
        {
            Name = "lights",
            Trace = new DuskWeekTrace(new SplitMixRandomSource(seed ^ 0xD05CUL)),
            Partitions = 20,
            PodThroughput = 500,
            ServiceTimeSeconds = 0.002,
            Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 1, MaxPods = 20, PerPodThroughputPrior = 500 },
        },
    ];

    /// <summary>
    /// The world of <see cref="DuskWeek"/>: 1 s ticks (producers and pods; polls stay every 1 s), samples every 60 s,
    /// and the forecast on (margin 30 s over the 1 s pod start), so the comparison also runs <c>force12-forecast</c>.
    /// </summary>
    public static SimulationOptions DuskWeekOptions(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { TickSeconds = 1, SampleInterval = TimeSpan.FromSeconds(60), Forecast = options.Forecast ?? new ForecastOptions { Mode = ForecastMode.On } };
    }

    /// <summary>The pipelines of scenario <paramref name="name"/> (random traces drawn from <paramref name="seed"/>); throws <see cref="ArgumentException"/> naming the scenarios otherwise.</summary>
    public static IReadOnlyList<SimulatedPipeline> Create(string name, ulong seed = 1) => name switch
    {
        "dusk" => Dusk(),
        "two-priority" => TwoPriority(),
        "dusk-week" => DuskWeek(seed),
        _ => throw new ArgumentException($"Unknown scenario '{name}'. Scenarios: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>The pool of scenario <paramref name="name"/>, or <c>null</c> when unlimited.</summary>
    public static int? PoolPods(string name) => name == "two-priority" ? TwoPriorityPoolPods : null;

    private static SimulatedPipeline Lights() => new()
    {
        Name = "lights",
        Priority = 1,
        Trace = new DuskSpikeTrace(),
        Partitions = 100,
        PodThroughput = 100,
        Policy = new SlaPolicyOptions { Sla = TimeSpan.FromSeconds(10), MinPods = 1, MaxPods = 100 },
    };
}
