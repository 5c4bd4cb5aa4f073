using System.Globalization;
using Force12.Queues.Core.Scaling;
using Force12.Queues.Simulation;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Tools.Commands.Simulate;

/// <summary>
/// Parses <c>--pipeline name=lights,trace=dusk,priority=1,...</c>. Every problem is collected, each naming
/// the pipeline and the key, so one run reports them all.
/// </summary>
internal static class PipelineSpecParser
{
    /// <summary>Keys a spec may use, with their meaning for <c>--help</c>.</summary>
    public const string KeysHelp =
        "name (required), trace (dusk|random|steps|diurnal|FILE.csv; default dusk), priority (1 = highest; default 1), " +
        "remainder (true|false; default false), partitions (default 100), throughput (msg/s per pod; default 100), " +
        "prior (policy's prior msg/s per pod; default = throughput), sla (seconds; default 10), min (default 1), " +
        "max (default = partitions), window (scale-down stabilisation seconds; default 30), step (max pods added per decision; default none)";

    public static SimulatedPipeline? Parse(string spec, Func<string, double, IDemandTrace> traces, List<string> errors)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"--pipeline '{spec}': '{pair}' is not key=value.");
                continue;
            }

            values[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        if (!values.TryGetValue("name", out var name) || name.Length == 0)
        {
            errors.Add($"--pipeline '{spec}': name is required.");
            return null;
        }

        var before = errors.Count;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "name", "trace", "priority", "remainder", "partitions", "throughput", "prior", "sla", "min", "max", "window", "step" };
        errors.AddRange(values.Keys.Where(k => !known.Contains(k)).Select(k => $"pipeline '{name}': unknown key '{k}'. Keys: {KeysHelp}."));
        double Number(string key, double fallback)
        {
            if (!values.TryGetValue(key, out var text))
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return number;
            }

            errors.Add($"pipeline '{name}': {key} must be a number (was '{text}').");
            return fallback;
        }

        var partitions = (int)Number("partitions", 100);
        var throughput = Number("throughput", 100);
        var policy = new SlaPolicyOptions
        {
            Sla = TimeSpan.FromSeconds(Number("sla", 10)),
            MinPods = (int)Number("min", 1),
            MaxPods = (int)Number("max", partitions),
            PerPodThroughputPrior = Number("prior", throughput),
            ScaleDownStabilisation = TimeSpan.FromSeconds(Number("window", 30)),
            MaxScaleUpStep = values.ContainsKey("step") ? (int)Number("step", 1) : null,
        };
        errors.AddRange(SlaPolicyOptionsValidator.Validate(policy, $"pipeline '{name}'"));
        if (partitions < 1)
        {
            errors.Add($"pipeline '{name}': partitions must be >= 1 (was {partitions}).");
        }

        if (!(throughput > 0))
        {
            errors.Add($"pipeline '{name}': throughput must be > 0 msg/s (was {throughput}).");
        }

        var remainder = values.TryGetValue("remainder", out var r) && bool.TryParse(r, out var isRemainder) && isRemainder;
        IDemandTrace? trace = null;
        try
        {
            trace = traces(values.GetValueOrDefault("trace", "dusk"), throughput);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"pipeline '{name}': trace: {ex.Message}");
        }

        return errors.Count > before || trace is null ? null : new SimulatedPipeline
        {
            Name = name,
            Trace = trace,
            Priority = (int)Number("priority", 1),
            IsRemainder = remainder,
            Partitions = partitions,
            PodThroughput = throughput,
            ServiceTimeSeconds = 1 / throughput,
            Policy = policy,
        };
    }
}
