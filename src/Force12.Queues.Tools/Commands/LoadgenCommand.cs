using System.CommandLine;
using Force12.Queues.Agent;
using Force12.Queues.Core.Configuration;
using Force12.Queues.Lightbulbs.Audit;
using Force12.Queues.Lightbulbs.Events;
using Force12.Queues.Lightbulbs.Load;
using Force12.Queues.Simulation.Randomness;

namespace Force12.Queues.Tools.Commands;

/// <summary><c>force12 loadgen</c>: produces uniquely numbered lightbulb events to a Kafka topic or a Kinesis stream following a demand pattern.</summary>
internal static class LoadgenCommand
{
    public static Command Create()
    {
        var o = new LoadgenOptions();
        var command = new Command("loadgen", "Produce lightbulb events to a Kafka topic (--sink kafka, the default) or a Kinesis stream (--sink kinesis) at the rate of a pattern (constant, step, dusk, diurnal, random-walk, trace), each with a unique sequence number for the delivery audit. Shows progress and ends with a report; Ctrl-C stops early.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, o, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, LoadgenOptions o, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var errors = new List<string>();
        var spec = new RatePatternSpec
        {
            Pattern = parseResult.GetValue(o.Pattern)!,
            Rate = parseResult.GetValue(o.Rate),
            Duration = Duration(parseResult.GetValue(o.Duration), "--duration", null, errors),
            StepTo = parseResult.GetValue(o.StepTo),
            StepAt = Duration(parseResult.GetValue(o.StepAt), "--step-at", TimeSpan.FromSeconds(30), errors)!.Value,
            StepHold = Duration(parseResult.GetValue(o.StepHold), "--step-hold", null, errors),
            SpikeBulbs = parseResult.GetValue(o.Bulbs),
            SpikeAt = Duration(parseResult.GetValue(o.SpikeAt), "--spike-at", TimeSpan.FromSeconds(10), errors)!.Value,
            SpikeLength = Duration(parseResult.GetValue(o.SpikeLength), "--spike-length", TimeSpan.FromSeconds(10), errors)!.Value,
            MinRate = parseResult.GetValue(o.MinRate),
            MaxRate = parseResult.GetValue(o.MaxRate),
            Period = Duration(parseResult.GetValue(o.Period), "--period", TimeSpan.FromSeconds(60), errors)!.Value,
            Seed = parseResult.GetValue(o.Seed),
            PodThroughput = parseResult.GetValue(o.PodThroughput),
            TraceFile = parseResult.GetValue(o.Trace)?.FullName,
        };
        var rate = RatePatternFactory.Create(spec, errors);
        var codec = LightbulbCodecs.ByName(parseResult.GetValue(o.Encoding)!);
        if (codec is null)
        {
            errors.Add($"--encoding must be one of {string.Join(", ", LightbulbCodecs.Names)}");
        }

        var bulbs = parseResult.GetValue(o.Bulbs);
        var maxEvents = parseResult.GetValue(o.MaxEvents);
        LoadSinkFactory.Check(parseResult, o, errors);
        CheckRanges(errors, bulbs, parseResult.GetValue(o.BulbsPerHome), parseResult.GetValue(o.FirstSequence), maxEvents);
        if (rate is { Duration: null } && maxEvents is null && !parseResult.GetValue(o.Endless))
        {
            errors.Add("the run has no end: give --duration or --max-events (or --endless to run until Ctrl-C)");
        }

        if (errors.Count > 0 || rate is null || codec is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.BadArguments;
        }

        var time = TimeProvider.System;
        using var ackLog = parseResult.GetValue(o.AckLog) is { } ackPath ? new AuditLogWriter(ackPath.FullName) : null;
        await using var sink = LoadSinkFactory.Create(parseResult, o, time, ackLog is null ? null : ackLog.Append);
        var events = new LightbulbEventFactory(bulbs, parseResult.GetValue(o.BulbsPerHome), parseResult.GetValue(o.FirstSequence), new SplitMixRandomSource(spec.Seed), time);
        var generator = new LoadGenerator(new LoadGeneratorOptions { Rate = rate, Codec = codec, MaxEvents = maxEvents }, events, sink, time);
        var json = parseResult.GetValue(o.Output) == "json";
        var progress = json ? null : new LoadProgressPrinter(output, rate.Describe(), sink.Description);
        var report = await generator.RunAsync(progress, cancellationToken).ConfigureAwait(false);
        ackLog?.Flush();
        await LoadReportPrinter.WriteAsync(output, report, json).ConfigureAwait(false);
        if (report.Failed == 0 && report.Unconfirmed == 0)
        {
            return ExitCodes.Success;
        }

        await error.WriteLineAsync($"force12 loadgen: {report.Failed} failed, {report.Unconfirmed} unconfirmed; first error: {report.FirstError ?? "none (flush timed out)"}").ConfigureAwait(false);
        return ExitCodes.Failure;
    }

    private static void CheckRanges(List<string> errors, int bulbs, int perHome, long firstSequence, long? maxEvents)
    {
        if (bulbs < 1)
        {
            errors.Add($"--bulbs must be at least 1 (was {bulbs})");
        }

        if (perHome < 1)
        {
            errors.Add($"--bulbs-per-home must be at least 1 (was {perHome})");
        }

        if (firstSequence < 0)
        {
            errors.Add($"--first-sequence must be 0 or more (was {firstSequence})");
        }

        if (maxEvents is < 1)
        {
            errors.Add($"--max-events must be at least 1 (was {maxEvents})");
        }
    }

    private static TimeSpan? Duration(string? text, string option, TimeSpan? fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!QuantityParser.TryParseDuration(text, out var value))
        {
            errors.Add($"{option} '{text}' is not a duration (use a number with ms, s, m or h, for example 30s)");
            return fallback ?? TimeSpan.FromSeconds(1);
        }

        return value;
    }
}
