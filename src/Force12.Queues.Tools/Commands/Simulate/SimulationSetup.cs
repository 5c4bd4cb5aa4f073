using Force12.Queues.Simulation;
using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Commands.Simulate;

/// <summary>Turns the command line into pipelines: <c>--pipeline</c> specs, else <c>--trace</c>, else a scenario.</summary>
internal static class SimulationSetup
{
    public static (IReadOnlyList<SimulatedPipeline> Pipelines, string Description) Pipelines(SimulateArguments args, List<string> errors)
    {
        if (args.Pipelines.Length > 0 && (args.Scenario is not null || args.Trace is not null))
        {
            errors.Add("--pipeline replaces --scenario and --trace: give either pipelines or one of the others.");
            return ([], "");
        }

        if (args.Scenario is not null && args.Trace is not null)
        {
            errors.Add("--trace runs its own single pipeline: give either --scenario or --trace.");
            return ([], "");
        }

        var duration = args.Duration is > 0 ? TimeSpan.FromSeconds(args.Duration.Value) : (TimeSpan?)null;

        // The composition root owns randomness: one seeded source per trace, derived from --seed.
        var traceIndex = 0UL;
        IDemandTrace Trace(string name, double podThroughput) => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(name)
            : TraceCatalog.Create(name, new TraceContext(new SplitMixRandomSource(args.Seed ^ (0xA5A5A5A5UL + traceIndex++)), podThroughput, duration));

        var specs = args.Pipelines.Length > 0 ? args.Pipelines : args.Trace is { } t ? [$"name=main,trace={t}"] : [];
        if (specs.Length == 0)
        {
            var name = args.Scenario ?? "dusk";
            return (BuiltInScenarios.Create(name, args.Seed), $"scenario {name}");
        }

        var pipelines = specs.Select(spec => PipelineSpecParser.Parse(spec, Trace, errors)).OfType<SimulatedPipeline>().ToList();
        foreach (var duplicate in pipelines.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"pipeline '{duplicate.Key}' is given more than once.");
        }

        var description = args.Pipelines.Length > 0 ? $"{pipelines.Count} pipelines" : $"trace {args.Trace}";
        return (pipelines, description);
    }

    private static CsvTrace ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        return CsvTrace.Parse(reader, Path.GetFileName(path));
    }
}
