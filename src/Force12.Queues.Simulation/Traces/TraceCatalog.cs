namespace Force12.Queues.Simulation.Traces;

/// <summary>
/// The built-in traces by name. Each entry is a factory, so adding a trace is one line here and no
/// switch elsewhere; CSV traces are read by the caller with <see cref="CsvTrace.Parse"/>.
/// </summary>
public static class TraceCatalog
{
    private static readonly Dictionary<string, (string Description, Func<TraceContext, IDemandTrace> Create)> Traces =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["dusk"] = ("100,000 smart bulbs: 1,667 msg/s of heartbeats plus 10 msgs per bulb switching on, 95% within 3 min of dusk at 10 min; 30 min",
                c => new DuskSpikeTrace { Duration = c.Duration ?? TimeSpan.FromMinutes(30) }),
            ["random"] = ("original Force12 demo: demand moves by -3..+3 pods every 3 s (0..40 pods x pod throughput); 30 min",
                c => new RandomDemandTrace(c.Random, c.Duration ?? TimeSpan.FromMinutes(30), c.PodThroughput)),
            ["steps"] = ("1,000 msg/s with 2-minute bursts of 5,000 msg/s every 10 min from 5 min; 30 min",
                c => new StepBurstTrace { Duration = c.Duration ?? TimeSpan.FromMinutes(30) }),
            ["diurnal"] = ("a day compressed into the run: 500 msg/s at night to 5,000 msg/s at midday; 1 h",
                c => new DiurnalTrace { Duration = c.Duration ?? TimeSpan.FromHours(1) }),
            ["dusk-week"] = ("100,000 smart bulbs from a Monday: 1,667 msg/s of heartbeats and a dusk spike a day around 17:00 (moved by up to 20 min, sized +-20%, weekends at 60%); 7 days",
                c => new DuskWeekTrace(c.Random, days: c.Duration is { } d ? Math.Max(1, (int)Math.Ceiling(d.TotalDays)) : 7)),
        };

    /// <summary>Names of the built-in traces.</summary>
    public static IEnumerable<string> Names => Traces.Keys;

    /// <summary>A one-line description of trace <paramref name="name"/>.</summary>
    public static string Describe(string name) => Traces[name].Description;

    /// <summary>Whether <paramref name="name"/> is a built-in trace.</summary>
    public static bool Contains(string name) => Traces.ContainsKey(name);

    /// <summary>Creates built-in trace <paramref name="name"/>; throws <see cref="ArgumentException"/> naming the known traces otherwise.</summary>
    public static IDemandTrace Create(string name, TraceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Traces.TryGetValue(name, out var entry)
            ? entry.Create(context)
            : throw new ArgumentException($"Unknown trace '{name}'. Built-in traces: {string.Join(", ", Names)}; or a path ending in .csv.", nameof(name));
    }
}
