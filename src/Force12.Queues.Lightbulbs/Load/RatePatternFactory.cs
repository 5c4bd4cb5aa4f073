using Force12.Queues.Simulation.Randomness;
using Force12.Queues.Simulation.Traces;

namespace Force12.Queues.Lightbulbs.Load;

/// <summary>Builds the rate function a <see cref="RatePatternSpec"/> describes, reporting every problem by option name.</summary>
public static class RatePatternFactory
{
    /// <summary>The pattern, or null with <paramref name="errors"/> filled (each naming its <c>--option</c>).</summary>
    public static IDemandTrace? Create(RatePatternSpec spec, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        NonNegative(errors, "--rate", spec.Rate);
        if (spec.Duration is { } d && d <= TimeSpan.Zero)
        {
            errors.Add($"--duration must be positive (was {d})");
        }

        IDemandTrace? rate = spec.Pattern switch
        {
            "constant" => errors.Count > before ? null : new ConstantRate(spec.Rate, spec.Duration),
            "step" => Step(spec, errors, before),
            "dusk" => Dusk(spec, errors, before),
            "diurnal" => Diurnal(spec, errors, before),
            "random-walk" => RandomWalk(spec, errors, before),
            "trace" => Trace(spec, errors, before),
            _ when spec.Pattern.StartsWith("sim:", StringComparison.Ordinal) => Simulated(spec, errors),
            _ => Unknown(spec, errors),
        };
        return errors.Count > before ? null : rate;
    }

    private static StepBurstTrace? Step(RatePatternSpec spec, List<string> errors, int before)
    {
        if (spec.StepTo is not { } high)
        {
            errors.Add("--step-to is required for the step pattern (the rate after the step)");
            return null;
        }

        NonNegative(errors, "--step-to", high);
        Positive(errors, "--step-at", spec.StepAt);
        if (spec.StepHold is { } hold)
        {
            Positive(errors, "--step-hold", hold);
        }

        return errors.Count > before ? null : StepRate.Create(spec.Rate, high, spec.StepAt, spec.StepHold, spec.Duration);
    }

    private static DuskSpikeTrace? Dusk(RatePatternSpec spec, List<string> errors, int before)
    {
        if (spec.SpikeBulbs < 0)
        {
            errors.Add($"--bulbs must be 0 or more (was {spec.SpikeBulbs})");
        }

        if (spec.SpikeAt < TimeSpan.Zero)
        {
            errors.Add($"--spike-at must be 0 or later (was {spec.SpikeAt})");
        }

        Positive(errors, "--spike-length", spec.SpikeLength);
        return errors.Count > before ? null : DuskSpikeTrace.Burst(spec.Rate, spec.SpikeBulbs, spec.SpikeAt, spec.SpikeLength, spec.Duration);
    }

    private static DiurnalTrace? Diurnal(RatePatternSpec spec, List<string> errors, int before)
    {
        if (spec.MaxRate is not { } max)
        {
            errors.Add("--max-rate is required for the diurnal pattern (the rate at midday)");
            return null;
        }

        var min = spec.MinRate ?? 0;
        NonNegative(errors, "--min-rate", min);
        if (max < min)
        {
            errors.Add($"--max-rate must be at least --min-rate (was {max} < {min})");
        }

        Positive(errors, "--period", spec.Period);
        return errors.Count > before ? null : new DiurnalTrace { NightRate = min, PeakRate = max, Period = spec.Period, Duration = spec.Duration };
    }

    private static RandomWalkRate? RandomWalk(RatePatternSpec spec, List<string> errors, int before)
    {
        var (min, max) = (spec.MinRate ?? spec.Rate / 10, spec.MaxRate ?? spec.Rate * 5);
        NonNegative(errors, "--min-rate", min);
        if (!(min <= spec.Rate && spec.Rate <= max))
        {
            errors.Add($"--rate must lie within --min-rate and --max-rate (was {spec.Rate}, range {min}..{max})");
        }

        Positive(errors, "--step-every", spec.StepEvery);
        if (spec.MaxStepFraction is < 0 or > 1 or double.NaN)
        {
            errors.Add($"--max-step must be between 0 and 1 (was {spec.MaxStepFraction})");
        }

        return errors.Count > before
            ? null
            : new RandomWalkRate(spec.Rate, min, max, spec.StepEvery, spec.MaxStepFraction, new SplitMixRandomSource(spec.Seed).NextDouble, spec.Duration);
    }

    private static CsvTrace? Trace(RatePatternSpec spec, List<string> errors, int before)
    {
        if (spec.TraceFile is null)
        {
            errors.Add("--trace is required for the trace pattern (a CSV file of seconds,rate rows)");
            return null;
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            using var reader = File.OpenText(spec.TraceFile);
            return CsvTrace.Parse(reader, spec.TraceFile, spec.Duration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.Add($"--trace '{spec.TraceFile}': {e.Message}");
            return null;
        }
    }

    private static IDemandTrace? Simulated(RatePatternSpec spec, List<string> errors)
    {
        var name = spec.Pattern[4..];
        if (!TraceCatalog.Contains(name))
        {
            errors.Add($"--pattern '{spec.Pattern}': no simulator trace '{name}' (known: {string.Join(", ", TraceCatalog.Names.Select(n => "sim:" + n))})");
            return null;
        }

        return TraceCatalog.Create(name, new TraceContext(new SplitMixRandomSource(spec.Seed), spec.PodThroughput, spec.Duration));
    }

    private static IDemandTrace? Unknown(RatePatternSpec spec, List<string> errors)
    {
        errors.Add($"--pattern '{spec.Pattern}' is not known (use one of: {string.Join(", ", RatePatternSpec.Patterns)})");
        return null;
    }

    private static void NonNegative(List<string> errors, string option, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            errors.Add($"{option} must be a number of events per second, 0 or more (was {value})");
        }
    }

    private static void Positive(List<string> errors, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{option} must be positive (was {value})");
        }
    }
}
